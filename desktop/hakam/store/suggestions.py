"""Suggestions (``store.suggestions``): what a model proposes, as pending items."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

import orjson

from hakam.core.model import Event, Span
from hakam.store.tables import ACCEPTED, DELETED, PENDING, REJECTED, SUPERSEDED

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
        reviewer decided on comes back. Returns the items added."""
        now = time.time()
        sql = self._store.execute
        with self._store.atomic():
            sql("UPDATE span_item SET status = ? WHERE document_id = ? AND status = ?",
                (SUPERSEDED, document_id, PENDING))  # fmt: skip
            sql("UPDATE event_item SET status = ? WHERE document_id = ? AND status = ?",
                (SUPERSEDED, document_id, PENDING))  # fmt: skip
            decided = set(
                sql(
                    'SELECT start, "end", label FROM span_item WHERE document_id = ? AND status IN (?, ?, ?)',
                    (document_id, *DECIDED),
                ).fetchall()  # fmt: skip
            )
            decided_events = set(
                sql(
                    'SELECT start, "end", type FROM event_item WHERE document_id = ? AND status IN (?, ?, ?)',
                    (document_id, *DECIDED),
                ).fetchall()  # fmt: skip
            )
            fresh = []
            for span in spans:
                if span.key not in decided:
                    decided.add(span.key)
                    fresh.append(span)
            for chunk in range(0, len(fresh), _CHUNK):
                self._insert_spans(document_id, fresh[chunk : chunk + _CHUNK], model_id, now)
            added = len(fresh)
            for event in events:
                key = (event.trigger.start, event.trigger.end, event.type)
                if key in decided_events:
                    continue
                decided_events.add(key)
                arguments = [[a.role, a.span.start, a.span.end] for a in event.arguments]
                payload = orjson.dumps({"arguments": arguments, "attributes": event.attributes}).decode()
                (sid,) = sql('INSERT INTO suggestion (document_id, kind, start, "end", label, score, source, model_id,'
                             " payload, created_at) VALUES (?, 'event', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                             (document_id, *key, event.score, event.source, model_id, payload, now)).fetchone()  # fmt: skip
                self._store.items.insert_event(document_id, event, PENDING, None, None, sid)
                added += 1
            if uncertainty is not None:
                sql("UPDATE document SET uncertainty = ? WHERE id = ?", (uncertainty, document_id))
        return added

    def _insert_spans(self, document_id: int, spans: list[Span], model_id: int | None, now: float) -> None:
        """One multi-row INSERT for the suggestions and one for their items; the ids
        come back by RETURNING, matched on (start, end, label), unique among ``spans``."""
        if not spans:
            return
        sql = self._store.execute
        values = ", ".join(["(?, 'span', ?, ?, ?, ?, ?, ?, '{}', ?)"] * len(spans))
        params = [v for s in spans for v in (document_id, s.start, s.end, s.label, s.score, s.source, model_id, now)]
        returned = sql('INSERT INTO suggestion (document_id, kind, start, "end", label, score, source, model_id,'
                       f' payload, created_at) VALUES {values} RETURNING id, start, "end", label', tuple(params))  # fmt: skip
        ids = {(start, end, label): sid for sid, start, end, label in returned.fetchall()}
        values = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?)"] * len(spans))
        params = [v for s in spans for v in (document_id, s.start, s.end, s.label, PENDING, s.score, s.source,
                                             ids[s.key])]  # fmt: skip
        sql('INSERT INTO span_item (document_id, start, "end", label, status, score, source, suggestion_id)'
            f" VALUES {values}", tuple(params))  # fmt: skip

    def pending_count(self) -> int:
        """Pending span suggestions in the whole store."""
        return self._store.execute("SELECT COUNT(*) FROM span_item WHERE status = ?", (PENDING,)).fetchone()[0]
