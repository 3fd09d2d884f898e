"""Suggestions (``store.suggestions``): what a model proposes, as pending items."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

import orjson

from hakam.core.model import Event, Span
from hakam.store.tables import ACCEPTED, DELETED, PENDING, REJECTED, SUPERSEDED

CURATED = "curated"

if TYPE_CHECKING:
    from hakam.store.store import Store

DECIDED = (ACCEPTED, REJECTED, DELETED)
_CHUNK = 200  # rows per multi-row INSERT


class Suggestions:
    def __init__(self, store: Store):
        self._store = store

    def replace(
        self,
        document_id: int,
        spans: Iterable[Span],
        events: Iterable[Event] = (),
        model_id: int | None = None,
        uncertainty: float | None = None,
    ) -> int:
        """Put fresh suggestions on a document: untouched pending items are closed as
        superseded (never deleted: the decision log may point at them), and nothing a
        reviewer decided on comes back. In team mode every annotator's layer gets the
        suggestions it has not decided on. Returns the items added."""
        now = time.time()
        sql = self._store.execute
        with self._store.atomic():
            sql("UPDATE span_item SET status = ? WHERE document_id = ? AND status = ?",
                (SUPERSEDED, document_id, PENDING))  # fmt: skip
            sql("UPDATE event_item SET status = ? WHERE document_id = ? AND status = ?",
                (SUPERSEDED, document_id, PENDING))  # fmt: skip
            unique_spans = list({s.key: s for s in spans}.values())
            unique_events = list({(e.trigger.start, e.trigger.end, e.type): e for e in events}.values())
            span_ids: dict[tuple[int, int, str], int] = {}
            for chunk in range(0, len(unique_spans), _CHUNK):
                span_ids.update(
                    self._insert_suggestions(document_id, unique_spans[chunk : chunk + _CHUNK], model_id, now)
                )
            event_ids = {}
            for event in unique_events:
                key = (event.trigger.start, event.trigger.end, event.type)
                arguments = [[a.role, a.span.start, a.span.end] for a in event.arguments]
                payload = orjson.dumps({"arguments": arguments, "attributes": event.attributes}).decode()
                (event_ids[key],) = sql('INSERT INTO suggestion (document_id, kind, start, "end", label, score, source,'
                                        " model_id, payload, created_at) VALUES (?, 'event', ?, ?, ?, ?, ?, ?, ?, ?)"
                                        " RETURNING id", (document_id, *key, event.score, event.source, model_id,
                                                          payload, now)).fetchone()  # fmt: skip
            layers = {layer for (layer,) in sql("SELECT DISTINCT layer FROM span_item WHERE document_id = ? UNION "
                                                "SELECT DISTINCT layer FROM event_item WHERE document_id = ?",
                                                (document_id, document_id)).fetchall()} - {CURATED}  # fmt: skip
            added = 0
            for layer in sorted(layers or {""}):
                added += self._fresh(document_id, layer, unique_spans, span_ids, unique_events, event_ids)
            if uncertainty is not None:
                sql("UPDATE document SET uncertainty = ? WHERE id = ?", (uncertainty, document_id))
        return added

    def _fresh(self, document_id: int, layer: str, spans: list[Span], span_ids: dict, events: list[Event],
               event_ids: dict) -> int:  # fmt: skip
        """Pending items in ``layer`` for the suggestions it has not decided on."""
        sql = self._store.execute
        decided = set(sql('SELECT start, "end", label FROM span_item WHERE document_id = ? AND layer = ?'
                          " AND status IN (?, ?, ?)", (document_id, layer, *DECIDED)).fetchall())  # fmt: skip
        decided_events = set(sql('SELECT start, "end", type FROM event_item WHERE document_id = ? AND layer = ?'
                                 " AND status IN (?, ?, ?)", (document_id, layer, *DECIDED)).fetchall())  # fmt: skip
        fresh = [s for s in spans if s.key not in decided]
        for chunk in range(0, len(fresh), _CHUNK):
            part = fresh[chunk : chunk + _CHUNK]
            values = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(part))
            params = [v for s in part for v in (document_id, s.start, s.end, s.label, PENDING, s.score, s.source,
                                                span_ids[s.key], layer)]  # fmt: skip
            sql('INSERT INTO span_item (document_id, start, "end", label, status, score, source, suggestion_id, layer)'
                f" VALUES {values}", tuple(params))  # fmt: skip
        added = len(fresh)
        for event in events:
            key = (event.trigger.start, event.trigger.end, event.type)
            if key not in decided_events:
                self._store.items.insert_event(document_id, event, PENDING, None, None, event_ids[key], layer)
                added += 1
        return added

    def _insert_suggestions(self, document_id: int, spans: list[Span], model_id: int | None,
                            now: float) -> dict[tuple[int, int, str], int]:  # fmt: skip
        """One multi-row INSERT; the ids come back by RETURNING, matched on (start, end,
        label), unique among ``spans``."""
        if not spans:
            return {}
        values = ", ".join(["(?, 'span', ?, ?, ?, ?, ?, ?, '{}', ?)"] * len(spans))
        params = [v for s in spans for v in (document_id, s.start, s.end, s.label, s.score, s.source, model_id, now)]
        returned = self._store.execute('INSERT INTO suggestion (document_id, kind, start, "end", label, score, source,'
                                       f' model_id, payload, created_at) VALUES {values} RETURNING id, start, "end",'
                                       " label", tuple(params))  # fmt: skip
        return {(start, end, label): sid for sid, start, end, label in returned.fetchall()}

    def pending_count(self) -> int:
        """Pending span suggestions in the whole store."""
        return self._store.execute("SELECT COUNT(*) FROM span_item WHERE status = ?", (PENDING,)).fetchone()[0]
