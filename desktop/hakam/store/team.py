"""Team mode (``store.team``): each annotator's own layer of decisions over the shared
suggestions, the documents dealt to each, and the curated layer.

A database starts in one-person mode: every item is in layer ``""`` and nothing changes
for its user. It turns to team mode when documents are assigned or a second annotator's
work is imported; from then on the store's annotator works in the layer of their name
(the curator in ``curated``). The one-person layer becomes the layer of the annotator who
made it. Suggestions stay shared: a layer is seeded with them when a document is dealt to
its annotator (or first opened by them), and fresh suggestions reach every layer.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import orjson

from hakam.core.model import Argument, Event, Layer, LayeredDocument, Span
from hakam.core.premerge import event_key
from hakam.store.snapshots import apply_assignment
from hakam.store.tables import ACCEPTED, DELETED, IGNORED, PENDING, REJECTED, REVIEWED, SUPERSEDED, TODO

if TYPE_CHECKING:
    from hakam.store.store import Store

SOLO, CURATED = "", "curated"
TEAM_SETTING = "team"
DECIDED = (ACCEPTED, REJECTED, DELETED)


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    assigned: int
    reviewed: int
    ignored: int

    @property
    def pending(self) -> int:
        return self.assigned - self.reviewed - self.ignored


class Team:
    def __init__(self, store: Store):
        self._store = store
        self._t = store.tables
        self._curating = False
        self._enabled: bool | None = None

    # -- mode and layer --------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        """Read once per store (every item read asks); ``enable`` updates it."""
        if self._enabled is None:
            self._enabled = self._store.settings.get(TEAM_SETTING) == "1"
        return self._enabled

    @property
    def layer(self) -> str:
        """The layer this store reads and writes."""
        if self._curating:
            return CURATED
        return self._store.annotator if self.enabled else SOLO

    def curate(self, on: bool = True) -> None:
        """Work in the curated layer (the curator) or back in the annotator's own."""
        self._curating = on
        self._store.decisions.forget_history()

    def enable(self, owner: str | None = None) -> None:
        """Turn team mode on. The one-person layer is split by who made it: a document's items
        go to its reviewer's layer, else to the layer of whoever decided each, else to
        ``owner``'s (default: the store's annotator); reviewed documents become reviewed
        assignments of their reviewers."""
        if self.enabled:
            return
        owner = owner or self._store.annotator
        sql = self._store.execute
        with self._store.atomic():
            # Each item goes to the layer of the document's reviewer, else of who decided it, else the owner's.
            for table in ("span_item", "event_item"):
                sql(f"UPDATE {table} SET layer = COALESCE((SELECT reviewed_by FROM document d WHERE d.id = document_id),"
                    " annotator, ?) WHERE layer = ?", (owner, SOLO))  # fmt: skip
            done = sql("SELECT id, status, reviewed_at, reviewed_by FROM document WHERE status IN (?, ?)",
                       (REVIEWED, IGNORED))  # fmt: skip
            for document_id, status, at, who in done.fetchall():
                self._assignment(document_id, who or owner, status, at)
            self._store.settings.set(TEAM_SETTING, "1")
        self._enabled = True
        self._store.decisions.forget_history()

    # -- assignments -----------------------------------------------------------------
    def _assignment(self, document_id: int, annotator: str, status: str = TODO, at: float | None = None) -> bool:
        """Create the assignment unless it exists; True when created."""
        A = self._t.Assignment
        if A.get_or_none((A.document == document_id) & (A.annotator == annotator)):
            return False
        A.insert(document=document_id, annotator=annotator, status=status, reviewed_at=at).execute()
        return True

    def assign(self, dealt: dict[int, Sequence[str]]) -> int:
        """Deal documents (id -> annotators), seeding each layer with the suggestions;
        returns the assignments made (existing ones are kept)."""
        self.enable()
        made = 0
        with self._store.atomic():
            for document_id, names in dealt.items():
                for name in names:
                    made += self._assignment(document_id, name)
                    self.seed(document_id, name)
        return made

    def assigned(self, annotator: str | None = None) -> dict[int, list[str]]:
        A = self._t.Assignment
        query = A.select(A.document, A.annotator).order_by(A.document, A.annotator)
        if annotator:
            query = query.where(A.annotator == annotator)
        out: dict[int, list[str]] = {}
        for document_id, name in query.tuples():
            out.setdefault(document_id, []).append(name)
        return out

    def assignments(self) -> dict[int, dict[str, tuple[str, float | None]]]:
        """Document id -> annotator -> (their status, when they reviewed it)."""
        A = self._t.Assignment
        out: dict[int, dict[str, tuple[str, float | None]]] = {}
        for document_id, name, status, at in A.select(A.document, A.annotator, A.status, A.reviewed_at).tuples():
            out.setdefault(document_id, {})[name] = (status, at)
        return out

    def assignment_id(self, document_id: int, annotator: str) -> int:
        """The annotator's assignment of the document, made on the spot when they open an
        unassigned one (possible on a trusted SQLite file)."""
        A = self._t.Assignment
        row = A.get_or_none((A.document == document_id) & (A.annotator == annotator))
        if row is None:
            self._assignment(document_id, annotator)
            row = A.get((A.document == document_id) & (A.annotator == annotator))
        return row.id

    def status_of(self, document_id: int, annotator: str) -> str | None:
        A = self._t.Assignment
        row = A.get_or_none((A.document == document_id) & (A.annotator == annotator))
        return row.status if row else None

    def members(self) -> list[Member]:
        A = self._t.Assignment
        counts: dict[str, dict[str, int]] = {}
        for name, status in A.select(A.annotator, A.status).where(A.annotator != CURATED).tuples():
            counts.setdefault(name, {TODO: 0, REVIEWED: 0, IGNORED: 0})[status] += 1
        for name in self.names():
            counts.setdefault(name, {TODO: 0, REVIEWED: 0, IGNORED: 0})
        return [Member(n, sum(c.values()), c[REVIEWED], c[IGNORED]) for n, c in sorted(counts.items())]

    def names(self) -> list[str]:
        raw = self._store.settings.get("team_members")
        return orjson.loads(raw) if raw else []

    def add_member(self, name: str) -> None:
        names = self.names()
        if name not in names:
            self._store.settings.set("team_members", orjson.dumps(sorted([*names, name])).decode())
        self.enable()

    # -- layers ----------------------------------------------------------------------
    def has_layer(self, document_id: int, layer: str) -> bool:
        sql = self._store.execute
        return any(sql(f"SELECT 1 FROM {table} WHERE document_id = ? AND layer = ? LIMIT 1", (document_id, layer))
                   .fetchone() for table in ("span_item", "event_item"))  # fmt: skip

    def seed(self, document_id: int, layer: str) -> int:
        """Copy the document's suggestions into ``layer`` as pending items, unless the layer
        already has a decision on the same span or event; returns the items added."""
        sql = self._store.execute
        decided_spans = set(sql('SELECT start, "end", label FROM span_item WHERE document_id = ? AND layer = ?',
                                (document_id, layer)).fetchall())  # fmt: skip
        decided_events = set(sql('SELECT start, "end", type FROM event_item WHERE document_id = ? AND layer = ?',
                                 (document_id, layer)).fetchall())  # fmt: skip
        added = 0
        rows = sql('SELECT id, kind, start, "end", label, score, source, payload FROM suggestion WHERE document_id = ?'
                   " AND created_at = (SELECT MAX(created_at) FROM suggestion WHERE document_id = ?) ORDER BY id",
                   (document_id, document_id)).fetchall()  # the latest suggestions only  # fmt: skip
        with self._store.atomic():
            for sid, kind, start, end, label, score, source, payload in rows:
                if kind == "span" and (start, end, label) not in decided_spans:
                    sql('INSERT INTO span_item (document_id, start, "end", label, status, score, source, suggestion_id,'
                        " layer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (document_id, start, end, label, PENDING, score, source, sid, layer))  # fmt: skip
                    decided_spans.add((start, end, label))
                    added += 1
                elif kind == "event" and (start, end, label) not in decided_events:
                    data = orjson.loads(payload)
                    arguments = tuple(Argument(r, Span(s, e, r)) for r, s, e in data.get("arguments", ()))
                    event = Event(label, Span(start, end, label), arguments, data.get("attributes", {}), score, source)
                    self._store.items.insert_event(document_id, event, PENDING, None, None, sid, layer)
                    decided_events.add((start, end, label))
                    added += 1
        return added

    def add_layer(self, document_id: int, annotator: str, layer: Layer, status: str = REVIEWED,
                  reviewed_at: float | None = None, item_status: str = ACCEPTED) -> bool:  # fmt: skip
        """Store annotations ``annotator`` made elsewhere as their layer of a stored document
        (imports); False when they already have a layer there (nothing is changed)."""
        self.enable()
        if self.status_of(document_id, annotator) in (REVIEWED, IGNORED):
            return False
        at = reviewed_at or time.time()
        sql = self._store.execute
        with self._store.atomic():
            sql('UPDATE span_item SET status = ? WHERE document_id = ? AND layer = ? AND status = ?',
                (SUPERSEDED, document_id, annotator, PENDING))  # fmt: skip
            sql('UPDATE event_item SET status = ? WHERE document_id = ? AND layer = ? AND status = ?',
                (SUPERSEDED, document_id, annotator, PENDING))  # fmt: skip
            for span in layer.spans:
                sql('INSERT INTO span_item (document_id, start, "end", label, status, score, source, annotator,'
                    " updated_at, layer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (document_id, span.start, span.end, span.label, item_status, span.score, span.source or "import",
                     annotator, at, annotator))  # fmt: skip
            for event in layer.events:
                self._store.items.insert_event(document_id, event, item_status, annotator, at, None, annotator)
            self.seed(document_id, annotator)
            apply_assignment(self._t, self.assignment_id(document_id, annotator), {"status": status, "reviewed_at": at})
        return True

    def layered(self, annotators: Iterable[str] | None = None, reviewed_only: bool = True) -> list[LayeredDocument]:
        """Every document with the accepted spans and events of each annotator who reviewed it
        (``annotators``: only these), for agreement and pre-merge."""
        A = self._t.Assignment
        wanted = set(annotators) if annotators else None
        query = A.select(A.document, A.annotator)
        if reviewed_only:
            query = query.where(A.status == REVIEWED)
        by_document: dict[int, list[str]] = {}
        for document_id, name in query.tuples():
            if name != CURATED and (wanted is None or name in wanted):
                by_document.setdefault(document_id, []).append(name)
        return list(self.layered_by_id(by_document).values())

    def layered_by_id(self, layers: dict[int, list[str]]) -> dict[int, LayeredDocument]:
        """Document id -> the document with the accepted items of the named layers."""
        out = {}
        for document_id in sorted(layers):
            view = self._store.documents.get(document_id)
            found = {name: self.accepted_layer(document_id, name) for name in sorted(layers[document_id])}
            out[document_id] = LayeredDocument(view.text, found, view.ext_id)
        return out

    def settled_layer(self, document_id: int) -> str | None:
        """The layer that stands for the document (training): ``None`` (the store's own) in
        one-person mode; in team mode the curated layer, else the first annotator (by name)
        who reviewed it."""
        if not self.enabled:
            return None
        people = self.assignments().get(document_id, {})
        if CURATED in people:
            return CURATED
        reviewed = sorted(name for name, (status, _) in people.items() if status == REVIEWED)
        return reviewed[0] if reviewed else self.layer

    def accepted_layer(self, document_id: int, layer: str) -> Layer:
        doc = self._store.items.accepted(self._store.documents.get(document_id), layer)[0]
        return Layer(tuple(doc.spans), tuple(doc.events))

    def write_curated(self, document_id: int, spans: Sequence[Span], events: Sequence[Event],
                      chosen_by: dict[tuple, tuple[str, ...]]) -> int:  # fmt: skip
        """Pre-accept items into the curated layer (before anyone curates by hand), each
        credited to the annotators who chose it; items already there are kept."""
        self.enable()
        sql = self._store.execute
        have = set(sql('SELECT start, "end", label FROM span_item WHERE document_id = ? AND layer = ? AND status = ?',
                       (document_id, CURATED, ACCEPTED)).fetchall())  # fmt: skip
        have_events = set(sql('SELECT start, "end", type FROM event_item WHERE document_id = ? AND layer = ?'
                              " AND status = ?", (document_id, CURATED, ACCEPTED)).fetchall())  # fmt: skip
        now, added = time.time(), 0
        with self._store.atomic():
            for span in spans:
                if span.key in have:
                    continue
                sql('INSERT INTO span_item (document_id, start, "end", label, status, score, source, annotator,'
                    " updated_at, layer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (document_id, span.start, span.end, span.label, ACCEPTED, span.score, span.source or "premerge",
                     ", ".join(chosen_by.get(span.key, ())) or None, now, CURATED))  # fmt: skip
                added += 1
            for event in events:
                if (event.trigger.start, event.trigger.end, event.type) in have_events:
                    continue
                who = ", ".join(chosen_by.get(event_key(event), ())) or None
                self._store.items.insert_event(document_id, event, ACCEPTED, who, now, None, CURATED)
                added += 1
            self._assignment(document_id, CURATED)
        return added
