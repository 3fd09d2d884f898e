"""Prodigy, doccano and Label Studio: every shape, UTF-16 offsets, bad input, round trips."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from tests.io.interop_helpers import TEXT, at, export_record, new_store, read_all, sample_document, span_texts

from hakam.core.model import Document, Span
from hakam.io.errors import InputError
from hakam.io.formats import ReadOptions, WriteOptions, detect, doccano, labelstudio, prodigy, writer
from hakam.io.formats.utf16 import Utf16
from hakam.io.importer import import_file

EMOJI_LINE = "A 😊 في حلب 👍🏽 Aleppo"


def keys(spans: list[Span]) -> list[tuple[int, int, str]]:
    return sorted(s.key for s in spans)


def lines(tmp_path: Path, name: str, *records: object, array: bool = False) -> Path:
    path = tmp_path / name
    body = json.dumps(list(records), ensure_ascii=False, indent=1) if array else \
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records)  # fmt: skip
    path.write_text(body + "\n", encoding="utf-8")
    return path


def utf16(text: str, word: str) -> list[int]:
    start = text.index(word)
    return [len(text[:start].encode("utf-16-le")) // 2, len(text[: start + len(word)].encode("utf-16-le")) // 2]


def test_utf16_conversion_round_trips() -> None:
    units = Utf16(EMOJI_LINE)
    for cp in range(len(EMOJI_LINE) + 1):
        unit = len(EMOJI_LINE[:cp].encode("utf-16-le")) // 2
        assert units.to_utf16(cp) == unit and units.to_code_point(unit) == cp
    assert units.to_code_point(3) is None  # inside the surrogate pair of 😊


# -- Prodigy --------------------------------------------------------------------------------------
def test_prodigy_answers_meta_and_token_spans(new_db, tmp_path: Path) -> None:
    tokens = [{"text": "في", "start": 0, "end": 2, "id": 0}, {"text": "حلب", "start": 3, "end": 6, "id": 1}]
    path = lines(tmp_path, "p.jsonl",
                 {"text": "في حلب", "tokens": tokens, "spans": [{"token_start": 1, "token_end": 1, "label": "GPE"}],
                  "answer": "accept", "_input_hash": -5, "_task_hash": 7, "_annotator_id": "ds-mona",
                  "_timestamp": 1633931094, "relations": [{"head": 1, "child": 1, "label": "SELF"}], "comment_id": 3},
                 {"text": "نص آخر", "spans": [], "answer": "ignore", "_input_hash": 1},
                 {"text": "نص ثالث", "spans": [{"start": 0, "end": 2, "label": "ORG", "text": "نص"}],
                  "answer": "reject", "_input_hash": 2})  # fmt: skip
    assert detect(path).name == "prodigy"
    first, ignored, rejected = read_all("prodigy", path)
    assert span_texts(first.doc.text, first.doc.spans) == [("GPE", "حلب")]
    assert (first.answer, first.annotator, first.timestamp) == ("accept", "ds-mona", 1633931094.0)
    assert first.doc.meta["prodigy"]["_input_hash"] == -5 and first.doc.meta["prodigy"]["comment_id"] == 3
    assert first.doc.meta["prodigy"]["relations"][0]["label"] == "SELF"
    assert ignored.answer == "ignore" and rejected.answer == "reject"
    store = new_store(new_db("db"))
    summary = import_file(store, path, add_labels=True)
    assert summary.documents == 3 and summary.spans == 1
    assert store.stats.counts()["ignored"] == 1


def test_prodigy_span_text_mismatch_names_file_and_line(new_db, tmp_path: Path) -> None:
    path = lines(
        tmp_path,
        "p.jsonl",
        {"text": "في حلب", "spans": []},
        {"text": "في حلب", "spans": [{"start": 3, "end": 5, "label": "GPE", "text": "حلب"}], "answer": "accept"},
    )
    store = new_store(new_db("db"))
    with pytest.raises(InputError, match=r"p.jsonl:2: .*'حلب'"):
        import_file(store, path, fmt="prodigy", add_labels=True)
    assert store.stats.counts()["documents"] == 0


def test_prodigy_export_tokens_and_round_trip(tmp_path: Path) -> None:
    task = prodigy.task(export_record())
    tokens = task["tokens"]
    span = next(s for s in task["spans"] if s["text"] == "الرقة")
    assert tokens[span["token_start"]]["text"] == "الرقة" and span["token_end"] == span["token_start"]
    assert tokens[span["token_start"] - 1] == {**tokens[span["token_start"] - 1], "text": "و", "ws": False}
    multi = next(s for s in task["spans"] if s["text"] == "الأمم المتحدة")
    assert multi["token_end"] == multi["token_start"] + 1  # inclusive
    assert task["answer"] == "accept" and task["_annotator_id"] == "mona" and isinstance(task["_task_hash"], int)
    path = _write(tmp_path, "prodigy", "out.jsonl")
    record = read_all("prodigy", path)[0]
    doc = sample_document()
    assert record.doc.text == TEXT and keys(record.doc.spans) == keys(doc.spans)
    assert [(e.type, e.trigger, e.arguments, e.attributes) for e in record.doc.events] == [
        (e.type, e.trigger, e.arguments, e.attributes) for e in doc.events
    ]  # events ride along


def _write(tmp_path: Path, fmt: str, name: str, record=None) -> Path:
    path = tmp_path / name
    with open(path, "w", encoding="utf-8") as stream:
        writer(fmt).write([record or export_record()], stream, WriteOptions())
    return path


# -- doccano --------------------------------------------------------------------------------------
@pytest.mark.parametrize("record", [
    {"text": EMOJI_LINE, "entities": [[*utf16(EMOJI_LINE, "حلب"), "GPE"]]},
    {"text": EMOJI_LINE, "labels": [[*utf16(EMOJI_LINE, "حلب"), "GPE"]], "meta": {"k": 1}},
    {"id": 4, "text": EMOJI_LINE, "label": [[*utf16(EMOJI_LINE, "حلب"), "GPE"]]},
    {"id": 4, "data": EMOJI_LINE, "label": [[*utf16(EMOJI_LINE, "حلب"), "GPE"]]},
    {"text": EMOJI_LINE, "entities": [{"id": 0, "start_offset": utf16(EMOJI_LINE, "حلب")[0],
                                       "end_offset": utf16(EMOJI_LINE, "حلب")[1], "label": "GPE"}], "relations": []},
])  # fmt: skip
def test_doccano_shapes_with_utf16_offsets(tmp_path: Path, record: dict) -> None:
    path = lines(tmp_path, "d.jsonl", record)
    assert detect(path).name == "doccano"
    got = read_all("doccano", path)[0]
    assert span_texts(got.doc.text, got.doc.spans) == [("GPE", "حلب")]


def test_doccano_label_ids_need_a_labels_file(tmp_path: Path) -> None:
    start, end = utf16(EMOJI_LINE, "Aleppo")
    path = lines(tmp_path, "d.jsonl", {"id": 1, "text": EMOJI_LINE, "annotation_approver": None, "annotations": [
        {"label": 12, "start_offset": start, "end_offset": end, "user": 1},
        {"label": 12, "start_offset": start, "end_offset": end, "user": 2},
        {"label": 13, "start_offset": start - 1, "end_offset": end - 2, "user": 2}]})  # fmt: skip
    with pytest.raises(InputError, match=r"12 \(2\), 13 \(1\).*--labels"):
        list(doccano.READER.read(path, ReadOptions()))
    labels = tmp_path / "labels.tsv"
    labels.write_text("12\tGPE\n13\tGPE\n", encoding="utf-8")
    record = read_all("doccano", path, labels_file=labels)[0]
    assert span_texts(record.doc.text, record.doc.spans) == [("GPE", "Aleppo")]
    assert record.span_annotators[record.doc.spans[0].key] == "1, 2"
    assert [(s.label, s.source) for s in record.suggested_spans] == [("GPE", "annotator:2")]  # the disagreement


def test_doccano_missing_text_is_reported(new_db, tmp_path: Path) -> None:
    path = lines(tmp_path, "d.jsonl", {"text": "a", "label": []}, {"label": [[0, 1, "PER"]]})
    store = new_store(new_db("db"))
    with pytest.raises(InputError, match="d.jsonl:2: missing or empty text"):
        import_file(store, path, add_labels=True)
    summary = import_file(store, path, add_labels=True, skip_invalid=True)
    assert summary.documents == 1 and len(summary.skipped) == 1


def test_doccano_export_round_trip(tmp_path: Path) -> None:
    """doccano holds spans only: events are not written; every span survives."""
    data = doccano.line_of(export_record())
    geneva = next(item for item in data["label"] if item[2] == "GPE" and item[0] > 60)
    assert geneva[0] == TEXT.index("Geneva") + 1  # one emoji before it: UTF-16 is one ahead
    record = read_all("doccano", _write(tmp_path, "doccano", "out.jsonl"))[0]
    assert keys(record.doc.spans) == keys(sample_document().spans) and record.doc.events == []


# -- Label Studio ---------------------------------------------------------------------------------
def _region(text: str, word: str, label: str, rid: str) -> dict:
    start, end = utf16(text, word)
    return {"id": rid, "type": "labels", "from_name": "label", "to_name": "text",
            "value": {"start": start, "end": end, "text": word, "labels": [label]}}  # fmt: skip


def test_labelstudio_annotators_predictions_and_cancelled(tmp_path: Path) -> None:
    tasks = [{"id": 7, "data": {"body": EMOJI_LINE},
              "annotations": [
                  {"id": 1, "completed_by": {"id": 3, "first_name": "Ana"}, "was_cancelled": False,
                   "result": [_region(EMOJI_LINE, "حلب", "GPE", "r1"), _region(EMOJI_LINE, "Aleppo", "GPE", "r2"),
                              {"type": "relation", "from_id": "r1", "to_id": "r2", "labels": ["same"]}]},
                  {"id": 2, "completed_by": {"id": 4, "first_name": "Omar"}, "result": [
                      _region(EMOJI_LINE, "حلب", "GPE", "r1")]}],
              "predictions": [{"model_version": "m1", "score": 0.5, "result": [
                  _region(EMOJI_LINE, "في", "ORG", "p1")]}]},
             {"id": 8, "data": {"body": "نص ملغى"}, "annotations": [{"was_cancelled": True, "result": []}]}]  # fmt: skip
    path = lines(tmp_path, "ls.json", *tasks, array=True)
    assert detect(path).name == "labelstudio"
    with pytest.raises(AssertionError, match="text-key"):
        read_all("labelstudio", lines(tmp_path, "ls2.json", {"data": {"a": "x", "b": "y"}, "annotations": []}))
    first, cancelled = read_all("labelstudio", path, text_key="body")
    assert span_texts(first.doc.text, first.doc.spans) == [("GPE", "Aleppo"), ("GPE", "حلب")]
    assert first.span_annotators[at(EMOJI_LINE, "حلب", "GPE").key] == "Ana, Omar"
    assert first.span_annotators[at(EMOJI_LINE, "Aleppo", "GPE").key] == "Ana"
    assert [(s.label, s.source, s.score) for s in first.suggested_spans] == [("ORG", "m1", 0.5)]
    assert first.doc.meta["labelstudio"]["annotations"][0]["relations"][0]["labels"] == ["same"]
    assert first.answer == "accept" and cancelled.answer == "ignore"


def test_labelstudio_region_text_mismatch_is_reported(new_db, tmp_path: Path) -> None:
    region = _region(EMOJI_LINE, "حلب", "GPE", "r1")
    region["value"]["text"] = "دمشق"
    path = lines(tmp_path, "ls.jsonl", {"data": {"text": EMOJI_LINE}, "annotations": [{"result": [region]}]})
    store = new_store(new_db("db"))
    with pytest.raises(InputError, match="ls.jsonl:1: .*'دمشق'"):
        import_file(store, path, add_labels=True)


def test_labelstudio_export_round_trip(tmp_path: Path) -> None:
    """Label Studio's NER tasks hold spans, annotators and predictions, not events."""
    doc = sample_document()
    record = export_record(doc)
    record.span_annotators[doc.spans[0].key] = "mona, sami"
    record.suggestions = [Span(TEXT.index("دمشق"), TEXT.index("دمشق") + 4, "LOC", 0.7, "crf-1")]
    task = labelstudio.task_of(record)
    assert {a["completed_by"]["first_name"] for a in task["annotations"]} == {"mona", "sami"}
    assert task["predictions"][0]["model_version"] == "crf-1"
    back = read_all("labelstudio", _write(tmp_path, "labelstudio", "out.json", record))[0]
    assert back.doc.text == TEXT and keys(back.doc.spans) == keys(doc.spans)
    assert back.span_annotators[doc.spans[0].key] == "mona, sami"
    assert [(s.key, s.score) for s in back.suggested_spans] == [(record.suggestions[0].key, 0.7)]


def test_every_json_writer_streams_many_documents() -> None:
    docs = [Document(f"نص رقم {i}", f"d{i}", {}, [Span(0, 2, "ORG")]) for i in range(3)]
    for fmt in ("prodigy", "doccano", "labelstudio"):
        out = io.StringIO()
        assert writer(fmt).write([export_record(d) for d in docs], out, WriteOptions()) == 3
