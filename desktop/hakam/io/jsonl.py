"""Hakam's own JSONL records <-> ``Document``.

One record a line::

    {"id", "text", "meta", "spans": [{start, end, label, text, score?, source?}],
     "events": [{id, type, trigger: {start, end, text}, arguments: [{role, start, end, text}],
                 attributes, score?, source?}]}

Offsets are code points of ``text``. Keys are written in a fixed order and
orjson keeps non-ASCII text as UTF-8, so the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import orjson

from hakam.core.model import Document, Event, Span


def dumps_line(record: dict[str, Any]) -> str:
    return orjson.dumps(record).decode("utf-8") + "\n"


def span_record(span: Span, text: str, **extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "text": span.text_in(text),
    }
    if span.score is not None:
        record["score"] = round(span.score, 4)
    if span.source is not None:
        record["source"] = span.source
    record.update({k: v for k, v in extra.items() if v is not None})
    return record


def event_record(event: Event, text: str, index: int) -> dict[str, Any]:
    trigger = event.trigger
    record: dict[str, Any] = {
        "id": event.id or f"e{index}",
        "type": event.type,
        "trigger": {"start": trigger.start, "end": trigger.end, "text": trigger.text_in(text)},
        "arguments": [
            {
                "role": arg.role,
                "start": arg.span.start,
                "end": arg.span.end,
                "text": arg.span.text_in(text),
            }
            for arg in event.arguments
        ],
        "attributes": dict(event.attributes),
    }
    if event.score is not None:
        record["score"] = round(event.score, 4)
    if event.source is not None:
        record["source"] = event.source
    return record


def document_to_record(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "text": doc.text,
        "meta": doc.meta,
        "spans": [span_record(s, doc.text) for s in sorted(doc.spans, key=lambda s: s.key)],
        "events": [
            event_record(e, doc.text, i) for i, e in enumerate(sorted(doc.events, key=lambda e: e.trigger.key), 1)
        ],
    }


def format_time(seconds: float | None) -> str | None:
    """ISO 8601 UTC with milliseconds; ``parse_time`` gives the same instant back."""
    if seconds is None:
        return None
    millis = round(seconds * 1000)
    stamp = dt.datetime.fromtimestamp(millis // 1000, dt.UTC)
    return f"{stamp:%Y-%m-%dT%H:%M:%S}.{millis % 1000:03d}Z"


def valid_time(seconds: float) -> bool:
    """Whether ``format_time`` can write ``seconds`` (years 1 to 9999, UTC)."""
    try:
        return math.isfinite(seconds) and format_time(seconds) is not None
    except (ValueError, OverflowError, OSError):
        return False


def parse_time(value: str) -> float:
    """Unix seconds of an ISO 8601 time; ``ValueError`` also when it cannot be written back in UTC."""
    stamp = dt.datetime.fromisoformat(value)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    try:
        seconds = stamp.timestamp()
    except OverflowError:
        seconds = math.nan
    if not valid_time(seconds):
        raise ValueError(f"{value} is outside the years 1 to 9999 in UTC")
    return seconds
