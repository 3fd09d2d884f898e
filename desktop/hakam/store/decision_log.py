"""The decision log (``store.decisions``, with the actions of ``hakam.store.decisions``):
appending an action as one committed transaction, locking and reading the items it
changes, undo and redo (refused when the item changed since: suggestions refreshed,
another reviewer), and reading the log back."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import peewee as pw

from hakam.store import hot_sql
from hakam.store import snapshots as snap
from hakam.store.database import BATCH_SEQUENCE
from hakam.store.tables import SUPERSEDED, VOID
from hakam.store.views import Change

if TYPE_CHECKING:
    from hakam.store.store import Store

UNDO, REDO = "undo", "redo"


class DecisionError(ValueError):
    """An action that cannot be applied (unknown item, bad offsets, bad label, stale undo)."""


class Step:
    """One item change inside an action: target kind, item id (None: a new item), before, after."""

    __slots__ = ("target", "item_id", "before", "after")

    def __init__(self, target: str, item_id: int | None, before: snap.Snapshot, after: snap.Snapshot):
        self.target, self.item_id, self.before, self.after = target, item_id, before, after


Build = Callable[[], tuple[int, list[Step]]]  # inside the transaction: (document id, steps)
Check = Callable[[int], None]  # inside the transaction: raises DecisionError for a document id


class DecisionLog:
    """Writes and reads the log of one store; ``Decisions`` adds the reviewer actions."""

    def __init__(self, store: Store):
        self._store = store
        self._t = store.tables
        self._undo: list[int] | None = None
        self._redo: list[int] | None = None

    # -- plumbing ---------------------------------------------------------------
    def _next_batch(self) -> int:
        if isinstance(self._store.db, pw.PostgresqlDatabase):
            return self._store.db.execute_sql(f"SELECT nextval('{BATCH_SEQUENCE}')").fetchone()[0]
        last = hot_sql.last_batch(self._t.Decision)  # under SQLite's write lock: nobody else is writing
        return (last or 0) + 1

    def _act(self, action: str, build: Build, reverts: int | None = None) -> Change:
        """Run ``build`` and apply its steps in one transaction, appended to the log as one batch."""
        now = time.time()
        with self._store.atomic():
            document_id, steps = build()
            # One decision (the usual case) on PostgreSQL takes its batch number from the
            # sequence in its own INSERT: a round trip less.
            one_pg = len(steps) == 1 and self._store.is_postgresql
            numbered = None if one_pg else self._next_batch()
            rows = []
            for step in steps:
                step.item_id = snap.APPLY[step.target](self._t, step.item_id, step.after)
                rows.append((document_id, action, step.target, step.item_id, snap.dumps(step.before),
                             snap.dumps(step.after), self._store.annotator, now, reverts))  # fmt: skip
            if numbered is None:
                batch = hot_sql.insert_decision_numbered(self._t.Decision, rows[0], BATCH_SEQUENCE)
            else:
                batch = numbered
                hot_sql.insert_decisions(self._t.Decision, batch, rows)
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
        row = hot_sql.by_id_locked(self._t.SpanItem if target == "span" else self._t.EventItem, item_id)
        if row is None or row.status in (SUPERSEDED, VOID):
            raise DecisionError(f"no {target} item {item_id}")
        if row.layer != self._store.team.layer:
            raise DecisionError(f"{target} item {item_id} is in another annotator's layer")
        return row

    def _snapshot(self, target: str, item_id: int) -> snap.Snapshot:
        """The current state of an item, locked (None when it does not exist)."""
        if target == "span":
            return snap.span_snapshot(hot_sql.by_id_locked(self._t.SpanItem, item_id))
        if target == "event":
            return snap.event_snapshot(self._t, hot_sql.by_id_locked(self._t.EventItem, item_id))
        model = self._t.Document if target == "document" else self._t.Assignment
        row = self._locked(model.select().where(model.id == item_id)).get_or_none()
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

        def build() -> tuple[int, list[Step]]:
            Decision = self._t.Decision
            rows = list(Decision.select().where(Decision.batch == batch).order_by(Decision.id))
            if action == UNDO:
                steps = [Step(r.target, r.item_id, snap.loads(r.after), snap.loads(r.before)) for r in reversed(rows)]
            else:
                steps = [Step(r.target, r.item_id, snap.loads(r.before), snap.loads(r.after)) for r in rows]
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
