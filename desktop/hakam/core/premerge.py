"""Curation pre-merge: what several annotators agree on goes into the curated layer at once;
the rest is listed as differences, each reading with who chose it.

As in INCEpTION's curation, annotations are compared where they sit: the spans of all
annotators are grouped into regions of overlapping spans (the same for event triggers). In
each region an annotator's *reading* is the set of spans they put there (possibly none).

- ``unanimous``: a region where every annotator has the same reading is pre-accepted;
- ``majority``: a region where more than half of the annotators share a reading takes it
  (INCEpTION's threshold strategy with a strict majority; a tie is a dispute).

Every region that is not unanimous is a ``Difference``; ``chosen`` says which reading the
strategy took, if any, so a curator can still see and overturn it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import orjson

from hakam.core.model import Event, LayeredDocument, Span

STRATEGIES = ("unanimous", "majority")
Item = TypeVar("Item", Span, Event)


@dataclass(frozen=True, slots=True)
class Reading(Generic[Item]):
    items: tuple[Item, ...]  # empty: these annotators marked nothing here
    annotators: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Difference(Generic[Item]):
    kind: str  # span | event
    start: int  # the region the readings cover
    end: int
    readings: tuple[Reading[Item], ...]  # most annotators first
    chosen: int | None = None  # index of the reading the strategy pre-accepted

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "chosen": self.chosen,
                "readings": [{"annotators": list(r.annotators), "items": [_item_json(i) for i in r.items]}
                             for r in self.readings]}  # fmt: skip


@dataclass(slots=True)
class Premerge:
    spans: list[Span] = field(default_factory=list)  # pre-accepted into the curated layer
    events: list[Event] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    # who chose each pre-accepted item: span key or event key -> annotators
    chosen_by: dict[tuple, tuple[str, ...]] = field(default_factory=dict)


def event_key(event: Event) -> tuple:
    """What makes two events the same reading: type, trigger, arguments and attributes."""
    arguments = tuple(sorted((a.role, a.span.start, a.span.end) for a in event.arguments))
    return (event.type, event.trigger.start, event.trigger.end, arguments,
            orjson.dumps(event.attributes, option=orjson.OPT_SORT_KEYS))  # fmt: skip


def premerge(document: LayeredDocument, strategy: str = "unanimous") -> Premerge:
    """Pre-merge the layers of ``document`` (the annotators who reviewed it) by ``strategy``."""
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown pre-merge strategy {strategy!r}; use {' or '.join(STRATEGIES)}")
    names = sorted(document.layers)
    result = Premerge()
    spans: dict[str, Sequence[Span]] = {n: document.layers[n].spans for n in names}
    events: dict[str, Sequence[Event]] = {n: document.layers[n].events for n in names}
    _merge("span", spans, lambda s: (s.start, s.end), lambda s: s.key, strategy, result.spans, result)
    _merge("event", events, lambda e: (e.trigger.start, e.trigger.end), event_key, strategy, result.events, result)
    return result


def _merge(kind: str, layers: dict[str, Sequence[Item]], bounds: Callable[[Item], tuple[int, int]],
           key: Callable[[Item], tuple], strategy: str, accepted: list, result: Premerge) -> None:  # fmt: skip
    names = list(layers)
    for region_start, region_end, members in _regions(layers, bounds):
        by_reading: dict[tuple, list[str]] = {}
        items: dict[tuple, tuple[Item, ...]] = {}
        for name in names:
            own = sorted({key(i): i for i, who in members if who == name}.items())
            reading = tuple(k for k, _ in own)
            by_reading.setdefault(reading, []).append(name)
            items[reading] = tuple(i for _, i in own)
        readings = sorted(by_reading.items(), key=lambda kv: (-len(kv[1]), kv[1]))
        chosen = None
        if len(readings) == 1:
            chosen = 0
        elif strategy == "majority" and 2 * len(readings[0][1]) > len(names):
            chosen = 0
        if chosen is not None:
            reading, who = readings[chosen]
            accepted.extend(items[reading])
            result.chosen_by.update({k: tuple(who) for k in reading})
        if len(readings) > 1:
            result.differences.append(Difference(kind, region_start, region_end,
                                                 tuple(Reading(items[r], tuple(w)) for r, w in readings), chosen))  # fmt: skip


def _regions(layers: dict[str, Sequence[Item]], bounds: Callable[[Item], tuple[int, int]]):
    """Groups of items (with who marked them) whose spans overlap, in text order."""
    marked = sorted(((bounds(i), i, name) for name, items in layers.items() for i in items), key=lambda m: m[0])
    group: list[tuple[Item, str]] = []
    start = end = -1
    for (first, last), item, name in marked:
        if group and first >= end:
            yield start, end, group
            group = []
        if not group:
            start, end = first, last
        group.append((item, name))
        end = max(end, last)
    if group:
        yield start, end, group


def _item_json(item: Span | Event) -> dict[str, Any]:
    if isinstance(item, Span):
        return {"start": item.start, "end": item.end, "label": item.label}
    return {"type": item.type, "start": item.trigger.start, "end": item.trigger.end,
            "arguments": [[a.role, a.span.start, a.span.end] for a in item.arguments],
            "attributes": item.attributes}  # fmt: skip
