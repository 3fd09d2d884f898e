"""CoNLL: layouts, IOB1/IOB2, nested columns, clitic trimming, export and round trip."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from tests.io.interop_helpers import TEXT, export_record, new_store, read_all, sample_document, span_texts

from hakam.io.errors import InputError
from hakam.io.formats import ReadOptions, WriteOptions, detect
from hakam.io.formats.conll import READER, WRITER, decode
from hakam.io.importer import import_file


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_iob1_and_iob2_decode_alike() -> None:
    assert decode(["I-PER", "I-PER", "O", "I-LOC", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC")]
    assert decode(["B-PER", "I-PER", "I-ORG", "O"]) == [(0, 2, "PER"), (2, 3, "ORG")]
    assert decode(["S-LOC", "B-ORG", "E-ORG"]) == [(0, 1, "LOC"), (1, 3, "ORG")]


def test_two_column_iob2_with_docstart_and_sentences(tmp_path: Path) -> None:
    path = write(tmp_path, "a.conll", "-DOCSTART- O\n\nقال O\nبشار B-PERS\nالأسد I-PERS\n. O\n\nفي O\nحلب B-LOC\n\n"
                                      "-DOCSTART- O\n\nزار O\nدمشق B-LOC\n")  # fmt: skip
    records = read_all("conll", path)
    assert [r.doc.text for r in records] == ["قال بشار الأسد .\nفي حلب", "زار دمشق"]
    assert span_texts(records[0].doc.text, records[0].doc.spans) == [("LOC", "حلب"), ("PERS", "بشار الأسد")]
    assert records[0].doc.meta["detokenised"] is True
    assert records[1].line == 13


def test_four_column_iob1_uses_the_last_column(tmp_path: Path) -> None:
    path = write(tmp_path, "b.conll", "U.N. NNP I-NP I-ORG\nofficial NN I-NP O\nEkeus NNP I-NP I-PER\n"
                                      "heads VBZ I-VP O\n. . O O\n")  # fmt: skip
    record = read_all("conll", path)[0]
    assert span_texts(record.doc.text, record.doc.spans) == [("ORG", "U.N."), ("PER", "Ekeus")]


def test_nested_columns_give_overlapping_spans(tmp_path: Path) -> None:
    path = write(tmp_path, "w.txt", "جريدة B-ORG\nفلسطين I-ORG B-GPE\nاليوم O\n\nمحكمة B-ORG\nحكومة I-ORG B-ORG\n"
                                    "فلسطين I-ORG I-ORG B-GPE\n")  # fmt: skip
    assert detect(path).name == "conll"
    record = read_all("conll", path)[0]
    assert span_texts(record.doc.text, record.doc.spans) == [
        ("GPE", "فلسطين"), ("GPE", "فلسطين"), ("ORG", "جريدة فلسطين"), ("ORG", "حكومة فلسطين"),
        ("ORG", "محكمة حكومة فلسطين")]  # fmt: skip


def test_index_column_and_comments(tmp_path: Path) -> None:
    path = write(tmp_path, "g.conll", "#\tsource 2009\n1\tIn\tO\tO\n2\tTroia\tB-OTH\tB-LOC\n3\tTraum\tI-OTH\tO\n")
    record = read_all("conll", path)[0]
    assert record.doc.text == "In Troia Traum"
    assert span_texts(record.doc.text, record.doc.spans) == [("LOC", "Troia"), ("OTH", "Troia Traum")]
    assert record.doc.meta["comments"] == ["#\tsource 2009"]


def test_proclitics_are_trimmed_unless_kept(tmp_path: Path) -> None:
    content = "قالت O\nإسرائيل B-LOC\nو O\nوإسرائيل B-LOC\nللأمم B-ORG\nالمتحدة I-ORG\nوزارة B-ORG\nالدفاع I-ORG\n"
    path = write(tmp_path, "c.conll", content)
    record = read_all("conll", path)[0]
    assert record.trimmed == 2
    assert span_texts(record.doc.text, record.doc.spans) == [
        ("LOC", "إسرائيل"), ("LOC", "إسرائيل"), ("ORG", "لأمم المتحدة"), ("ORG", "وزارة الدفاع")]  # fmt: skip
    kept = read_all("conll", path, keep_clitics=True)[0]
    assert kept.trimmed == 0 and ("LOC", "وإسرائيل") in span_texts(kept.doc.text, kept.doc.spans)


def test_sentences_per_doc(tmp_path: Path) -> None:
    path = write(tmp_path, "s.conll", "".join(f"كلمة{i} O\n\n" for i in range(5)))
    assert [r.doc.text.count("\n") + 1 for r in read_all("conll", path, sentences_per_doc=2)] == [2, 2, 1]


def test_tag_without_token_is_reported_with_line(new_db, tmp_path: Path) -> None:
    path = write(tmp_path, "bad.conll", "a O\nb B-LOC\n O\n")
    errors = [i for i in READER.read(path, ReadOptions()) if isinstance(i, InputError)]
    assert len(errors) == 1 and "bad.conll:3" in str(errors[0])
    store = new_store(new_db("db"))
    with pytest.raises(InputError):
        import_file(store, path, add_labels=True)
    assert store.stats.counts()["documents"] == 0


def test_export_is_iob2_on_clitic_split_tokens() -> None:
    out = io.StringIO()
    WRITER.write([export_record()], out, WriteOptions())
    lines = out.getvalue().splitlines()
    assert lines[0] == "-DOCSTART- O" and lines[1] == ""
    assert "و O" in lines and "الرقة B-GPE" in lines
    assert lines[lines.index("وزارة B-ORG") + 1] == "الدفاع I-ORG"
    assert "" in lines[lines.index("Geneva B-GPE") + 1 : lines.index("Geneva B-GPE") + 3]  # sentence break


def test_round_trip_keeps_every_span(tmp_path: Path) -> None:
    """CoNLL holds entity spans (not events, ids or exact spacing): the spans survive."""
    path = tmp_path / "out.conll"
    with open(path, "w", encoding="utf-8") as stream:
        WRITER.write([export_record()], stream, WriteOptions())
    record = read_all("conll", path)[0]
    doc = sample_document()
    assert span_texts(record.doc.text, record.doc.spans) == span_texts(TEXT, doc.spans)
    assert record.trimmed == 0
