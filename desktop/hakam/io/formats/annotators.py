"""Several annotators' spans on one document (doccano users, Label Studio annotations).

Hakam keeps one set of spans per document, with who marked each. The spans of
all annotators are merged: a span several annotators marked is kept once and
credited to all of them (``"ana, omar"``); a span that crosses another
annotator's span of the same label (a disagreement) cannot sit beside it, so it
becomes a pending suggestion (``source="annotator:NAME"``) for a reviewer to
settle (a third clashing opinion goes to ``meta["unplaced_spans"]``).
Nothing is dropped.
"""

from __future__ import annotations

from dataclasses import replace

from hakam.core.model import Layer, Span
from hakam.io.records import ImportRecord


def _clashes(span: Span, kept: list[Span]) -> bool:
    return any(k.label == span.label and k.overlaps(span) and not _nested(k, span) for k in kept)


def _nested(a: Span, b: Span) -> bool:
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def merge_annotators(record: ImportRecord, spans_by: list[tuple[str | None, list[Span]]]) -> None:
    """Add each annotator's spans to ``record`` (in the given order); each named annotator's
    spans are also kept whole in ``record.layers``."""
    for annotator, spans in spans_by:
        if annotator:
            earlier = record.layers.get(annotator, Layer()).spans
            record.layers[annotator] = Layer(earlier + tuple(s for s in spans if s not in earlier))
    kept = record.doc.spans
    keys = {s.key for s in kept}
    for annotator, spans in spans_by:
        for span in spans:
            if span.key in keys:
                if annotator and record.span_annotators.get(span.key) and \
                        annotator not in record.span_annotators[span.key].split(", "):  # fmt: skip
                    record.span_annotators[span.key] += f", {annotator}"
                continue
            if _clashes(span, kept):
                pending = replace(span, source=f"annotator:{annotator}" if annotator else span.source)
                if not _clashes(pending, record.suggested_spans) and pending.key not in \
                        {s.key for s in record.suggested_spans}:  # fmt: skip
                    record.suggested_spans.append(pending)
                else:  # a third opinion on the same stretch: kept in meta
                    record.doc.meta.setdefault("unplaced_spans", []).append(
                        [span.start, span.end, span.label, annotator])  # fmt: skip
                continue
            kept.append(span)
            keys.add(span.key)
            if annotator:
                record.span_annotators[span.key] = annotator


def add_suggestions(record: ImportRecord, spans: list[Span]) -> None:
    """Add model predictions; one that crosses a suggestion of its label is kept in meta."""
    keys = {s.key for s in record.suggested_spans}
    for span in spans:
        if span.key in keys:
            continue
        if _clashes(span, record.suggested_spans):
            record.doc.meta.setdefault("unplaced_spans", []).append([span.start, span.end, span.label, span.source])
            continue
        record.suggested_spans.append(span)
        keys.add(span.key)
