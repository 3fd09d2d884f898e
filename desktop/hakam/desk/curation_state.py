"""What the curation view works on, without widgets: the documents every annotator
reviewed, their differences (INCEpTION-style regions, ``hakam.core.premerge``), and settling
one by writing the chosen reading into the curated layer as the curator's decisions.

Opening a document pre-accepts what all its annotators agree on (unless done before, by
``hakam curate``). Which differences are settled is kept in the database
(``curation:<document id>``), so a curator can stop and go on later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import orjson

from hakam.core.model import Event, Span
from hakam.core.premerge import Difference, premerge
from hakam.desk.words import Words
from hakam.store import REVIEWED, Store


@dataclass(frozen=True, slots=True)
class Curated:
    """One document being curated: its text, the differences, and which are settled
    (``(kind, start, end)`` -> the index of the reading taken, -1 for none)."""

    document_id: int
    ext_id: str
    text: str
    differences: list[Difference]
    settled: dict[tuple[str, int, int], int]

    def open_count(self) -> int:
        return sum(1 for d in self.differences if difference_key(d) not in self.settled)


def difference_key(difference: Difference) -> tuple[str, int, int]:
    return (difference.kind, difference.start, difference.end)


def open_counts(store: Store, ready: dict[int, list[str]], stop: Callable[[], bool] = lambda: False) -> dict[int, int]:
    """Document id -> how many of its differences are still open (reads only; stops early on ``stop``)."""
    counts = {}
    for document_id, names in ready.items():
        if stop():
            break
        layered = store.team.layered_by_id({document_id: names})[document_id]
        settled = CurationState.settled_in(store, document_id)
        counts[document_id] = sum(1 for d in premerge(layered).differences if difference_key(d) not in settled)
    return counts


class CurationState:
    """The curator's work on a store (switched to the curated layer)."""

    def __init__(self, store: Store):
        self.store = store
        store.team.curate(True)

    def documents(self) -> dict[int, list[str]]:
        """Documents all their annotators reviewed -> those annotators, in import order."""
        ready = {}
        for document_id, people in sorted(self.store.team.assignments().items()):
            names = [name for name in people if name != "curated"]
            if names and all(people[name][0] == REVIEWED for name in names):
                ready[document_id] = names
        return ready

    def open(self, document_id: int, annotators: list[str]) -> Curated:
        layered = self.store.team.layered_by_id({document_id: annotators})[document_id]
        merged = premerge(layered)
        if not self.store.team.has_layer(document_id, "curated"):
            self.store.team.write_curated(document_id, merged.spans, merged.events, merged.chosen_by)
        settled = self.settled(document_id)
        return Curated(document_id, layered.id or str(document_id), layered.text, merged.differences, settled)

    def settled(self, document_id: int) -> dict[tuple[str, int, int], int]:
        return self.settled_in(self.store, document_id)

    @staticmethod
    def settled_in(store: Store, document_id: int) -> dict[tuple[str, int, int], int]:
        raw = store.settings.get(f"curation:{document_id}")
        return {(k, s, e): choice for k, s, e, choice in orjson.loads(raw)} if raw else {}

    def settle(self, curated: Curated, difference: Difference, choice: int) -> int:
        """Make the curated layer hold reading ``choice`` in the difference's region (-1: nothing);
        returns how many actions that wrote to the decision log (each undoable)."""
        document_id = curated.document_id
        actions = 0
        items = self.store.items
        decisions = self.store.decisions
        region = (difference.start, difference.end)
        if difference.kind == "span":
            for span in items.spans(document_id):
                if span.status == "accepted" and span.start < region[1] and region[0] < span.end:
                    decisions.delete(span.id)
                    actions += 1
            if choice >= 0:
                for span in difference.readings[choice].items:
                    assert isinstance(span, Span)
                    decisions.add_span(document_id, span.start, span.end, span.label)
                    actions += 1
        else:
            for event in items.events(document_id):
                if event.status == "accepted" and event.start < region[1] and region[0] < event.end:
                    decisions.delete_event(event.id)
                    actions += 1
            if choice >= 0:
                for item in difference.readings[choice].items:
                    assert isinstance(item, Event)
                    change = decisions.add_event(document_id, item.trigger.start, item.trigger.end, item.type)
                    (event_id,) = change.event_ids
                    for argument in item.arguments:
                        decisions.set_argument(event_id, argument.role, argument.span.start, argument.span.end)
                    for name, value in item.attributes.items():
                        decisions.set_attribute(event_id, name, value)
                    actions += 1 + len(item.arguments) + len(item.attributes)
        curated.settled[difference_key(difference)] = choice
        self.mark(document_id, difference_key(difference), choice)
        return actions

    def mark(self, document_id: int, key: tuple[str, int, int], choice: int | None) -> dict:
        """Record the difference ``key`` as settled with ``choice`` (None: open again);
        returns the document's settled differences."""
        settled = self.settled(document_id)
        if choice is None:
            settled.pop(key, None)
        else:
            settled[key] = choice
        rows = [[k, s, e, c] for (k, s, e), c in sorted(settled.items())]
        self.store.settings.set(f"curation:{document_id}", orjson.dumps(rows).decode())
        return settled

    def relabel(self, curated: Curated, difference: Difference, label: str) -> int:
        """Give the curated spans in the difference's region ``label``; returns how many."""
        changed = 0
        for span in self.store.items.spans(curated.document_id):
            if span.status == "accepted" and span.start < difference.end and difference.start < span.end:
                self.store.decisions.relabel(span.id, label)
                changed += 1
        return changed

    def taken(self, document_id: int, difference: Difference) -> list[tuple[int, int, int]]:
        """The curated items in the difference's region, as ``(id, start, end)`` (an event: its trigger)."""
        items = self.store.items
        rows = items.spans(document_id) if difference.kind == "span" else items.events(document_id)
        return [(r.id, r.start, r.end) for r in rows
                if r.status == "accepted" and r.start < difference.end and difference.start < r.end]  # fmt: skip

    def resize(
        self, curated: Curated, kind: str, item: tuple[int, int, int], edge: str, grow: bool
    ) -> tuple[int, int] | None:
        """Move the curated item's ``edge`` ("start" | "end") by one word, as the review desk
        does; returns the new bounds (None: no word further that way)."""
        edges = [o for s in self.curated_spans(curated.document_id) for o in (s.start, s.end)]
        bounds = Words(curated.text, edges).resized(item[1], item[2], edge, grow)
        if bounds is not None:
            decisions = self.store.decisions
            (decisions.resize if kind == "span" else decisions.resize_trigger)(item[0], *bounds)
        return bounds

    def curated_spans(self, document_id: int) -> list[Span]:
        return [Span(s.start, s.end, s.label) for s in self.store.items.spans(document_id) if s.status == "accepted"]
