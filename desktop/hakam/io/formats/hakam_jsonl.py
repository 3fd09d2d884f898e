"""Hakam's own JSONL (see ``hakam.io.jsonl``), also what ``hakam suggest`` writes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hakam.core.model import Argument, Document, Event, Span
from hakam.io.errors import InputError
from hakam.io.formats import JsonLinesWriter, ReadOptions
from hakam.io.formats.jsonrec import converted, head_keys, is_json_file, iter_json_lines, score_of
from hakam.io.jsonl import document_to_record, format_time, parse_time
from hakam.io.records import ExportRecord, ImportRecord


def _int(value: Any, what: str, path: Path, line: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(path, line, f"{what} must be an integer, not {value!r}")
    return value


def _span(item: Any, path: Path, line: int, label_key: str = "label") -> Span:
    if not isinstance(item, dict):
        raise InputError(path, line, f"a span must be an object, not {item!r}")
    start = _int(item.get("start"), "span start", path, line)
    end = _int(item.get("end"), "span end", path, line)
    label = item.get(label_key)
    if not isinstance(label, str) or not label:
        raise InputError(path, line, f"span {start}..{end} has no {label_key}")
    if start < 0 or end <= start:
        raise InputError(path, line, f"span {start}..{end} ({label}): start must be ≥ 0 and before end")
    score = item.get("score")
    source = item.get("source")
    if source is not None and not isinstance(source, str):
        raise InputError(path, line, f"span {start}..{end} ({label}): source must be text, not {source!r:.60}")
    return Span(start, end, label, score_of(score), source)


def _event(item: Any, path: Path, line: int) -> tuple[Event, dict[tuple[int, int, str], str]]:
    if not isinstance(item, dict) or not isinstance(item.get("trigger"), dict):
        raise InputError(path, line, "an event needs a type and a trigger object")
    event_type = item.get("type")
    if not isinstance(event_type, str) or not event_type:
        raise InputError(path, line, "an event has no type")
    trigger = _span({**item["trigger"], "label": event_type}, path, line)
    claimed = {}
    if isinstance(item["trigger"].get("text"), str):
        claimed[trigger.key] = item["trigger"]["text"]
    arguments = []
    raw_arguments = item.get("arguments") or []
    if not isinstance(raw_arguments, list):
        raise InputError(path, line, f'{event_type} event: "arguments" must be a list, not {raw_arguments!r:.60}')
    for arg in raw_arguments:
        span = _span(arg, path, line, label_key="role")
        arguments.append(Argument(span.label, span))
        if isinstance(arg.get("text"), str):
            claimed[span.key] = arg["text"]
    attributes = item.get("attributes") or {}
    if not isinstance(attributes, dict):
        raise InputError(path, line, "event attributes must be an object")
    score = item.get("score")
    for key in ("source", "id"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise InputError(path, line, f"{event_type} event: {key} must be text, not {item[key]!r:.60}")
    event = Event(event_type, trigger, tuple(arguments), attributes,
                  score_of(score), item.get("source"), item.get("id"))  # fmt: skip
    return event, claimed


def record_from_json(data: Any, path: Path, line: int) -> ImportRecord:
    if not isinstance(data, dict):
        raise InputError(path, line, "each line must be a JSON object")
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError(path, line, 'missing "text"')
    if not text.strip():
        raise InputError(path, line, '"text" is empty')
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise InputError(path, line, '"meta" must be an object')
    raw_spans = data.get("spans") or []
    raw_events = data.get("events") or []
    if not isinstance(raw_spans, list) or not isinstance(raw_events, list):
        raise InputError(path, line, '"spans" and "events" must be lists')
    record = ImportRecord(Document(text, None if data.get("id") is None else str(data["id"]), meta), str(path), line)
    for item in raw_spans:
        span = _span(item, path, line)
        record.doc.spans.append(span)
        if isinstance(item.get("text"), str):
            record.claimed_texts[span.key] = item["text"]
        if isinstance(item.get("annotator"), str):
            record.span_annotators[span.key] = item["annotator"]
    for item in raw_events:
        event, claimed = _event(item, path, line)
        record.doc.events.append(event)
        record.claimed_texts.update(claimed)
    answer = data.get("answer")
    if answer is not None and answer not in ("accept", "reject", "ignore", "pending"):
        raise InputError(path, line, f'"answer" must be accept, reject or ignore, not {answer!r}')
    record.answer = None if answer == "pending" else answer
    record.annotator = data.get("annotator") if isinstance(data.get("annotator"), str) else None
    if isinstance(data.get("reviewed_at"), str):
        try:
            record.timestamp = parse_time(data["reviewed_at"])
        except ValueError as error:
            raise InputError(path, line, f'"reviewed_at": {error}') from None
    return record


class HakamReader:
    name = "hakam"

    def sniff(self, path: Path, head: str) -> bool:
        if not is_json_file(path):
            return False
        keys = head_keys(path, head)  # other tools' records carry one of the keys below
        return "text" in keys and not ({"tokens", "_input_hash", "label", "entities", "annotations", "data"} & keys)

    def read(self, path: Path, options: ReadOptions) -> Iterator[ImportRecord | InputError]:
        yield from converted(iter_json_lines(path), lambda data, line: record_from_json(data, path, line))


def export_line(record: ExportRecord) -> dict[str, Any]:
    data = document_to_record(record.doc)
    for span in data["spans"]:
        span["annotator"] = record.span_annotators.get((span["start"], span["end"], span["label"]))
    data["answer"] = record.answer
    data["annotator"] = record.annotator
    data["reviewed_at"] = format_time(record.reviewed_at)
    return data


READER = HakamReader()
WRITER = JsonLinesWriter("hakam", export_line)
