"""Reviewer actions (``store.decisions``). Each is one committed transaction: the
decision rows are appended to the log and the current state is updated to match,
then the call returns a ``Change`` naming what moved (see ``decision_log``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import orjson

from hakam.store import hot_sql
from hakam.store import snapshots as snap
from hakam.store.decision_log import Check, DecisionError, DecisionLog, Step
from hakam.store.tables import ACCEPTED, DELETED, IGNORED, MANUAL, PENDING, REJECTED, REVIEWED, TODO
from hakam.store.views import Change

__all__ = ["DecisionError", "Decisions", "edited_source"]

EDITED = "+edited"


def edited_source(source: str | None) -> str:
    """The source of an item a reviewer changed: ``rules@1`` becomes ``rules@1+edited``."""
    if not source or source == MANUAL or source.endswith(EDITED):
        return source or MANUAL
    return source + EDITED


class Decisions(DecisionLog):
    """Every reviewer action on one store, and (inherited) undo, redo and the log."""

    # -- how an action changes an item -----------------------------------------------
    def _span_change(self, item_id: int, action: str, edited: bool = False, check: Check | None = None,
                     **updates: object) -> Change:  # fmt: skip
        """One span decision; arguments on the span's extent follow it (a resize moves
        them, a delete or reject removes them) in the same batch, so one undo reverts both."""

        def build() -> tuple[int, list[Step]]:
            row = self._row("span", item_id)
            if check:
                check(row.document_id)
            before = snap.span_snapshot(row)
            assert before is not None
            after = dict(before, annotator=self._store.annotator, updated_at=time.time(), **updates)
            if edited:
                after["source"] = edited_source(before["source"])
            steps = [Step("span", item_id, before, after)]
            if after["status"] in (REJECTED, DELETED):
                steps += self._argument_steps(row, None)
            elif (after["start"], after["end"]) != (before["start"], before["end"]):
                steps += self._argument_steps(row, (after["start"], after["end"]))
            return row.document_id, steps

        return self._act(action, build)

    def _argument_steps(self, span: Any, extent: tuple[int, int] | None) -> list[Step]:
        """Event steps that move the arguments on ``span``'s extent to ``extent`` (``None``: remove
        them), unless another live span has that extent too."""
        old = (span.start, span.end)
        live = (span.document_id, span.layer, PENDING, ACCEPTED)
        twins = '"document_id" = ? AND "layer" = ? AND "status" IN (?, ?) AND "id" <> ? AND "start" = ? AND "end" = ?'
        if hot_sql.select(self._t.SpanItem, twins, (*live, span.id, *old), lock=False):
            return []
        steps = []
        now = time.time()
        events = '"document_id" = ? AND "layer" = ? AND "status" IN (?, ?)'
        for row in hot_sql.select(self._t.EventItem, events, live, order_by_id=True):
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
            steps.append(Step("event", row.id, before, after))
        return steps

    def _event_change(self, item_id: int, action: str, edit: Callable[[dict], None], edited: bool = True,
                      check: Check | None = None) -> Change:  # fmt: skip
        def build() -> tuple[int, list[Step]]:
            row = self._row("event", item_id)
            if check:
                check(row.document_id)
            before = snap.event_snapshot(self._t, row)
            after: dict[str, Any] = orjson.loads(orjson.dumps(before))
            edit(after)
            after.update(annotator=self._store.annotator, updated_at=time.time())
            if edited:
                after["source"] = edited_source(after["source"])
            return row.document_id, [Step("event", item_id, before, after)]

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

        def build() -> tuple[int, list[Step]]:
            self._check_offsets(document_id, start, end)
            return document_id, [Step("span", None, None, after)]

        return self._act("add", build)

    def accept_all(self, document_id: int) -> Change:
        """Accept every pending span and event of the document, as one undoable action."""
        SpanItem, EventItem = self._t.SpanItem, self._t.EventItem

        def build() -> tuple[int, list[Step]]:
            now, who = time.time(), self._store.annotator
            steps = []
            layer = self._store.team.layer
            spans = SpanItem.select().where((SpanItem.document == document_id) & (SpanItem.status == PENDING)
                                            & (SpanItem.layer == layer))  # fmt: skip
            for row in self._locked(spans.order_by(SpanItem.id)):
                before = snap.span_snapshot(row)
                assert before is not None  # pending: it exists
                steps.append(Step("span", row.id, before, dict(before, status=ACCEPTED, annotator=who, updated_at=now)))
            events = EventItem.select().where((EventItem.document == document_id) & (EventItem.status == PENDING)
                                              & (EventItem.layer == layer))  # fmt: skip
            for row in self._locked(events.order_by(EventItem.id)):
                before = snap.event_snapshot(self._t, row)
                assert before is not None  # pending: it exists
                steps.append(
                    Step("event", row.id, before, dict(before, status=ACCEPTED, annotator=who, updated_at=now))
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

        def build() -> tuple[int, list[Step]]:
            self._check_offsets(document_id, start, end)
            return document_id, [Step("event", None, None, after)]

        return self._act("event-add", build)

    # -- documents -------------------------------------------------------------
    def _set_status(self, document_id: int, action: str, status: str) -> Change:
        team = self._store.team
        if team.enabled and team.layer != "curated":
            return self._set_own_status(document_id, action, status)

        def build() -> tuple[int, list[Step]]:
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
            return document_id, [Step("document", document_id, before, after)]

        return self._act(action, build)

    def _set_own_status(self, document_id: int, action: str, status: str) -> Change:
        """Team mode: the annotator's own review status of the document; the document is
        reviewed when all it was dealt to have reviewed it."""

        def build() -> tuple[int, list[Step]]:
            assignment = self._store.team.assignment_id(document_id, self._store.annotator)
            row = self._locked(self._t.Assignment.select().where(self._t.Assignment.id == assignment)).get()
            before = snap.assignment_snapshot(row)
            assert before is not None
            after = dict(before, status=status, reviewed_at=time.time() if status == REVIEWED else None)
            return document_id, [Step("assignment", assignment, before, after)]

        return self._act(action, build)

    def mark_reviewed(self, document_id: int) -> Change:
        return self._set_status(document_id, "review", REVIEWED)

    def ignore(self, document_id: int) -> Change:
        return self._set_status(document_id, "ignore", IGNORED)

    def reopen(self, document_id: int) -> Change:
        return self._set_status(document_id, "reopen", TODO)
