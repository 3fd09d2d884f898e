"""Plain data: documents, spans and events.

Offsets are Unicode code-point offsets into the untouched document text, in
logical (reading) order, end exclusive. Nothing here knows about Qt or the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled stretch of text: ``text[start:end]``."""

    start: int
    end: int
    label: str
    score: float | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        if self.start < 0 or self.end <= self.start:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Argument:
    role: str
    span: Span


@dataclass(frozen=True, slots=True)
class Event:
    """An event mention: a typed trigger with role-labelled arguments."""

    type: str
    trigger: Span
    arguments: tuple[Argument, ...] = ()
    attributes: dict[str, Any] = field(default_factory=dict)
    score: float | None = None
    source: str | None = None
    id: str | None = None


@dataclass(slots=True)
class Document:
    text: str
    id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Layer:
    """One annotator's accepted spans and events on a document."""

    spans: tuple[Span, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class LayeredDocument:
    """A document with the layer of each annotator who reviewed it (name -> layer)."""

    text: str
    layers: dict[str, Layer]
    id: str | None = None
