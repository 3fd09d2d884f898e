"""Reviewer actions. Each is one committed transaction: the decision rows are
appended to the log and the current state is updated to match, then the call
returns a ``Change`` naming what moved. Undo and redo are decisions too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import orjson

from hakam.store import snapshots as snap
from hakam.store.tables import (
    ACCEPTED,
    DELETED,
    IGNORED,
    PENDING,
    REJECTED,
    REVIEWED,
    TODO,
    Decision,
    Document,
    EventItem,
    SpanItem,
    database,
)
from hakam.store.views import Change

UNDO, REDO = "undo", "redo"


class DecisionError(ValueError):
    """An action that cannot be applied (unknown item, bad offsets, bad label)."""


class _Step:
    """One item change inside an action: target kind, item id, before, after."""

    __slots__ = ("target", "item_id", "before", "after")

    def __init__(self, target: str, item_id: int, before: snap.Snapshot, after: snap.Snapshot):
        self.target, self.item_id, self.before, self.after = target, item_id, before, after


class DecisionLog:
    """Mixin for ``Store``: writes decisions. Needs ``annotator``, ``schema``."""

    annotator: str
    _lock: threading.RLock
    _undo: list[int] | None = None
    _redo: list[int] | None = None

    # -- plumbing ---------------------------------------------------------------
    def _next_batch(self) -> int:
        last = Decision.select(Decision.batch).order_by(Decision.batch.desc()).limit(1).scalar()
        return (last or 0) + 1

    def _commit(self, document_id: int, action: str, steps: list[_Step], reverts: int | None = None) -> Change:
        """Append ``steps`` as one batch and apply their ``after`` states."""
        now = time.time()
        with self._lock, database.atomic():
            batch = self._next_batch()
            rows = []
            for step in steps:
                snap.APPLY[step.target](step.item_id, step.after)
                rows.append(
                    {
                        "document": document_id,
                        "batch": batch,
                        "action": action,
                        "target": step.target,
                        "item_id": step.item_id,
                        "before": snap.dumps(step.before),
                        "after": snap.dumps(step.after),
                        "annotator": self.annotator,
                        "at": now,
                        "reverts": reverts,
                    }
                )
            if rows:
                Decision.insert_many(rows).execute()
        self._track(batch, action, reverts)
        ranges = [r for s in steps for r in snap.touched_range(s.before) + snap.touched_range(s.after)]
        return Change(
            document_id,
            action,
            batch,
            tuple(sorted(set(ranges))),
            tuple(s.item_id for s in steps if s.target == "span"),
            tuple(s.item_id for s in steps if s.target == "event"),
            any(s.target == "document" for s in steps),
        )

    def _span_row(self, item_id: int) -> SpanItem:
        row = SpanItem.get_or_none(SpanItem.id == item_id)
        if row is None:
            raise DecisionError(f"no span item {item_id}")
        return row

    def _event_row(self, item_id: int) -> EventItem:
        row = EventItem.get_or_none(EventItem.id == item_id)
        if row is None:
            raise DecisionError(f"no event item {item_id}")
        return row

    def _check_label(self, label: str) -> None:
        if label not in self.schema.entities:  # type: ignore[attr-defined]
            raise DecisionError(f"unknown entity label {label!r}")

    def _check_offsets(self, document_id: int, start: int, end: int) -> None:
        length = Document.select(Document.text).where(Document.id == document_id).scalar()
        if length is None:
            raise DecisionError(f"no document {document_id}")
        if not 0 <= start < end <= len(length):
            raise DecisionError(f"offsets {start}..{end} are outside the text")

    def _span_change(self, item_id: int, action: str, **updates: object) -> Change:
        """One span decision; arguments on the span's extent follow it (a resize moves
        them, a delete or reject removes them) in the same batch, so one undo reverts both."""
        row = self._span_row(item_id)
        before = snap.span_snapshot(row)
        after = dict(before, annotator=self.annotator, updated_at=time.time(), **updates)
        steps = [_Step("span", item_id, before, after)]
        if after["status"] in (REJECTED, DELETED):
            steps += self._argument_steps(row, None)
        elif (after["start"], after["end"]) != (before["start"], before["end"]):
            steps += self._argument_steps(row, (after["start"], after["end"]))
        return self._commit(row.document_id, action, steps)

    def _argument_steps(self, span: SpanItem, extent: tuple[int, int] | None) -> list[_Step]:
        """Event steps that move the arguments on ``span``'s extent to ``extent`` (``None``: remove
        them), unless another live span has that extent too."""
        old = (span.start, span.end)
        twins = SpanItem.select().where((SpanItem.document == span.document_id) & (SpanItem.id != span.id)
                                        & (SpanItem.start == old[0]) & (SpanItem.end == old[1])
                                        & SpanItem.status.in_([PENDING, ACCEPTED]))  # fmt: skip
        if twins.exists():
            return []
        steps = []
        now = time.time()
        for row in EventItem.select().where((EventItem.document == span.document_id)
                                            & EventItem.status.in_([PENDING, ACCEPTED])):  # fmt: skip
            before = snap.event_snapshot(row)
            if not any((s, e) == old for _, s, e in before["arguments"]):
                continue
            moved: list[list] = []
            for role, s, e in before["arguments"]:
                argument = [role, *extent] if (s, e) == old and extent else None if (s, e) == old else [role, s, e]
                if argument is not None and argument not in moved:
                    moved.append(argument)
            after = dict(before, arguments=moved, annotator=self.annotator, updated_at=now)
            steps.append(_Step("event", row.id, before, after))
        return steps

    def _event_change(self, item_id: int, action: str, edit: Callable[[dict], None]) -> Change:
        row = self._event_row(item_id)
        before = snap.event_snapshot(row)
        after = orjson.loads(orjson.dumps(before))
        edit(after)
        after.update(annotator=self.annotator, updated_at=time.time())
        return self._commit(row.document_id, action, [_Step("event", item_id, before, after)])

    # -- spans -----------------------------------------------------------------
    def accept(self, item_id: int) -> Change:
        return self._span_change(item_id, "accept", status=ACCEPTED)

    def reject(self, item_id: int) -> Change:
        return self._span_change(item_id, "reject", status=REJECTED)

    def relabel(self, item_id: int, label: str) -> Change:
        self._check_label(label)
        return self._span_change(item_id, "relabel", label=label, status=ACCEPTED)

    def resize(self, item_id: int, start: int, end: int) -> Change:
        row = self._span_row(item_id)
        self._check_offsets(row.document_id, start, end)
        return self._span_change(item_id, "resize", start=start, end=end, status=ACCEPTED)

    def delete(self, item_id: int) -> Change:
        return self._span_change(item_id, "delete", status=DELETED)

    def add_span(self, document_id: int, start: int, end: int, label: str) -> Change:
        self._check_label(label)
        self._check_offsets(document_id, start, end)
        with self._lock:
            item_id = (SpanItem.select(SpanItem.id).order_by(SpanItem.id.desc()).limit(1).scalar() or 0) + 1
            after = {
                "document": document_id, "suggestion": None, "start": start, "end": end, "label": label,
                "status": ACCEPTED, "score": None, "source": "manual", "annotator": self.annotator,
                "updated_at": time.time(),
            }  # fmt: skip
            return self._commit(document_id, "add", [_Step("span", item_id, None, after)])

    def accept_all(self, document_id: int) -> Change:
        """Accept every pending span and event of the document, as one undoable action."""
        now = time.time()
        steps = []
        for row in SpanItem.select().where((SpanItem.document == document_id) & (SpanItem.status == PENDING)):
            before = snap.span_snapshot(row)
            steps.append(
                _Step("span", row.id, before, dict(before, status=ACCEPTED, annotator=self.annotator, updated_at=now))
            )
        for row in EventItem.select().where((EventItem.document == document_id) & (EventItem.status == PENDING)):
            before = snap.event_snapshot(row)
            steps.append(
                _Step("event", row.id, before, dict(before, status=ACCEPTED, annotator=self.annotator, updated_at=now))
            )
        return self._commit(document_id, "accept-all", steps)

    # -- events ----------------------------------------------------------------
    def accept_event(self, item_id: int) -> Change:
        return self._event_change(item_id, "event-accept", lambda s: s.update(status=ACCEPTED))

    def reject_event(self, item_id: int) -> Change:
        return self._event_change(item_id, "event-reject", lambda s: s.update(status=REJECTED))

    def delete_event(self, item_id: int) -> Change:
        return self._event_change(item_id, "event-delete", lambda s: s.update(status=DELETED))

    def retype_event(self, item_id: int, event_type: str) -> Change:
        if event_type not in self.schema.events:  # type: ignore[attr-defined]
            raise DecisionError(f"unknown event type {event_type!r}")
        return self._event_change(item_id, "event-retype", lambda s: s.update(type=event_type, status=ACCEPTED))

    def resize_trigger(self, item_id: int, start: int, end: int) -> Change:
        self._check_offsets(self._event_row(item_id).document_id, start, end)
        return self._event_change(item_id, "event-resize", lambda s: s.update(start=start, end=end, status=ACCEPTED))

    def set_argument(self, item_id: int, role: str, start: int, end: int, replaces: str | None = None) -> Change:
        """Add an argument (a role may have several fillers; an identical one is not repeated).
        With ``replaces``, the argument ``replaces``/start/end changes its role to ``role`` instead."""
        if role not in self.schema.roles:  # type: ignore[attr-defined]
            raise DecisionError(f"unknown role {role!r}")
        self._check_offsets(self._event_row(item_id).document_id, start, end)

        def edit(s: dict) -> None:
            if replaces is not None:
                if [replaces, start, end] not in s["arguments"]:
                    raise DecisionError(f"event {item_id} has no {replaces} argument at {start}..{end}")
                at = s["arguments"].index([replaces, start, end])
                s["arguments"][at] = [role, start, end]
                if s["arguments"].count([role, start, end]) > 1:
                    del s["arguments"][at]
            elif [role, start, end] not in s["arguments"]:
                s["arguments"].append([role, start, end])

        return self._event_change(item_id, "event-argument", edit)

    def remove_argument(self, item_id: int, role: str, start: int, end: int) -> Change:
        def edit(s: dict) -> None:
            if [role, start, end] not in s["arguments"]:
                raise DecisionError(f"event {item_id} has no {role} argument at {start}..{end}")
            s["arguments"].remove([role, start, end])

        return self._event_change(item_id, "event-argument-remove", edit)

    def set_attribute(self, item_id: int, name: str, value: object) -> Change:
        spec = self.schema.attributes.get(name)  # type: ignore[attr-defined]
        if spec is None:
            raise DecisionError(f"unknown attribute {name!r}")
        try:
            parsed = spec.parse(value)
        except ValueError as error:
            raise DecisionError(f"{name}: {error}") from None

        def edit(s: dict) -> None:
            if parsed is None:
                s["attributes"].pop(name, None)
            else:
                s["attributes"][name] = parsed

        return self._event_change(item_id, "event-attribute", edit)

    def add_event(self, document_id: int, start: int, end: int, event_type: str) -> Change:
        if event_type not in self.schema.events:  # type: ignore[attr-defined]
            raise DecisionError(f"unknown event type {event_type!r}")
        self._check_offsets(document_id, start, end)
        with self._lock:
            item_id = (EventItem.select(EventItem.id).order_by(EventItem.id.desc()).limit(1).scalar() or 0) + 1
            after = {
                "document": document_id, "suggestion": None, "type": event_type, "start": start, "end": end,
                "status": ACCEPTED, "score": None, "source": "manual", "annotator": self.annotator,
                "updated_at": time.time(), "attributes": {}, "arguments": [],
            }  # fmt: skip
            return self._commit(document_id, "event-add", [_Step("event", item_id, None, after)])

    # -- documents -------------------------------------------------------------
    def _set_status(self, document_id: int, action: str, status: str) -> Change:
        row = Document.get_or_none(Document.id == document_id)
        if row is None:
            raise DecisionError(f"no document {document_id}")
        before = snap.document_snapshot(row)
        reviewed = status == REVIEWED
        after = dict(
            before,
            status=status,
            reviewed_at=time.time() if reviewed else None,
            reviewed_by=self.annotator if reviewed else None,
        )
        return self._commit(document_id, action, [_Step("document", document_id, before, after)])

    def mark_reviewed(self, document_id: int) -> Change:
        return self._set_status(document_id, "review", REVIEWED)

    def ignore(self, document_id: int) -> Change:
        return self._set_status(document_id, "ignore", IGNORED)

    def reopen(self, document_id: int) -> Change:
        return self._set_status(document_id, "reopen", TODO)

    # -- undo / redo -------------------------------------------------------------
    def _stacks(self) -> tuple[list[int], list[int]]:
        """This annotator's undo and redo stacks, rebuilt from the log once."""
        if self._undo is None or self._redo is None:
            undo: list[int] = []
            redo: list[int] = []
            query = (
                Decision.select(Decision.batch, Decision.action, Decision.reverts)
                .where(Decision.annotator == self.annotator)
                .group_by(Decision.batch)
                .order_by(Decision.batch)
            )
            for row in query:
                self._replay(undo, redo, row.batch, row.action, row.reverts)
            self._undo, self._redo = undo, redo
        return self._undo, self._redo

    @staticmethod
    def _replay(undo: list[int], redo: list[int], batch: int, action: str, reverts: int | None) -> None:
        if action == UNDO:
            if reverts in undo:
                undo.remove(reverts)
            redo.append(reverts)  # type: ignore[arg-type]
        elif action == REDO:
            if reverts in redo:
                redo.remove(reverts)
            undo.append(reverts)  # type: ignore[arg-type]
        else:
            undo.append(batch)
            redo.clear()

    def _track(self, batch: int, action: str, reverts: int | None) -> None:
        if self._undo is not None and self._redo is not None:
            self._replay(self._undo, self._redo, batch, action, reverts)

    def can_undo(self) -> bool:
        return bool(self._stacks()[0])

    def can_redo(self) -> bool:
        return bool(self._stacks()[1])

    def _revert(self, batch: int, action: str) -> Change:
        rows = list(Decision.select().where(Decision.batch == batch).order_by(Decision.id))
        if action == UNDO:
            steps = [_Step(r.target, r.item_id, snap.loads(r.after), snap.loads(r.before)) for r in reversed(rows)]
        else:
            steps = [_Step(r.target, r.item_id, snap.loads(r.before), snap.loads(r.after)) for r in rows]
        return self._commit(rows[0].document_id, action, steps, reverts=batch)

    def undo(self) -> Change | None:
        """Revert this annotator's last action (``None`` when there is none)."""
        undo, _ = self._stacks()
        return self._revert(undo[-1], UNDO) if undo else None

    def redo(self) -> Change | None:
        _, redo = self._stacks()
        return self._revert(redo[-1], REDO) if redo else None
