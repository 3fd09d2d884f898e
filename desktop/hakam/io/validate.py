"""Checks every imported record against its text and the schema."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import orjson

from hakam.core.model import Span
from hakam.core.schema import Schema
from hakam.io.errors import InputError
from hakam.io.jsonl import valid_time
from hakam.io.records import ImportRecord

_TEXT_LIMIT = 100_000_000  # characters: SQLite's default largest value is 1e9 bytes


def _storable(record: ImportRecord, value: Any, what: str) -> None:
    """``value`` must survive ``orjson.dumps`` (the store keeps it as JSON)."""
    try:
        orjson.dumps(value)
    except orjson.JSONEncodeError as error:
        raise InputError(record.path, record.line, f"{what} cannot be stored: {error}") from None


def _check_fields(record: ImportRecord, span: Span, what: str) -> None:
    """Types a reader let through: the store binds them to SQL columns."""
    if not isinstance(span.label, str) or not span.label:
        raise InputError(record.path, record.line, f"{what} {span.start}..{span.end} has no label")
    if span.source is not None and not isinstance(span.source, str):
        raise InputError(record.path, record.line,
                         f"{what} {span.start}..{span.end} ({span.label}): source must be text, not {span.source!r:.60}")  # fmt: skip
    if span.score is not None and (not isinstance(span.score, float) or not math.isfinite(span.score)):
        raise InputError(record.path, record.line,
                         f"{what} {span.start}..{span.end} ({span.label}): score must be a finite number")  # fmt: skip


def _check_span(record: ImportRecord, span: Span, what: str) -> None:
    text = record.doc.text
    _check_fields(record, span, what)
    if span.end > len(text):
        raise InputError(record.path, record.line,
                         f"{what} {span.start}..{span.end} ({span.label}) is outside the text ({len(text)} characters)")  # fmt: skip
    claimed = record.claimed_texts.get(span.key)
    if claimed is not None and claimed != text[span.start : span.end]:
        raise InputError(record.path, record.line,
                         f"{what} {span.start}..{span.end} ({span.label}) says {claimed!r} but the text there is "
                         f"{text[span.start:span.end]!r}")  # fmt: skip


def _nested(outer: Span, inner: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and outer.key != inner.key


def unknown_labels(record: ImportRecord, schema: Schema) -> Counter[tuple[str, str]]:
    """``(kind, name)`` of labels, event types and roles the schema lacks."""
    unknown: Counter[tuple[str, str]] = Counter()
    for span in record.doc.spans + record.suggested_spans:
        if span.label not in schema.entities:
            unknown["label", span.label] += 1
    for event in record.doc.events + record.suggested_events:
        if event.type not in schema.events:
            unknown["event type", event.type] += 1
        for arg in event.arguments:
            if arg.role not in schema.roles:
                unknown["role", arg.role] += 1
    return unknown


def check_record(record: ImportRecord) -> None:
    """Text, offsets, claimed texts, same-label overlaps, field types and times; raises ``InputError``."""
    _check_document(record)
    for group in (record.doc.spans, record.suggested_spans):
        for span in group:
            _check_span(record, span, "span")
        by_label: dict[str, list[Span]] = {}
        for span in sorted(group, key=lambda s: (s.start, -s.end)):
            previous = by_label.get(span.label)
            # nested entities (one inside the other, as in multi-layer corpora) are kept
            if previous and previous[-1].overlaps(span) and not _nested(previous[-1], span):
                raise InputError(record.path, record.line,
                                 f"spans {previous[-1].start}..{previous[-1].end} and {span.start}..{span.end} "
                                 f"overlap with the same label {span.label}")  # fmt: skip
            by_label.setdefault(span.label, []).append(span)
    for event in record.doc.events + record.suggested_events:
        _check_span(record, event.trigger, "trigger")
        for arg in event.arguments:
            _check_span(record, arg.span, f"{arg.role} argument")


def _check_document(record: ImportRecord) -> None:
    doc = record.doc
    if not isinstance(doc.text, str) or not doc.text.strip():
        raise InputError(record.path, record.line, "the text is empty")
    if len(doc.text) > _TEXT_LIMIT:
        raise InputError(record.path, record.line, f"the text is longer than {_TEXT_LIMIT:,} characters")
    if "\0" in doc.text:
        raise InputError(record.path, record.line, "the text contains a NUL character (a binary file?)")
    if doc.id is not None and (not isinstance(doc.id, str) or not doc.id.strip() or len(doc.id) > 1000):
        raise InputError(record.path, record.line, f"the id must be 1 to 1000 characters, not {doc.id!r:.60}")
    if not isinstance(doc.meta, dict):
        raise InputError(record.path, record.line, "meta must be an object")
    _storable(record, doc.meta, "meta")
    if record.annotator is not None and not isinstance(record.annotator, str):
        raise InputError(record.path, record.line, f"the annotator must be text, not {record.annotator!r:.60}")
    if record.timestamp is not None and not valid_time(record.timestamp):
        raise InputError(record.path, record.line, "the review time is outside the years 1 to 9999 (UTC)")
    for event in doc.events + record.suggested_events:
        _storable(record, event.attributes, f"{event.type} event attributes")
        if event.id is not None and not isinstance(event.id, str):
            raise InputError(record.path, record.line, f"an event id must be text, not {event.id!r:.60}")
