"""doccano JSONL in every shape in use, and doccano 1.x out.

Read (offsets are UTF-16 code units, converted to code points):

- 2019 import forms: ``{"text", "entities": [[s, e, "L"]]}`` and ``{"text", "labels": [[s, e, "L"]], "meta"}``;
- ≤1.0 export: ``"annotations": [{"label": <id>, "start_offset", "end_offset", "user"}]``
  with integer label ids, resolved by ``--labels FILE`` (JSON ``{"12": "LOC"}``,
  doccano's label list ``[{"id", "text"}]``, or TSV ``id<TAB>name``);
  several users stay apart (``hakam.io.formats.annotators``);
- 1.0 ``labels`` and 1.x ``label`` triplets, the text under ``text`` or ``data``;
- the relation export ``{"entities": [{id, start_offset, end_offset, label}], "relations": [...]}``.

Relations, ``annotation_approver``, category labels and unknown keys go to
``meta["doccano"]``. Write: doccano 1.x ``{"id", "text", "label": [[s, e, "L"]], "meta"}``
in UTF-16 offsets; doccano has no events, so they are not written.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from hakam.core.model import Document, Span
from hakam.io.errors import InputError
from hakam.io.formats import JsonLinesWriter, ReadOptions
from hakam.io.formats.annotators import merge_annotators
from hakam.io.formats.jsonrec import head_keys, is_json_file, iter_records
from hakam.io.formats.utf16 import SplitPair, Utf16
from hakam.io.records import ExportRecord, ImportRecord

_SPAN_KEYS = ("label", "labels", "entities", "annotations")
_OWN = {"id", "text", "data", "meta", *_SPAN_KEYS, "annotation_approver", "relations"}


def load_labels(path: Path) -> dict[str, str]:
    """Label id -> name from a JSON object, doccano's label list, or TSV."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(path, None, f"cannot read the labels file: {error}") from None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        try:
            lines = raw.decode("utf-8-sig").splitlines()
        except UnicodeDecodeError as error:
            raise InputError(path, None, f"not UTF-8 (byte {error.start}): the labels file must be JSON or TSV "
                                         "id<TAB>name") from None  # fmt: skip
        if "\0" in "".join(lines):
            raise InputError(path, None, "a binary file: the labels file must be JSON or TSV id<TAB>name")
        rows = csv.reader(lines, delimiter="\t")
        return {row[0].strip(): row[1].strip() for row in rows if len(row) >= 2 and row[0].strip()}
    if isinstance(data, dict):
        return {str(k): str(v) for k, v in data.items()}
    if isinstance(data, list):
        return {str(item["id"]): str(item.get("text") or item.get("name")) for item in data
                if isinstance(item, dict) and "id" in item}  # fmt: skip
    raise InputError(path, None, "the labels file must map ids to names")


def _triplet(item: Any, path: Path, line: int) -> tuple[int, int, Any, Any]:
    """``(start, end, label, user)`` of one span in any shape."""
    if isinstance(item, (list, tuple)) and len(item) >= 3:
        start, end, label = item[0], item[1], item[2]
        user = None
    elif isinstance(item, dict):
        start, end = item.get("start_offset", item.get("start")), item.get("end_offset", item.get("end"))
        label, user = item.get("label"), item.get("user")
    else:
        raise InputError(path, line, f"a span must be [start, end, label] or an object, not {item!r}")
    for value, what in ((start, "start"), (end, "end")):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InputError(path, line, f"span {what} must be an integer, not {value!r}")
    if start < 0 or end <= start:
        raise InputError(path, line, f"span {start}..{end} ({label}): start must be ≥ 0 and before end")
    if user is not None and (isinstance(user, bool) or not isinstance(user, (str, int))):
        raise InputError(path, line, f"span {start}..{end}: user must be a number or a name, not {user!r:.60}")
    return start, end, label, user


