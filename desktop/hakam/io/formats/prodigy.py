"""Prodigy JSONL (``prodigy db-out``) in and out.

Read: ``spans`` by ``start``/``end`` (code points; ``token_start``/``token_end``,
both inclusive, only when the offsets are missing), a span's ``text`` checked
against the document; ``answer`` accept → reviewed, reject → rejected items,
ignore → document ignored. The hashes, ``_session_id``, ``_view_id``,
``relations`` and any key Prodigy does not define (``comment_id`` …) go to
``meta["prodigy"]`` so nothing is lost; ``_annotator_id`` (else
``_session_id``) and ``_timestamp`` become the reviewer and the time.

Write: Hakam's clitic-split tokens with ``ws``, spans with inclusive
``token_end``, ``_input_hash``/``_task_hash`` (kept from the import, else a
stable 32-bit hash), ``answer``, ``_annotator_id``, ``_timestamp``. Prodigy
has no events; they travel under an ``events`` key in Hakam's layout (Prodigy
keeps unknown task keys) and are read back from it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hakam.core.model import Document, Span
from hakam.core.tokenize import tokenize
from hakam.io.errors import InputError
from hakam.io.formats import JsonLinesWriter, ReadOptions
from hakam.io.formats.hakam_jsonl import _event
from hakam.io.formats.jsonrec import converted, head_keys, is_json_file, iter_json_lines
from hakam.io.jsonl import event_record
from hakam.io.records import ExportRecord, ImportRecord

_OWN = {"text", "spans", "tokens", "meta", "answer", "_annotator_id", "_timestamp", "events"}
_MARKERS = {"_input_hash", "_task_hash", "_view_id", "_session_id", "_annotator_id"}
_ANSWERS = ("accept", "reject", "ignore")


def _int(value: Any, what: str, path: Path, line: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(path, line, f"{what} must be an integer, not {value!r}")
    return value


def _offsets(item: dict[str, Any], tokens: list[Any], path: Path, line: int) -> tuple[int, int]:
    if "start" in item or "end" in item:
        return _int(item.get("start"), "span start", path, line), _int(item.get("end"), "span end", path, line)
    first = _int(item.get("token_start"), "span token_start", path, line)
    last = _int(item.get("token_end"), "span token_end", path, line)
    if not 0 <= first <= last < len(tokens):
        raise InputError(path, line, f"span tokens {first}..{last} are not among the {len(tokens)} tokens")
    return int(tokens[first]["start"]), int(tokens[last]["end"])


def record_from_task(data: Any, path: Path, line: int) -> ImportRecord:
    if not isinstance(data, dict):
        raise InputError(path, line, "each line must be a JSON object")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, line, 'missing or empty "text"')
    answer = data.get("answer")
    if answer is not None and answer not in _ANSWERS:
        raise InputError(path, line, f'"answer" must be accept, reject or ignore, not {answer!r}')
    meta = given if isinstance(given := data.get("meta"), dict) else {}
    kept = {k: v for k, v in data.items() if k not in _OWN}
    if "meta" in data and not isinstance(data["meta"], dict):
        kept["meta"] = data["meta"]
    doc_id = meta.get("id", data.get("_input_hash"))
    record = ImportRecord(Document(text, None if doc_id is None else str(doc_id), {**meta, "prodigy": kept}),
                          str(path), line, answer)  # fmt: skip
    tokens = listed if isinstance(listed := data.get("tokens"), list) else []
    raw_spans = data.get("spans") or []
    if not isinstance(raw_spans, list):
        raise InputError(path, line, '"spans" must be a list')
    for item in raw_spans:
        if not isinstance(item, dict) or not isinstance(item.get("label"), str) or not item["label"]:
            raise InputError(path, line, f"a span needs a label: {item!r}")
        start, end = _offsets(item, tokens, path, line)
        if start < 0 or end <= start:
            raise InputError(path, line, f"span {start}..{end} ({item['label']}): start must be ≥ 0 and before end")
        source = item.get("source") if isinstance(item.get("source"), str) else None
        span = Span(start, end, item["label"], None, source)
        record.doc.spans.append(span)
        if isinstance(item.get("text"), str):
            record.claimed_texts[span.key] = item["text"]
    for item in data.get("events") or []:
        event, claimed = _event(item, path, line)
        record.doc.events.append(event)
        record.claimed_texts.update(claimed)
    who = data.get("_annotator_id") or data.get("_session_id")
    record.annotator = str(who) if who else None
    if isinstance(data.get("_timestamp"), (int, float)) and not isinstance(data["_timestamp"], bool):
        record.timestamp = float(data["_timestamp"])
    return record


class ProdigyReader:
    name = "prodigy"

    def sniff(self, path: Path, head: str) -> bool:
        if not is_json_file(path):
            return False
        keys = head_keys(path, head)
        return "text" in keys and (bool(_MARKERS & keys) or {"tokens", "spans"} <= keys)

    def read(self, path: Path, options: ReadOptions) -> Iterator[ImportRecord | InputError]:
        yield from converted(iter_json_lines(path), lambda data, line: record_from_task(data, path, line))


def signed_hash(value: str) -> int:
    """A stable signed 32-bit hash, the kind Prodigy stores."""
    number = zlib.crc32(value.encode("utf-8"))
    return number - (1 << 32) if number >= 1 << 31 else number


def task(record: ExportRecord) -> dict[str, Any]:
    doc = record.doc
    spans = sorted(doc.spans, key=lambda s: s.key)
    events = sorted(doc.events, key=lambda e: e.trigger.key)
    bounds = {s.start for s in spans} | {s.end for s in spans}
    for event in events:
        bounds |= {event.trigger.start, event.trigger.end}
        bounds |= {b for a in event.arguments for b in (a.span.start, a.span.end)}
    tokens = tokenize(doc.text, splits=bounds)
    by_start = {t.start: i for i, t in enumerate(tokens)}
    by_end = {t.end: i for i, t in enumerate(tokens)}
    meta = {k: v for k, v in doc.meta.items() if k != "prodigy"}
    kept = own if isinstance(own := doc.meta.get("prodigy"), dict) else {}
    if doc.id is not None:
        meta.setdefault("id", doc.id)
    data: dict[str, Any] = {"text": doc.text, "meta": meta}
    data["tokens"] = [
        {"text": t.text_in(doc.text), "start": t.start, "end": t.end, "id": i,
         "ws": i + 1 < len(tokens) and tokens[i + 1].start > t.end}
        for i, t in enumerate(tokens)
    ]  # fmt: skip
    data["spans"] = []
    for span in spans:
        item: dict[str, Any] = {"start": span.start, "end": span.end, "text": span.text_in(doc.text),
                                "token_start": by_start.get(span.start), "token_end": by_end.get(span.end),
                                "label": span.label}  # fmt: skip
        if span.source and span.source != "import":
            item["source"] = span.source
        data["spans"].append(item)
    if events:
        data["events"] = [event_record(e, doc.text, i) for i, e in enumerate(events, 1)]
    input_hash = kept.get("_input_hash", signed_hash(doc.text))
    data["_input_hash"] = input_hash
    data["_task_hash"] = signed_hash(f"{input_hash} {[(s['start'], s['end'], s['label']) for s in data['spans']]}")
    data.update({k: v for k, v in kept.items() if k not in data and k != "_task_hash"})
    if record.answer in _ANSWERS:
        data["answer"] = record.answer
    if record.annotator:
        data["_annotator_id"] = record.annotator
    if record.reviewed_at is not None:
        data["_timestamp"] = int(record.reviewed_at)
    return data


READER = ProdigyReader()
WRITER = JsonLinesWriter("prodigy", task)
