"""Spans and events as they stand (``store.items``): reading them, and storing
annotations reviewed elsewhere (imports, which log no decision)."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import orjson

from hakam.core.model import Argument, Event, Span
from hakam.core.model import Document as CoreDocument
from hakam.store.tables import ACCEPTED, REVIEWED, SHOWN_CLOSED, VISIBLE
from hakam.store.views import ArgumentView, DocumentView, EventView, SpanView

if TYPE_CHECKING:
    from hakam.store.store import Store

SpanKey = tuple[int, int, str]


def span_view(row: Any) -> SpanView:
    return SpanView(
        row.id, row.document_id, row.start, row.end, row.label, row.status, row.score, row.source, row.annotator
    )


class Items:
    def __init__(self, store: Store):
        self._store = store
        self._t = store.tables

    # -- reading -------------------------------------------------------------------
    def spans(self, document_id: int, include_closed: bool = False) -> list[SpanView]:
        """Span items of a document: pending and accepted (and rejected/deleted on request)."""
        SpanItem = self._t.SpanItem
        shown = SHOWN_CLOSED if include_closed else VISIBLE
        layer = self._open_layer(document_id)
        query = SpanItem.select().where((SpanItem.document == document_id) & SpanItem.status.in_(shown)
                                        & (SpanItem.layer == layer))  # fmt: skip
        return [span_view(row) for row in query.order_by(SpanItem.start, SpanItem.end, SpanItem.id)]

    def _open_layer(self, document_id: int) -> str:
        """The store's layer, seeded with the suggestions when an annotator first opens the
        document in team mode (the curated layer starts from the pre-merge instead)."""
        team = self._store.team
        layer = team.layer
        if layer not in ("", "curated") and not team.has_layer(document_id, layer):
            team.seed(document_id, layer)
        return layer

    def span(self, item_id: int) -> SpanView:
        return span_view(self._t.SpanItem.get_by_id(item_id))

    def events(self, document_id: int, include_closed: bool = False) -> list[EventView]:
        EventItem = self._t.EventItem
        shown = SHOWN_CLOSED if include_closed else VISIBLE
        layer = self._open_layer(document_id)
        query = EventItem.select().where((EventItem.document == document_id) & EventItem.status.in_(shown)
                                         & (EventItem.layer == layer))  # fmt: skip
        return [self._event_view(row) for row in query.order_by(EventItem.start, EventItem.id)]

    def event(self, item_id: int) -> EventView:
        return self._event_view(self._t.EventItem.get_by_id(item_id))

    def _event_view(self, row: Any) -> EventView:
        args = tuple(ArgumentView(a.role, a.start, a.end) for a in row.arguments.order_by(self._t.ArgumentItem.id))
        return EventView(row.id, row.document_id, row.type, row.start, row.end, row.status, args,
                         orjson.loads(row.attributes), row.score, row.source, row.annotator)  # fmt: skip

    def accepted(self, view: DocumentView, layer: str | None = None) -> tuple[CoreDocument, dict[SpanKey, str | None]]:
        """Accepted spans and events of a document in ``layer`` (default: the store's), and who
        made each span (raw SQL: export reads every document)."""
        sql = self._store.execute
        layer = self._store.team.layer if layer is None else layer
        rows = sql('SELECT start, "end", label, score, source, annotator FROM span_item WHERE document_id = ?'
                   ' AND status = ? AND layer = ? ORDER BY start, "end", id', (view.id, ACCEPTED, layer)).fetchall()  # fmt: skip
        spans = [Span(start, end, label, score, source) for start, end, label, score, source, _ in rows]
        annotators = {(start, end, label): who for start, end, label, _, _, who in rows}
        arguments: dict[int, list[Argument]] = {}
        for event_id, role, start, end in sql(
            'SELECT a.event_id, a.role, a.start, a."end" FROM argument_item a JOIN event_item e ON a.event_id = e.id'
            " WHERE e.document_id = ? AND e.status = ? AND e.layer = ? ORDER BY a.id", (view.id, ACCEPTED, layer)):  # fmt: skip
            arguments.setdefault(event_id, []).append(Argument(role, Span(start, end, role)))
        events = [
            Event(kind, Span(start, end, kind), tuple(arguments.get(eid, ())), orjson.loads(attributes), score, source)
            for eid, kind, start, end, attributes, score, source in sql(
                'SELECT id, type, start, "end", attributes, score, source FROM event_item'
                " WHERE document_id = ? AND status = ? AND layer = ? ORDER BY start, id",
                (view.id, ACCEPTED, layer),
            )  # fmt: skip
        ]
        return CoreDocument(view.text, view.ext_id, view.meta, spans, events), annotators

    def decided_by(self, document_id: int) -> set[str]:
        """Who reviewed the document or decided on its items (one-person layer)."""
        sql = self._store.execute
        names = {who for (who,) in sql("SELECT DISTINCT annotator FROM span_item WHERE document_id = ? UNION SELECT"
                                       " DISTINCT annotator FROM event_item WHERE document_id = ? UNION SELECT"
                                       " reviewed_by FROM document WHERE id = ?", (document_id,) * 3).fetchall()}  # fmt: skip
        return {n for n in names if n}

    def reviewed_document(self, document_id: int) -> CoreDocument:
        """The document with its accepted spans and events, as plain core data (training). In
        team mode: the curated layer where there is one, else the first annotator who reviewed it."""
        view = self._store.documents.get(document_id)
        return self.accepted(view, self._store.team.settled_layer(document_id))[0]

    def span_annotators(self, document_id: int) -> dict[SpanKey, str | None]:
        return self.accepted(self._store.documents.get(document_id))[1]

    def accepted_spans_with_text(self, labels: Iterable[str]) -> list[tuple[int, int, str, int, str]]:
        """(start, end, label, document id, document text) of every accepted span with one of ``labels``."""
        SpanItem, Document = self._t.SpanItem, self._t.Document
        query = (
            SpanItem.select(SpanItem.start, SpanItem.end, SpanItem.label, Document.id, Document.text)
            .join(Document)
            .where((SpanItem.status == ACCEPTED) & (SpanItem.label.in_(sorted(labels))))
            .tuples()
        )
        return list(query)

    # -- annotations reviewed elsewhere ------------------------------------------
    def add_reviewed(
        self,
        document_id: int,
        doc: CoreDocument,
        annotator: str | None = None,
        status: str | None = REVIEWED,
        item_status: str = ACCEPTED,
        reviewed_at: float | None = None,
        span_annotators: dict[SpanKey, str] | None = None,
    ) -> None:
        """Store annotations that were reviewed elsewhere (imported): no decision is
        logged, since nobody decided here. ``status`` None leaves the document's as is."""
        at = reviewed_at or time.time()
        who = annotator or self._store.annotator
        by_span = span_annotators or {}
        sql = self._store.execute
        layer = self._store.team.layer
        with self._store.atomic():
            for span in doc.spans:
                sql('INSERT INTO span_item (document_id, start, "end", label, status, score, source, annotator,'
                    " updated_at, layer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (document_id, span.start, span.end, span.label, item_status, span.score,
                     span.source or "import", by_span.get(span.key, who), at, layer))  # fmt: skip
            for event in doc.events:
                self.insert_event(document_id, replace(event, source=event.source or "import"), item_status, who, at,
                                  layer=layer)  # fmt: skip
            if status is not None:
                sql("UPDATE document SET status = ?, reviewed_at = ?, reviewed_by = ? WHERE id = ?",
                    (status, at, who, document_id))  # fmt: skip

    def insert_event(self, document_id: int, event: Event, status: str, annotator: str | None,
                     updated_at: float | None, suggestion_id: int | None = None, layer: str = "") -> int:  # fmt: skip
        """Insert an event item with its arguments (inside the caller's transaction)."""
        sql = self._store.execute
        (eid,) = sql(
            'INSERT INTO event_item (document_id, type, start, "end", status, attributes, score, source, suggestion_id,'
            " annotator, updated_at, layer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (document_id, event.type, event.trigger.start, event.trigger.end, status,
             orjson.dumps(event.attributes).decode(), event.score, event.source, suggestion_id, annotator, updated_at,
             layer),
        ).fetchone()  # fmt: skip
        for arg in event.arguments:
            sql('INSERT INTO argument_item (event_id, role, start, "end") VALUES (?, ?, ?, ?)',
                (eid, arg.role, arg.span.start, arg.span.end))  # fmt: skip
        return eid
