"""The BERT adapter runs camel-tools' NERecognizer on a tiny random model, offline."""

from __future__ import annotations

from hakam.core.model import Document
from hakam.core.tokenize import word_tokens
from hakam.suggest import create
from hakam.suggest.bert import _schema_label, _spans, save_random_model

TEXT = "قال الرئيس بشار الأسد في دمشق إن الجيش السوري سيطر على مدينة حلب. وأكدت الأمم المتحدة ذلك."


def test_random_model_gives_valid_spans(tmp_path):
    words = [TEXT[t.start : t.end] for t in word_tokens(TEXT)]
    folder = save_random_model(tmp_path / "tiny-bert", words)
    bert = create(f"bert:{folder}")
    spans, events = bert.suggest(Document(TEXT))
    assert events == [] and len(spans) >= 3  # the seeded random model labels several words
    for span in spans:
        surface = TEXT[span.start : span.end]
        assert 0 <= span.start < span.end <= len(TEXT)
        assert span.label in {"PERS", "ORG", "GPE", "LOC"} and span.source == "bert@tiny-bert"
        assert surface == surface.strip() and surface[0].isalnum() and surface[-1].isalnum()


def test_label_mapping():
    tokens = word_tokens(TEXT)
    labels = ["O"] * len(tokens)
    labels[2:4] = ["B-PERS", "I-PERS"]
    labels[5] = "B-LOC"
    labels[0] = "B-MISC"
    spans = _spans(TEXT, tokens, labels, "bert@t")
    assert [(s.label, TEXT[s.start : s.end]) for s in spans] == [("PERS", "بشار الأسد"), ("GPE", "دمشق")]
    # Whole-word labels drawn as Hakam draws spans: no proclitic, no punctuation at the edges.
    text = "سيطروا على وبالباغوز. ثم لدمشق"
    spans = _spans(text, word_tokens(text), ["O", "O", "B-LOC", "I-LOC", "O", "B-LOC"], "bert@t")
    assert [text[s.start : s.end] for s in spans] == ["الباغوز", "دمشق"]
    assert _schema_label("LOC", "نهر الفرات") == "LOC" and _schema_label("MISC", "x") is None


class _Unsafe:
    """A pickle whose loading would call a function: torch's weights_only loader refuses it."""

    def __reduce__(self):
        return (print, ("an unsafe pickle ran",))


def test_a_pickled_model_refused_by_weights_only_is_one_line(tmp_path, capsys):
    import pickle

    from hakam.cli import main

    folder = save_random_model(tmp_path / "unsafe-bert", ["قال", "دمشق"])
    for weights in folder.glob("*.safetensors"):
        weights.unlink()
    (folder / "pytorch_model.bin").write_bytes(pickle.dumps(_Unsafe()))
    text = tmp_path / "a.txt"
    text.write_text("قال في دمشق", encoding="utf-8")
    assert main(["suggest", "--model", f"bert:{folder}", str(text)]) == 1
    captured = capsys.readouterr()
    assert "an unsafe pickle ran" not in captured.out + captured.err
    assert "the weights are a pickle that torch's safe loader refuses (weights_only)" in captured.err
    assert len(captured.err.strip().splitlines()) == 1, captured.err
