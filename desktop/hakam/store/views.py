"""Plain read-only views of stored rows, so callers never hold peewee objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class SpanView:
    id: int
    document_id: int
    start: int
    end: int
    label: str
    status: str
    score: float | None = None
    source: str | None = None
    annotator: str | None = None


@dataclass(frozen=True, slots=True)
class ArgumentView:
    role: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventView:
    id: int
    document_id: int
    type: str
    start: int
    end: int
    status: str
    arguments: tuple[ArgumentView, ...] = ()
    attributes: dict[str, Any] = field(default_factory=dict)
    score: float | None = None
    source: str | None = None
    annotator: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentView:
    id: int
    ext_id: str
    text: str
    meta: dict[str, Any]
    status: str
    position: int = 0
    reviewed_at: float | None = None
    reviewed_by: str | None = None
    uncertainty: float | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """What one action changed: the desk redraws only these ranges."""

    document_id: int
    action: str
    batch: int
    ranges: tuple[tuple[int, int], ...] = ()
    span_ids: tuple[int, ...] = ()
    event_ids: tuple[int, ...] = ()
    document_changed: bool = False
