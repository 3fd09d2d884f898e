"""Reviewer actions (``store.decisions``). Each is one committed transaction: the
decision rows are appended to the log and the current state is updated to match,
then the call returns a ``Change`` naming what moved. Undo and redo are decisions
too, refused when the item changed since (suggestions refreshed, another reviewer).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import orjson
import peewee as pw

from hakam.store import snapshots as snap
from hakam.store.database import BATCH_SEQUENCE
from hakam.store.tables import (
    ACCEPTED,
    DELETED,
    IGNORED,
    MANUAL,
    PENDING,
    REJECTED,
    REVIEWED,
    SUPERSEDED,
    TODO,
    VOID,
)
from hakam.store.views import Change

if TYPE_CHECKING:
    from hakam.store.store import Store

UNDO, REDO = "undo", "redo"
EDITED = "+edited"


class DecisionError(ValueError):
    """An action that cannot be applied (unknown item, bad offsets, bad label, stale undo)."""


def edited_source(source: str | None) -> str:
    """The source of an item a reviewer changed: ``rules@1`` becomes ``rules@1+edited``."""
    if not source or source == MANUAL or source.endswith(EDITED):
        return source or MANUAL
    return source + EDITED


class _Step:
    """One item change inside an action: target kind, item id (None: a new item), before, after."""

    __slots__ = ("target", "item_id", "before", "after")

    def __init__(self, target: str, item_id: int | None, before: snap.Snapshot, after: snap.Snapshot):
        self.target, self.item_id, self.before, self.after = target, item_id, before, after


Build = Callable[[], tuple[int, list[_Step]]]  # inside the transaction: (document id, steps)
Check = Callable[[int], None]  # inside the transaction: raises DecisionError for a document id


class Decisions:
    """The decision log and every reviewer action on one store."""

    def __init__(self, store: Store):
        self._store = store
        self._t = store.tables
        self._undo: list[int] | None = None
        self._redo: list[int] | None = None

    # -- plumbing ---------------------------------------------------------------
    def _next_batch(self) -> int:
        if isinstance(self._store.db, pw.PostgresqlDatabase):
            return self._store.db.execute_sql(f"SELECT nextval('{BATCH_SEQUENCE}')").fetchone()[0]
        Decision = self._t.Decision  # under SQLite's write lock: nobody else is writing
        last = Decision.select(pw.fn.MAX(Decision.batch)).scalar()
        return (last or 0) + 1

    def _act(self, action: str, build: Build, reverts: int | None = None) -> Change:
        """Run ``build`` and apply its steps in one transaction, appended to the log as one batch."""
        now = time.time()
        with self._store.atomic():
            document_id, steps = build()
            # One decision (the usual case) on PostgreSQL takes its batch number from the
            # sequence in its own INSERT: a round trip less.
            one_pg = len(steps) == 1 and self._store.is_postgresql
            numbered: Any = pw.SQL(f"nextval('{BATCH_SEQUENCE}')") if one_pg else self._next_batch()
            rows = []
            for step in steps:
                step.item_id = snap.APPLY[step.target](self._t, step.item_id, step.after)
                rows.append(
                    {
                        "document": document_id,
                        "batch": numbered,
                        "action": action,
                        "target": step.target,
                        "item_id": step.item_id,
                        "before": snap.dumps(step.before),
                        "after": snap.dumps(step.after),
                        "annotator": self._store.annotator,
                        "at": now,
                        "reverts": reverts,
                    }
                )
            Decision = self._t.Decision
            if one_pg:
                batch: int = Decision.insert_many(rows).returning(Decision.batch).execute()[0].batch
            else:
                batch = numbered
                if rows:
                    Decision.insert_many(rows).execute()
        self._track(batch, action, reverts)
        ranges = [r for s in steps for r in snap.touched_range(s.before) + snap.touched_range(s.after)]
        return Change(
            document_id,
            action,
            batch,
            tuple(sorted(set(ranges))),
            tuple(s.item_id for s in steps if s.target == "span" and s.item_id is not None),
            tuple(s.item_id for s in steps if s.target == "event" and s.item_id is not None),
            any(s.target in ("document", "assignment") for s in steps),
        )

    def _locked(self, query: Any) -> Any:
        """``query`` locking its rows until the transaction ends (PostgreSQL; SQLite's write lock covers it)."""
        return query.for_update() if isinstance(self._store.db, pw.PostgresqlDatabase) else query

    def _row(self, target: str, item_id: int) -> Any:
        model = self._t.SpanItem if target == "span" else self._t.EventItem
        row = self._locked(model.select().where(model.id == item_id)).get_or_none()
        if row is None or row.status in (SUPERSEDED, VOID):
            raise DecisionError(f"no {target} item {item_id}")
        if row.layer != self._store.team.layer:
            raise DecisionError(f"{target} item {item_id} is in another annotator's layer")
        return row

    def _snapshot(self, target: str, item_id: int) -> snap.Snapshot:
        """The current state of an item, locked (None when it does not exist)."""
        model = {"span": self._t.SpanItem, "event": self._t.EventItem, "document": self._t.Document,
                 "assignment": self._t.Assignment}[target]  # fmt: skip
        row = self._locked(model.select().where(model.id == item_id)).get_or_none()
        if target == "span":
            return snap.span_snapshot(row)
        if target == "event":
            return snap.event_snapshot(self._t, row)
        if target == "assignment":
            return snap.assignment_snapshot(row) if row else None
        return snap.document_snapshot(row) if row else None

    def _check_label(self, label: str) -> None:
        if label not in self._store.schema.entities:
            raise DecisionError(f"unknown entity label {label!r}")

    def _check_offsets(self, document_id: int, start: int, end: int) -> None:
        Document = self._t.Document
        text = Document.select(Document.text).where(Document.id == document_id).scalar()
        if text is None:
            raise DecisionError(f"no document {document_id}")
        if not 0 <= start < end <= len(text):
            raise DecisionError(f"offsets {start}..{end} are outside the text")

    def _span_change(self, item_id: int, action: str, edited: bool = False, check: Check | None = None,
                     **updates: object) -> Change:  # fmt: skip
        """One span decision; arguments on the span's extent follow it (a resize moves
        them, a delete or reject removes them) in the same batch, so one undo reverts both."""

        def build() -> tuple[int, list[_Step]]:
            row = self._row("span", item_id)
            if check:
                check(row.document_id)
            before = snap.span_snapshot(row)
            assert before is not None
            after = dict(before, annotator=self._store.annotator, updated_at=time.time(), **updates)
            if edited:
                after["source"] = edited_source(before["source"])
            steps = [_Step("span", item_id, before, after)]
            if after["status"] in (REJECTED, DELETED):
                steps += self._argument_steps(row, None)
            elif (after["start"], after["end"]) != (before["start"], before["end"]):
                steps += self._argument_steps(row, (after["start"], after["end"]))
            return row.document_id, steps

        return self._act(action, build)

    def _argument_steps(self, span: Any, extent: tuple[int, int] | None) -> list[_Step]:
        """Event steps that move the arguments on ``span``'s extent to ``extent`` (``None``: remove
        them), unless another live span has that extent too."""
        SpanItem, EventItem = self._t.SpanItem, self._t.EventItem
        old = (span.start, span.end)
        twins = SpanItem.select().where((SpanItem.document == span.document_id) & (SpanItem.id != span.id)
                                        & (SpanItem.start == old[0]) & (SpanItem.end == old[1])
                                        & SpanItem.status.in_([PENDING, ACCEPTED]) & (SpanItem.layer == span.layer))  # fmt: skip
        if twins.exists():
            return []
        steps = []
        now = time.time()
        events = EventItem.select().where((EventItem.document == span.document_id) & (EventItem.layer == span.layer)
                                          & EventItem.status.in_([PENDING, ACCEPTED]))  # fmt: skip
        for row in self._locked(events.order_by(EventItem.id)):
            before = snap.event_snapshot(self._t, row)
            assert before is not None
            if not any((s, e) == old for _, s, e in before["arguments"]):
                continue
            moved: list[list] = []
            for role, s, e in before["arguments"]:
                argument = [role, *extent] if (s, e) == old and extent else None if (s, e) == old else [role, s, e]
                if argument is not None and argument not in moved:
                    moved.append(argument)
            after = dict(before, arguments=moved, annotator=self._store.annotator, updated_at=now)
            steps.append(_Step("event", row.id, before, after))
        return steps

    def _event_change(self, item_id: int, action: str, edit: Callable[[dict], None], edited: bool = True,
                      check: Check | None = None) -> Change:  # fmt: skip
        def build() -> tuple[int, list[_Step]]:
            row = self._row("event", item_id)
            if check:
                check(row.document_id)
            before = snap.event_snapshot(self._t, row)
            after: dict[str, Any] = orjson.loads(orjson.dumps(before))
            edit(after)
            after.update(annotator=self._store.annotator, updated_at=time.time())
            if edited:
                after["source"] = edited_source(after["source"])
            return row.document_id, [_Step("event", item_id, before, after)]

        return self._act(action, build)

    # -- spans -----------------------------------------------------------------
    def accept(self, item_id: int) -> Change:
        return self._span_change(item_id, "accept", status=ACCEPTED)

    def reject(self, item_id: int) -> Change:
        return self._span_change(item_id, "reject", status=REJECTED)

    def relabel(self, item_id: int, label: str) -> Change:
        self._check_label(label)
        return self._span_change(item_id, "relabel", edited=True, label=label, status=ACCEPTED)

    def resize(self, item_id: int, start: int, end: int) -> Change:
        def check(document_id: int) -> None:
            self._check_offsets(document_id, start, end)

        return self._span_change(item_id, "resize", True, check, start=start, end=end, status=ACCEPTED)

    def delete(self, item_id: int) -> Change:
        return self._span_change(item_id, "delete", status=DELETED)

    def add_span(self, document_id: int, start: int, end: int, label: str) -> Change:
        """A span the reviewer marked; the database gives it a fresh id."""
        self._check_label(label)
        after = {
            "document": document_id, "suggestion": None, "start": start, "end": end, "label": label,
            "status": ACCEPTED, "score": None, "source": MANUAL, "annotator": self._store.annotator,
            "updated_at": time.time(), "layer": self._store.team.layer,
        }  # fmt: skip

        def build() -> tuple[int, list[_Step]]:
            self._check_offsets(document_id, start, end)
            return document_id, [_Step("span", None, None, after)]

        return self._act("add", build)

    def accept_all(self, document_id: int) -> Change:
        """Accept every pending span and event of the document, as one undoable action."""
        SpanItem, EventItem = self._t.SpanItem, self._t.EventItem

        def build() -> tuple[int, list[_Step]]:
            now, who = time.time(), self._store.annotator
            steps = []
            layer = self._store.team.layer
            spans = SpanItem.select().where((SpanItem.document == document_id) & (SpanItem.status == PENDING)
                                            & (SpanItem.layer == layer))  # fmt: skip
            for row in self._locked(spans.order_by(SpanItem.id)):
                before = snap.span_snapshot(row)
                assert before is not None  # pending: it exists
                steps.append(
                    _Step("span", row.id, before, dict(before, status=ACCEPTED, annotator=who, updated_at=now))
                )
            events = EventItem.select().where((EventItem.document == document_id) & (EventItem.status == PENDING)
                                              & (EventItem.layer == layer))  # fmt: skip
            for row in self._locked(events.order_by(EventItem.id)):
                before = snap.event_snapshot(self._t, row)
                assert before is not None  # pending: it exists
                steps.append(
                    _Step("event", row.id, before, dict(before, status=ACCEPTED, annotator=who, updated_at=now))
                )
            return document_id, steps

        return self._act("accept-all", build)

    # -- events ----------------------------------------------------------------
    def accept_event(self, item_id: int) -> Change:
        return self._event_change(item_id, "event-accept", lambda s: s.update(status=ACCEPTED), edited=False)

    def reject_event(self, item_id: int) -> Change:
        return self._event_change(item_id, "event-reject", lambda s: s.update(status=REJECTED), edited=False)

    def delete_event(self, item_id: int) -> Change:
        return self._event_change(item_id, "event-delete", lambda s: s.update(status=DELETED), edited=False)

    def retype_event(self, item_id: int, event_type: str) -> Change:
        if event_type not in self._store.schema.events:
            raise DecisionError(f"unknown event type {event_type!r}")
        return self._event_change(item_id, "event-retype", lambda s: s.update(type=event_type, status=ACCEPTED))

    def resize_trigger(self, item_id: int, start: int, end: int) -> Change:
        def check(document_id: int) -> None:
            self._check_offsets(document_id, start, end)

        def edit(s: dict) -> None:
            s.update(start=start, end=end, status=ACCEPTED)

        return self._event_change(item_id, "event-resize", edit, check=check)

    def set_argument(self, item_id: int, role: str, start: int, end: int, replaces: str | None = None) -> Change:
        """Add an argument (a role may have several fillers; an identical one is not repeated).
        With ``replaces``, the argument ``replaces``/start/end changes its role to ``role`` instead."""
        if role not in self._store.schema.roles:
            raise DecisionError(f"unknown role {role!r}")

        def check(document_id: int) -> None:
            self._check_offsets(document_id, start, end)

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

        return self._event_change(item_id, "event-argument", edit, check=check)

    def remove_argument(self, item_id: int, role: str, start: int, end: int) -> Change:
        def edit(s: dict) -> None:
            if [role, start, end] not in s["arguments"]:
                raise DecisionError(f"event {item_id} has no {role} argument at {start}..{end}")
            s["arguments"].remove([role, start, end])

        return self._event_change(item_id, "event-argument-remove", edit)

    def set_attribute(self, item_id: int, name: str, value: object) -> Change:
        spec = self._store.schema.attributes.get(name)
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
        if event_type not in self._store.schema.events:
            raise DecisionError(f"unknown event type {event_type!r}")
        after: dict[str, Any] = {
            "document": document_id, "suggestion": None, "type": event_type, "start": start, "end": end,
            "status": ACCEPTED, "score": None, "source": MANUAL, "annotator": self._store.annotator,
            "updated_at": time.time(), "attributes": {}, "arguments": [], "layer": self._store.team.layer,
        }  # fmt: skip

        def build() -> tuple[int, list[_Step]]:
            self._check_offsets(document_id, start, end)
            return document_id, [_Step("event", None, None, after)]

        return self._act("event-add", build)

    # -- documents -------------------------------------------------------------
    def _set_status(self, document_id: int, action: str, status: str) -> Change:
        team = self._store.team
        if team.enabled and team.layer != "curated":
            return self._set_own_status(document_id, action, status)

        def build() -> tuple[int, list[_Step]]:
            before = self._snapshot("document", document_id)
            if before is None:
                raise DecisionError(f"no document {document_id}")
            reviewed = status == REVIEWED
            after = dict(
                before,
                status=status,
                reviewed_at=time.time() if reviewed else None,
                reviewed_by=self._store.annotator if reviewed else None,
            )
            return document_id, [_Step("document", document_id, before, after)]

        return self._act(action, build)

    def _set_own_status(self, document_id: int, action: str, status: str) -> Change:
        """Team mode: the annotator's own review status of the document; the document is
        reviewed when all it was dealt to have reviewed it."""

        def build() -> tuple[int, list[_Step]]:
            assignment = self._store.team.assignment_id(document_id, self._store.annotator)
            row = self._locked(self._t.Assignment.select().where(self._t.Assignment.id == assignment)).get()
            before = snap.assignment_snapshot(row)
            assert before is not None
            after = dict(before, status=status, reviewed_at=time.time() if status == REVIEWED else None)
            return document_id, [_Step("assignment", assignment, before, after)]

        return self._act(action, build)

    def mark_reviewed(self, document_id: int) -> Change:
        return self._set_status(document_id, "review", REVIEWED)

    def ignore(self, document_id: int) -> Change:
        return self._set_status(document_id, "ignore", IGNORED)

    def reopen(self, document_id: int) -> Change:
        return self._set_status(document_id, "reopen", TODO)

    # -- undo / redo -------------------------------------------------------------
    def forget_history(self) -> None:
        """Rebuild the undo and redo stacks from the log on next use (the annotator changed)."""
        self._undo = self._redo = None

    def _stacks(self) -> tuple[list[int], list[int]]:
        """This annotator's undo and redo stacks, rebuilt from the log once."""
        if self._undo is None or self._redo is None:
            undo: list[int] = []
            redo: list[int] = []
            Decision = self._t.Decision
            query = (
                Decision.select(Decision.batch, Decision.action, Decision.reverts)
                .where(Decision.annotator == self._store.annotator)
                .group_by(Decision.batch, Decision.action, Decision.reverts)
                .order_by(Decision.batch)
                .tuples()
            )
            for batch, action, reverts in query:
                self._replay(undo, redo, batch, action, reverts)
            self._undo, self._redo = undo, redo
        return self._undo, self._redo

    @staticmethod
    def _replay(undo: list[int], redo: list[int], batch: int, action: str, reverts: int | None) -> None:
        if action in (UNDO, REDO):
            assert reverts is not None
            source, target = (undo, redo) if action == UNDO else (redo, undo)
            if reverts in source:
                source.remove(reverts)
            target.append(reverts)
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
        """Undo (or redo) ``batch``, provided its items are still as it left (found) them."""

        def build() -> tuple[int, list[_Step]]:
            Decision = self._t.Decision
            rows = list(Decision.select().where(Decision.batch == batch).order_by(Decision.id))
            if action == UNDO:
                steps = [_Step(r.target, r.item_id, snap.loads(r.after), snap.loads(r.before)) for r in reversed(rows)]
            else:
                steps = [_Step(r.target, r.item_id, snap.loads(r.before), snap.loads(r.after)) for r in rows]
            for step in steps:
                assert step.item_id is not None
                if self._snapshot(step.target, step.item_id) != step.before:
                    raise DecisionError(
                        f"cannot {action} {rows[0].action}: the {step.target} changed since"
                        " (suggestions refreshed or edited by someone else)"
                    )
            return rows[0].document_id, steps

        try:
            return self._act(action, build, reverts=batch)
        except DecisionError:
            undo, redo = self._stacks()
            (undo if action == UNDO else redo).remove(batch)  # a stale step is dropped, not retried forever
            raise

    def undo(self) -> Change | None:
        """Revert this annotator's last action (``None`` when there is none)."""
        undo, _ = self._stacks()
        return self._revert(undo[-1], UNDO) if undo else None

    def redo(self) -> Change | None:
        _, redo = self._stacks()
        return self._revert(redo[-1], REDO) if redo else None

    # -- reading the log ---------------------------------------------------------
    def log(self, document_id: int | None = None) -> list[dict[str, Any]]:
        """Every decision (of one document), oldest first, snapshots parsed."""
        Decision = self._t.Decision
        query = Decision.select().order_by(Decision.id)
        if document_id is not None:
            query = query.where(Decision.document == document_id)
        return [
            {
                "id": d.id,
                "document": d.document_id,
                "batch": d.batch,
                "action": d.action,
                "target": d.target,
                "item_id": d.item_id,
                "before": snap.loads(d.before),
                "after": snap.loads(d.after),
                "annotator": d.annotator,
                "at": d.at,
                "reverts": d.reverts,
            }  # fmt: skip
            for d in query
        ]

    def batches(self) -> set[int]:
        """The batch number of every action in the log (what a writer was acknowledged is among them)."""
        Decision = self._t.Decision
        return {batch for (batch,) in Decision.select(Decision.batch).distinct().tuples()}

    def count_since(self, seconds: float) -> int:
        """Decision rows written at or after the unix time ``seconds``."""
        return self._t.Decision.select().where(self._t.Decision.at >= seconds).count()
