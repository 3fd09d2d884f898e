"""Shared test data and helpers for the interop tests (own fixtures, no shared files)."""

from __future__ import annotations

from pathlib import Path

from hakam.core.model import Argument, Document, Event, Span
from hakam.core.schema import load_schema
from hakam.io.formats import ReadOptions, reader
from hakam.io.records import ExportRecord, ImportRecord
from hakam.store import Store

# Arabic, Latin and an emoji (two UTF-16 units) on one line, then a second line.
TEXT = (
    "قالت وزارة الدفاع 😊 إن غارة على والرقة قتلت 5 مدنيين أمس، وأدانت الأمم المتحدة ذلك في Geneva.\nوفي دمشق اشتباكات."
)


def at(text: str, word: str, label: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    return Span(start, start + len(word), label)


def sample_document() -> Document:
    """Spans after the emoji, an event with three roles and an attribute."""
    trigger = at(TEXT, "غارة", "AIRSTRIKE")
    event = Event("AIRSTRIKE", trigger, (Argument("PLACE", at(TEXT, "الرقة", "PLACE")),
                                         Argument("AGENT", at(TEXT, "وزارة الدفاع", "AGENT")),
                                         Argument("TIME", at(TEXT, "أمس", "TIME"))), {"fatalities": 5})  # fmt: skip
    spans = [at(TEXT, "وزارة الدفاع", "ORG"), at(TEXT, "الرقة", "GPE"), at(TEXT, "أمس", "DATE"),
             at(TEXT, "الأمم المتحدة", "ORG"), at(TEXT, "Geneva", "GPE"), at(TEXT, "دمشق", "GPE")]  # fmt: skip
    return Document(TEXT, "doc-1", {"source": "test"}, spans, [event])


def export_record(doc: Document | None = None, annotator: str = "mona") -> ExportRecord:
    doc = doc or sample_document()
    return ExportRecord(doc, "accept", annotator, 1700000000.0, {s.key: annotator for s in doc.spans})


def read_all(fmt: str, path: Path, **options) -> list[ImportRecord]:
    items = list(reader(fmt).read(path, ReadOptions(**options)))
    errors = [i for i in items if not isinstance(i, ImportRecord)]
    assert not errors, errors
    return items


def span_texts(text: str, spans: list[Span]) -> list[tuple[str, str]]:
    return sorted((s.label, text[s.start : s.end]) for s in spans)


def event_texts(text: str, events: list[Event]) -> list[tuple]:
    return sorted((e.type, text[e.trigger.start : e.trigger.end],
                   tuple(sorted((a.role, text[a.span.start : a.span.end]) for a in e.arguments)))
                  for e in events)  # fmt: skip


def new_store(path: Path) -> Store:
    return Store(path, annotator="tester", schema=load_schema())
