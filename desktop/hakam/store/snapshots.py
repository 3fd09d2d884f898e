"""Item snapshots: the before/after of each decision, and applying one.

A snapshot is the full state of one span, event (with its arguments) or
document review status, as a JSON-able dict; ``None`` means "does not exist".
Applying the ``after`` of a decision does it; applying its ``before`` undoes it.
"""

from __future__ import annotations

from typing import Any

import orjson

from hakam.store.tables import ArgumentItem, Document, EventItem, SpanItem

Snapshot = dict[str, Any] | None

_SPAN_FIELDS = ("start", "end", "label", "status", "score", "source", "annotator", "updated_at")
_EVENT_FIELDS = ("type", "start", "end", "status", "score", "source", "annotator", "updated_at")
_DOC_FIELDS = ("status", "reviewed_at", "reviewed_by")


def dumps(snapshot: Snapshot) -> str | None:
    return None if snapshot is None else orjson.dumps(snapshot).decode()


def loads(raw: str | None) -> Snapshot:
    return None if raw is None else orjson.loads(raw)


def span_snapshot(row: SpanItem | None) -> Snapshot:
    if row is None:
        return None
    snap = {name: getattr(row, name) for name in _SPAN_FIELDS}
    snap["document"] = row.document_id
    snap["suggestion"] = row.suggestion_id
    return snap


def event_snapshot(row: EventItem | None) -> Snapshot:
    if row is None:
        return None
    snap = {name: getattr(row, name) for name in _EVENT_FIELDS}
    snap["document"] = row.document_id
    snap["suggestion"] = row.suggestion_id
    snap["attributes"] = orjson.loads(row.attributes)
    snap["arguments"] = [
        [a.role, a.start, a.end]
        for a in ArgumentItem.select().where(ArgumentItem.event == row.id).order_by(ArgumentItem.id)
    ]
    return snap


def document_snapshot(row: Document) -> Snapshot:
    return {name: getattr(row, name) for name in _DOC_FIELDS}


def apply_span(item_id: int, snap: Snapshot) -> None:
    if snap is None:
        SpanItem.delete().where(SpanItem.id == item_id).execute()
        return
    values = {name: snap[name] for name in _SPAN_FIELDS}
    values.update(document=snap["document"], suggestion=snap["suggestion"])
    SpanItem.insert(id=item_id, **values).on_conflict_replace().execute()


def apply_event(item_id: int, snap: Snapshot) -> None:
    ArgumentItem.delete().where(ArgumentItem.event == item_id).execute()
    if snap is None:
        EventItem.delete().where(EventItem.id == item_id).execute()
        return
    values = {name: snap[name] for name in _EVENT_FIELDS}
    values.update(
        document=snap["document"],
        suggestion=snap["suggestion"],
        attributes=orjson.dumps(snap["attributes"]).decode(),
    )
    exists = EventItem.select().where(EventItem.id == item_id).exists()
    if exists:
        EventItem.update(**values).where(EventItem.id == item_id).execute()
    else:
        EventItem.insert(id=item_id, **values).execute()
    rows = [{"event": item_id, "role": r, "start": s, "end": e} for r, s, e in snap["arguments"]]
    if rows:
        ArgumentItem.insert_many(rows).execute()


def apply_document(item_id: int, snap: Snapshot) -> None:
    assert snap is not None, "documents are never created by a decision"
    Document.update(**{name: snap[name] for name in _DOC_FIELDS}).where(Document.id == item_id).execute()


APPLY = {"span": apply_span, "event": apply_event, "document": apply_document}


def touched_range(snap: Snapshot) -> list[tuple[int, int]]:
    if snap is None or "start" not in snap:
        return []
    ranges = [(snap["start"], snap["end"])]
    ranges += [(s, e) for _, s, e in snap.get("arguments", ())]
    return ranges
