"""Label Studio tasks (JSON array, JSONL or one task) in and out.

Read: the text is ``data[--text-key]`` (else the ``<Text value="$key">`` of a
``config.xml``/``NAME.config.xml`` beside the file, else the only string in
``data``). ``annotations`` (0.x: ``completions``) are human work: each
annotator's ``labels`` regions become spans credited to them (kept apart by
``hakam.io.formats.annotators``), a ``was_cancelled`` annotation counts as
skipped and a task with only cancelled ones is ignored. ``predictions`` become
suggestions with their ``model_version`` as source and their score. Offsets are
UTF-16 units, checked against ``value.text``. Relations (region ids are scoped
to one annotation), other result types and task fields go to ``meta["labelstudio"]``.

Write: a JSON array of tasks, one annotation per annotator and one prediction
per suggestion source, in UTF-16 offsets. Label Studio's NER view has no
events, so they are not written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

import orjson

from hakam.core.model import Document, Span
from hakam.io.errors import InputError
from hakam.io.formats import ReadOptions, WriteOptions
from hakam.io.formats.annotators import add_suggestions, merge_annotators
from hakam.io.formats.jsonrec import converted, head_keys, iter_records, score_of
from hakam.io.formats.prodigy import signed_hash
from hakam.io.formats.utf16 import SplitPair, Utf16
from hakam.io.jsonl import format_time, parse_time
from hakam.io.records import ACCEPT, IGNORE, ExportRecord, ImportRecord

_TEXT_TAG = re.compile(r"<Text\b[^>]*\bvalue=\"\$([A-Za-z0-9_]+)\"")
_OWN = {"data", "annotations", "completions", "predictions", "meta"}


def config_text_key(path: Path) -> str | None:
    """The data key of the ``<Text>`` tag in a config beside ``path``."""
    for config in (path.with_name(f"{path.stem}.config.xml"), path.with_name("config.xml")):
        if config.is_file():
            match = _TEXT_TAG.search(config.read_text(encoding="utf-8", errors="replace"))
            if match:
                return match.group(1)
    return None


def _who(annotation: dict[str, Any]) -> str | None:
    user = annotation.get("completed_by")
    if isinstance(user, dict):
        name = " ".join(str(user.get(k) or "") for k in ("first_name", "last_name")).strip()
        email = user.get("email")
        return name or (email if isinstance(email, str) and email else None) or \
            (f"user {user['id']}" if "id" in user else None)  # fmt: skip
    return None if user is None else f"user {user}"


_SPAN_TYPES = ("labels", "hypertextlabels", "paragraphlabels")


def _list(value: Any, what: str, path: Path, line: int) -> list[Any]:
    """``value`` as a list (``None`` is an empty one); anything else is refused."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(path, line, f"{what} must be a list, not {type(value).__name__}")
    return value


def _regions(results: Any, units: Utf16, record: ImportRecord, path: Path, line: int,
             score: float | None = None, source: str | None = None) -> tuple[list[Span], dict[str, Span], list[Any]]:  # fmt: skip
    """Spans of ``labels`` results, region id -> span, and the other results."""
    spans: list[Span] = []
    by_id: dict[str, Span] = {}
    other: list[Any] = []
    for result in _list(results, '"result"', path, line):
        if not isinstance(result, dict):
            raise InputError(path, line, f"a result must be an object, not {result!r:.60}")
        kind, value, region = result.get("type"), result.get("value"), result.get("id")
        if kind not in _SPAN_TYPES:
            other.append(result)
            continue
        if not isinstance(value, dict):
            raise InputError(path, line, f"region {region}: value must be an object, not {value!r:.60}")
        labels = value.get(kind)
        if not isinstance(labels, list) or not labels or not all(isinstance(x, str) and x for x in labels):
            raise InputError(
                path, line, f"region {region}: {kind} must be a non-empty list of names, not {labels!r:.60}"
            )
        start, end = value.get("start"), value.get("end")
        if isinstance(start, bool) or isinstance(end, bool) or not isinstance(start, int) or not isinstance(end, int) \
                or start < 0 or end <= start:  # fmt: skip
            raise InputError(path, line, f"region {region}: bad offsets {start!r:.20}..{end!r:.20}")
        claimed = value.get("text") if isinstance(value.get("text"), str) else None
        try:
            begin, finish = units.span(start, end, claimed)
        except SplitPair as error:
            raise InputError(path, line, f"region {region}: {error}") from None
        item_score = score_of(result.get("score", score))
        for label in labels:
            span = Span(begin, finish, label, item_score, source)
            spans.append(span)
            by_id[str(region)] = span
            if claimed is not None:
                record.claimed_texts[span.key] = claimed
    return spans, by_id, other


