"""Item snapshots: the before/after of each decision, and applying one.

A snapshot is the full state of one span, event (with its arguments) or
document review status, as a JSON-able dict; ``None`` means "does not exist"
(never added, or its addition undone: the row stays, closed as ``void``).
Applying the ``after`` of a decision does it; applying its ``before`` undoes it.
"""

from __future__ import annotations

from typing import Any

import orjson

from hakam.store import hot_sql
from hakam.store.tables import REVIEWED, TODO, VOID, Tables

Snapshot = dict[str, Any] | None

_SPAN_FIELDS = ("start", "end", "label", "status", "score", "source", "annotator", "updated_at")
_EVENT_FIELDS = ("type", "start", "end", "status", "score", "source", "annotator", "updated_at")
_DOC_FIELDS = ("status", "reviewed_at", "reviewed_by")
_ASSIGNMENT_FIELDS = ("status", "reviewed_at")
# The layer an item is in; decisions logged before version 4 have none and leave it as it is.
_LAYER = "layer"


def dumps(snapshot: Snapshot) -> str | None:
    return None if snapshot is None else orjson.dumps(snapshot).decode()


def loads(raw: str | None) -> Snapshot:
    return None if raw is None else orjson.loads(raw)


def span_snapshot(row: Any) -> Snapshot:
    if row is None or row.status == VOID:
        return None
    snap = {name: getattr(row, name) for name in (*_SPAN_FIELDS, _LAYER)}
    snap["document"] = row.document_id
    snap["suggestion"] = row.suggestion_id
    return snap


def event_snapshot(t: Tables, row: Any) -> Snapshot:
    if row is None or row.status == VOID:
        return None
    snap = {name: getattr(row, name) for name in (*_EVENT_FIELDS, _LAYER)}
    snap["document"] = row.document_id
    snap["suggestion"] = row.suggestion_id
    snap["attributes"] = orjson.loads(row.attributes)
    args = t.ArgumentItem
    snap["arguments"] = [[a.role, a.start, a.end] for a in args.select().where(args.event == row.id).order_by(args.id)]
    return snap


def document_snapshot(row: Any) -> Snapshot:
    return {name: getattr(row, name) for name in _DOC_FIELDS}


def _upsert(model: Any, item_id: int | None, values: dict[str, Any]) -> int:
    """Update row ``item_id`` (or insert a new row, the database picking the id)."""
    if item_id is None:
        return model.insert(**values).execute()
    if hot_sql.update_by_id(model, item_id, values) == 0:
        # Only in databases from before version 3, where undoing an addition deleted its row.
        model.insert(id=item_id, **values).execute()
    return item_id


def apply_span(t: Tables, item_id: int | None, snap: Snapshot) -> int:
    """Make span ``item_id`` look like ``snap``; returns its id (new when ``item_id`` is None)."""
    if snap is None:
        assert item_id is not None
        hot_sql.update_by_id(t.SpanItem, item_id, {"status": VOID})
        return item_id
    values = {name: snap[name] for name in _SPAN_FIELDS}
    values.update(document=snap["document"], suggestion=snap["suggestion"])
    if _LAYER in snap:
        values[_LAYER] = snap[_LAYER]
    return _upsert(t.SpanItem, item_id, values)


def apply_event(t: Tables, item_id: int | None, snap: Snapshot) -> int:
    if snap is None:
        assert item_id is not None
        hot_sql.update_by_id(t.EventItem, item_id, {"status": VOID})
        return item_id
    values = {name: snap[name] for name in _EVENT_FIELDS}
    values.update(
        document=snap["document"],
        suggestion=snap["suggestion"],
        attributes=orjson.dumps(snap["attributes"]).decode(),
    )
    if _LAYER in snap:
        values[_LAYER] = snap[_LAYER]
    item_id = _upsert(t.EventItem, item_id, values)
    t.ArgumentItem.delete().where(t.ArgumentItem.event == item_id).execute()
    rows = [{"event": item_id, "role": r, "start": s, "end": e} for r, s, e in snap["arguments"]]
    if rows:
        t.ArgumentItem.insert_many(rows).execute()
    return item_id


def apply_document(t: Tables, item_id: int | None, snap: Snapshot) -> int:
    assert snap is not None and item_id is not None, "documents are never created by a decision"
    t.Document.update(**{name: snap[name] for name in _DOC_FIELDS}).where(t.Document.id == item_id).execute()
    return item_id


def assignment_snapshot(row: Any) -> Snapshot:
    return {name: getattr(row, name) for name in _ASSIGNMENT_FIELDS}


def apply_assignment(t: Tables, item_id: int | None, snap: Snapshot) -> int:
    """An annotator's review status of a document (team mode); the document is reviewed
    for the team when everyone it was dealt to has reviewed it."""
    assert snap is not None and item_id is not None, "assignments are never created by a decision"
    A, Document = t.Assignment, t.Document
    A.update(**{name: snap[name] for name in _ASSIGNMENT_FIELDS}).where(A.id == item_id).execute()
    document_id = A.get_by_id(item_id).document_id
    # Two annotators finishing the document at once: the second waits here for the first to
    # commit, then sees its status (else each sees the other's as todo and it stays todo).
    hot_sql.lock_by_id(Document, document_id)
    statuses = [status for (status,) in A.select(A.status).where((A.document == document_id)
                                                                  & (A.annotator != "curated")).tuples()]  # fmt: skip
    done = all(status == REVIEWED for status in statuses)
    Document.update(status=REVIEWED if done else TODO, reviewed_at=snap["reviewed_at"] if done else None,
                    reviewed_by="team" if done else None).where(Document.id == document_id).execute()  # fmt: skip
    return item_id


APPLY = {"span": apply_span, "event": apply_event, "document": apply_document, "assignment": apply_assignment}


def touched_range(snap: Snapshot) -> list[tuple[int, int]]:
    if snap is None or "start" not in snap:
        return []
    ranges = [(snap["start"], snap["end"])]
    ranges += [(s, e) for _, s, e in snap.get("arguments", ())]
    return ranges
