"""Checks every imported record against its text and the schema."""

from __future__ import annotations

from collections import Counter

from hakam.core.model import Span
from hakam.core.schema import Schema
from hakam.io.errors import InputError
from hakam.io.records import ImportRecord


def _check_span(record: ImportRecord, span: Span, what: str) -> None:
    text = record.doc.text
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
    """Offsets, claimed texts and same-label overlaps; raises ``InputError``."""
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