def record_from_line(data: Any, path: Path, line: int, labels: dict[str, str] | None) -> ImportRecord:
    if not isinstance(data, dict):
        raise InputError(path, line, "each record must be a JSON object")
    text = data.get("text") if isinstance(data.get("text"), str) else data.get("data")
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, line, 'missing or empty text (neither "text" nor "data")')
    meta = dict(data["meta"]) if isinstance(data.get("meta"), dict) else {}
    kept = {k: v for k, v in data.items() if k not in _OWN or k in ("annotation_approver", "relations")}
    key = next((k for k in _SPAN_KEYS if isinstance(data.get(k), list)), None)
    raw: list[Any] = data[key] if key else []
    if raw and all(isinstance(item, str) for item in raw):  # text classification labels
        kept["categories"], raw = raw, []
    doc_id = data.get("id")
    record = ImportRecord(Document(text, None if doc_id is None else str(doc_id), meta), str(path), line)
    units = Utf16(text)
    by_user: dict[Any, list[Span]] = {}
    entity_ids: dict[Any, list[int]] = {}
    for item in raw:
        start, end, label, user = _triplet(item, path, line)
        if isinstance(label, int) and not isinstance(label, bool):
            if labels is None or str(label) not in labels:
                raise InputError(path, line, f"label id {label} has no name: pass --labels FILE")
            label = labels[str(label)]
        if not isinstance(label, str) or not label:
            raise InputError(path, line, f"span {start}..{end} has no label")
        try:
            begin, finish = units.span(start, end)
        except SplitPair as error:
            raise InputError(path, line, f"span ({label}): {error}") from None
        span = Span(begin, finish, label)
        by_user.setdefault(user, []).append(span)
        if isinstance(item, dict) and "id" in item:
            if isinstance(item["id"], bool) or not isinstance(item["id"], (str, int)):
                raise InputError(path, line, f"span {start}..{end}: an entity id must be a number or text, "
                                             f"not {item['id']!r:.60}")  # fmt: skip
            entity_ids[item["id"]] = [begin, finish]
    merge_annotators(record, [(None if u is None else str(u), spans) for u, spans in by_user.items()])
    if isinstance(kept.get("relations"), list) and entity_ids:
        kept["entity_offsets"] = {str(k): v for k, v in entity_ids.items()}  # relations point at entity ids
    if kept:
        meta["doccano"] = kept
    return record


def _label_ids(path: Path) -> Counter[int]:
    ids: Counter[int] = Counter()
    for item in iter_records(path):
        if not isinstance(item, InputError) and isinstance(item[1], dict):
            for span in item[1].get("annotations") or []:
                if isinstance(span, dict) and isinstance(span.get("label"), int):
                    ids[span["label"]] += 1
    return ids


class DoccanoReader:
    name = "doccano"

    def sniff(self, path: Path, head: str) -> bool:
        if not is_json_file(path):
            return False
        keys = head_keys(path, head)
        has_text = bool({"text", "data"} & keys)
        return has_text and bool(set(_SPAN_KEYS) & keys) and not {"tokens", "predictions", "completions"} & keys

    def read(self, path: Path, options: ReadOptions) -> Iterator[ImportRecord | InputError]:
        labels = load_labels(options.labels_file) if options.labels_file else None
        for item in iter_records(path):
            if isinstance(item, InputError):
                yield item
                continue
            try:
                yield record_from_line(item[1], path, item[0], labels)
            except InputError as error:
                if labels is None and "has no name" in error.message:
                    ids = _label_ids(path)
                    listed = ", ".join(f"{i} ({n})" for i, n in sorted(ids.items()))
                    raise InputError(
                        path,
                        error.line,
                        f"labels are doccano ids: {listed}; pass --labels FILE "
                        '(JSON {"id": "NAME"} or TSV id<TAB>name)',
                    ) from None
                yield error


def line_of(record: ExportRecord) -> dict[str, Any]:
    doc = record.doc
    units = Utf16(doc.text)
    spans = sorted(doc.spans, key=lambda s: s.key)
    data: dict[str, Any] = {"id": doc.id, "text": doc.text,
                            "label": [[units.to_utf16(s.start), units.to_utf16(s.end), s.label] for s in spans],
                            "meta": {k: v for k, v in doc.meta.items() if k != "doccano"}}  # fmt: skip
    if record.annotator:
        data["annotation_approver"] = record.annotator
    return data


READER = DoccanoReader()
WRITER = JsonLinesWriter("doccano", line_of)