def record_from_task(task: Any, path: Path, line: int, text_key: str) -> ImportRecord:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise InputError(path, line, 'a task must be an object with "data"')
    data = task["data"]
    strings = [k for k, v in data.items() if isinstance(v, str)]
    key = text_key if text_key in data else (strings[0] if len(strings) == 1 else None)
    if key is None or not isinstance(data.get(key), str) or not data[key].strip():
        raise InputError(path, line, f"no text under data[{text_key!r}] (data has {', '.join(data) or 'nothing'}); "
                                     "pass --text-key")  # fmt: skip
    text = data[key]
    meta = dict(task["meta"]) if isinstance(task.get("meta"), dict) else {}
    kept: dict[str, Any] = {k: v for k, v in task.items() if k not in _OWN}
    kept["data"] = {k: v for k, v in data.items() if k != key}
    doc_id = task.get("id", data.get("hakam_id"))
    record = ImportRecord(Document(text, None if doc_id is None else str(doc_id), meta), str(path), line)
    units = Utf16(text)
    key = "annotations" if "annotations" in task else "completions"
    annotations = _list(task.get(key), f'"{key}"', path, line)
    if not all(isinstance(a, dict) for a in annotations):
        raise InputError(path, line, f'each of "{key}" must be an object')
    done = [a for a in annotations if not a.get("was_cancelled")]
    done.sort(key=lambda a: not a.get("ground_truth"))  # the ground truth first
    spans_by: list[tuple[str | None, list[Span]]] = []
    notes: list[dict[str, Any]] = []
    for annotation in done:
        spans, by_id, other = _regions(annotation.get("result"), units, record, path, line)
        who = _who(annotation)
        spans_by.append((who, spans))
        note = {k: annotation.get(k) for k in ("id", "lead_time", "created_at", "updated_at", "ground_truth")
                if annotation.get(k) is not None}  # fmt: skip
        note["annotator"] = who
        relations = [{"from": list(by_id[str(r["from_id"])].key), "to": list(by_id[str(r["to_id"])].key),
                      "direction": r.get("direction"), "labels": r.get("labels", [])}
                     for r in other if r.get("type") == "relation" and str(r.get("from_id")) in by_id
                     and str(r.get("to_id")) in by_id]  # fmt: skip
        rest = [r for r in other if r.get("type") != "relation"]
        note.update({k: v for k, v in (("relations", relations), ("results", rest)) if v})
        notes.append(note)
    merge_annotators(record, spans_by)
    if done:
        record.answer, record.annotator = ACCEPT, spans_by[0][0]
        stamp = done[0].get("updated_at") or done[0].get("created_at")
        if isinstance(stamp, str):
            try:
                record.timestamp = parse_time(stamp.replace("Z", "+00:00"))
            except ValueError:
                pass  # an unreadable time is not a reason to refuse the task
    elif annotations:
        record.answer = IGNORE
    for prediction in _list(task.get("predictions"), '"predictions"', path, line):
        if not isinstance(prediction, dict):
            raise InputError(path, line, f"a prediction must be an object, not {prediction!r:.60}")
        spans, _, _ = _regions(prediction.get("result"), units, record, path, line, score_of(prediction.get("score")),
                               str(prediction.get("model_version") or "labelstudio"))  # fmt: skip
        add_suggestions(record, spans)
    if notes:
        kept["annotations"] = notes
    kept = {k: v for k, v in kept.items() if v not in ({}, [], None)}
    if kept:
        meta["labelstudio"] = kept
    return record


class LabelStudioReader:
    name = "labelstudio"

    def sniff(self, path: Path, head: str) -> bool:
        if path.is_dir() or path.suffix.lower() not in (".json", ".jsonl", ".ndjson"):
            return False
        keys = head_keys(path, head)
        return "completions" in keys or ("data" in keys and bool({"annotations", "predictions"} & keys))

    def read(self, path: Path, options: ReadOptions) -> Iterator[ImportRecord | InputError]:
        text_key = options.text_key
        if text_key == "text":
            text_key = config_text_key(path) or text_key
        yield from converted(iter_records(path), lambda data, line: record_from_task(data, path, line, text_key))


def _region_id(span: Span) -> str:
    return f"h{signed_hash(f'{span.start} {span.end} {span.label}') & 0xFFFFFFFF:09x}"


def _result(span: Span, text: str, units: Utf16) -> dict[str, Any]:
    result: dict[str, Any] = {"id": _region_id(span), "from_name": "label", "to_name": "text", "type": "labels",
                              "value": {"start": units.to_utf16(span.start), "end": units.to_utf16(span.end),
                                        "text": span.text_in(text), "labels": [span.label]}}  # fmt: skip
    if span.score is not None:
        result["score"] = round(span.score, 4)
    return result


def task_of(record: ExportRecord) -> dict[str, Any]:
    doc = record.doc
    units = Utf16(doc.text)
    by_annotator: dict[str, list[Span]] = {}
    for span in sorted(doc.spans, key=lambda s: s.key):
        names = record.span_annotators.get(span.key) or record.annotator or "hakam"
        for name in names.split(", "):
            by_annotator.setdefault(name, []).append(span)
    if not by_annotator and record.answer in ("accept", "ignore"):
        by_annotator[record.annotator or "hakam"] = []
    annotations = [{"result": [_result(s, doc.text, units) for s in spans], "completed_by": {"first_name": name},
                    "was_cancelled": record.answer == "ignore", "ground_truth": False,
                    "created_at": format_time(record.reviewed_at)}
                   for name, spans in by_annotator.items()] if record.answer in ("accept", "ignore") else []  # fmt: skip
    predictions: dict[str, list[Span]] = {}
    for span in record.suggestions:
        predictions.setdefault(span.source or "hakam", []).append(span)
    meta = {k: v for k, v in doc.meta.items() if k != "labelstudio"}
    return {"data": {"text": doc.text, "hakam_id": doc.id}, "meta": meta, "annotations": annotations,
            "predictions": [{"model_version": source, "result": [_result(s, doc.text, units) for s in spans]}
                            for source, spans in predictions.items()]}  # fmt: skip


class LabelStudioWriter:
    name = "labelstudio"
    folder = False

    def write(self, records: Iterable[ExportRecord], out: TextIO, options: WriteOptions) -> int:
        count = 0
        out.write("[")
        for record in records:
            out.write(",\n" if count else "\n")
            out.write(orjson.dumps(task_of(record)).decode("utf-8"))
            count += 1
        out.write("\n]\n")
        return count


READER = LabelStudioReader()
WRITER = LabelStudioWriter()
