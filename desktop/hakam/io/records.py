"""What readers yield and writers take: plain dataclasses, no store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hakam.core.model import Document, Event, Layer, Span

# What a record says about the document as a whole.
ACCEPT, REJECT, IGNORE = "accept", "reject", "ignore"


@dataclass(slots=True)
class ImportRecord:
    """One document read from a file.

    ``doc.spans``/``doc.events`` are annotations (stored as reviewed with
    ``--reviewed`` or when ``answer`` says so, else as suggestions);
    ``suggested_*`` are model predictions that stay suggestions.
    """

    doc: Document
    path: str
    line: int
    answer: str | None = None  # accept | reject | ignore | None (not said)
    annotator: str | None = None
    timestamp: float | None = None
    suggested_spans: list[Span] = field(default_factory=list)
    suggested_events: list[Event] = field(default_factory=list)
    span_annotators: dict[tuple[int, int, str], str] = field(default_factory=dict)
    # each named annotator's own spans, kept apart when a format holds several (Label Studio, doccano)
    layers: dict[str, Layer] = field(default_factory=dict)
    # spans whose text a format stored next to them: checked against doc.text
    claimed_texts: dict[tuple[int, int, str], str] = field(default_factory=dict)
    trimmed: int = 0  # proclitics trimmed from span starts
    mapped: int = 0  # labels renamed by --map


@dataclass(slots=True)
class ExportRecord:
    """One reviewed (or, with ``--all``, any) document as it leaves Hakam."""

    doc: Document  # accepted spans and events
    answer: str  # accept | ignore | pending
    annotator: str | None
    reviewed_at: float | None  # Unix seconds
    span_annotators: dict[tuple[int, int, str], str | None] = field(default_factory=dict)
    suggestions: list[Span] = field(default_factory=list)  # pending model suggestions (for formats with predictions)
    extra: dict[str, Any] = field(default_factory=dict)
