"""Reviewer actions: what each key does to the focused item or the selection.

Each method makes one store call through ``Session.perform`` and then moves the
focus the way a reviewer expects (on to the next suggestion after a verdict).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject

from hakam.desk.i18n import fmt
from hakam.desk.session import EVENT, SPAN, Session
from hakam.desk.undo_words import describe_action, reverted_action
from hakam.store import PENDING, Change


class Selection(Protocol):
    def selected_range(self) -> tuple[int, int] | None: ...
    def clear_selection(self) -> None: ...


class Reviewer(QObject):
    def __init__(self, session: Session, selection: Selection):
        super().__init__(session)
        self.session = session
        self.store = session.store
        self.selection = selection

    def _doc_id(self) -> int | None:
        return self.session.doc.id if self.session.doc else None

    def _notice(self, text: str) -> None:
        self.session.message.emit(text)

    # -- verdicts on the focused item ----------------------------------------------------
    def accept(self) -> None:
        key = self.session.focus
        if key is None:
            self._notice(self.tr("Nothing is focused: press J to go to the next suggestion"))
            return
        kind, item_id = key
        call = self.store.decisions.accept if kind == SPAN else self.store.decisions.accept_event
        self.session.decide_and_move_on(lambda: call(item_id))

    def reject(self) -> None:
        key = self.session.focus
        if key is None:
            self._notice(self.tr("Nothing is focused: press J to go to the next suggestion"))
            return
        kind, item_id = key
        call = self.store.decisions.reject if kind == SPAN else self.store.decisions.reject_event
        self.session.decide_and_move_on(lambda: call(item_id))

    def delete(self) -> None:
        """Remove the focused argument; else delete an accepted span or event (a pending one is rejected)."""
        if self.session.argument is not None:
            self.remove_focused_argument()
            return
        key = self.session.focus
        item = self.session.item(key) if key else None
        if item is None:
            self._notice(self.tr("Nothing is focused"))
            return
        if item.status == PENDING:
            self.reject()
            return
        call = self.store.decisions.delete if key[0] == SPAN else self.store.decisions.delete_event
        self.session.decide_and_move_on(lambda: call(item.id))

    def label(self, label: str) -> None:
        """Add a span over the selection, or relabel the focused span."""
        selected = self.selection.selected_range()
        doc_id = self._doc_id()
        if selected and doc_id is not None:
            change = self.session.perform(lambda: self.store.decisions.add_span(doc_id, *selected, label))
            if change:
                self.selection.clear_selection()
                self.session.set_focus((SPAN, change.span_ids[0]))
            return
        key = self.session.focus
        if key is None or key[0] != SPAN:
            self._notice(self.tr("Select text or focus an entity to give it a label"))
            return
        was_pending = self.session.item(key).status == PENDING
        with self.session.batch():
            if self.session.perform(lambda: self.store.decisions.relabel(key[1], label)) and was_pending:
                self.session.step(+1)

    def resize(self, edge: str, grow: bool) -> None:
        """Move the focused item's ``edge`` ("start" | "end") by one token."""
        key = self.session.focus
        item = self.session.item(key) if key else None
        if item is None:
            self._notice(self.tr("Focus a highlight to resize it"))
            return
        bounds = self.session.resized(item.start, item.end, edge, grow)
        if bounds is None:
            return
        call = self.store.decisions.resize if key[0] == SPAN else self.store.decisions.resize_trigger
        self.session.perform(lambda: call(item.id, *bounds))

    # -- documents ------------------------------------------------------------------------
    def accept_all(self) -> Change | None:
        doc_id = self._doc_id()
        return None if doc_id is None else self.session.perform(lambda: self.store.decisions.accept_all(doc_id))

    def mark_reviewed(self) -> Change | None:
        doc_id = self._doc_id()
        return None if doc_id is None else self.session.perform(lambda: self.store.decisions.mark_reviewed(doc_id))

    def ignore(self) -> Change | None:
        doc_id = self._doc_id()
        return None if doc_id is None else self.session.perform(lambda: self.store.decisions.ignore(doc_id))

    def reopen(self) -> Change | None:
        doc_id = self._doc_id()
        return None if doc_id is None else self.session.perform(lambda: self.store.decisions.reopen(doc_id))

    def undo(self) -> None:
        change = self.session.perform(self.store.decisions.undo)
        if change is None:
            if not self.store.decisions.can_undo():
                self._notice(self.tr("Nothing to undo"))
            return
        self._focus_reverted(change, self.tr("Undone: %1"))

    def redo(self) -> None:
        change = self.session.perform(self.store.decisions.redo)
        if change is None:
            if not self.store.decisions.can_redo():
                self._notice(self.tr("Nothing to redo"))
            return
        self._focus_reverted(change, self.tr("Redone: %1"))

    def _focus_reverted(self, change: Change, template: str) -> None:
        """Focus the item an undo or redo changed, and say what it was."""
        session = self.session
        keys = [(SPAN, i) for i in change.span_ids] + [(EVENT, i) for i in change.event_ids]
        alive = [k for k in keys if session.item(k) is not None]
        if alive:
            session.set_focus(alive[0])
        what = describe_action(reverted_action(self.store, change))
        text = session.text_of(alive[0]) if alive else ""
        if not text and change.ranges and session.doc is not None:
            start, end = change.ranges[0]
            text = session.doc.text[start:end]
        self._notice(fmt(template, f"{what} «{text}»" if text else what))

    # -- events ---------------------------------------------------------------------------
    def event_type(self, event_type: str) -> None:
        """Create an event on the selected trigger word, or retype the focused/current event."""
        selected = self.selection.selected_range()
        doc_id = self._doc_id()
        if selected and doc_id is not None:
            change = self.session.perform(lambda: self.store.decisions.add_event(doc_id, *selected, event_type))
            if change:
                self.selection.clear_selection()
                self.session.set_focus((EVENT, change.event_ids[0]))
            return
        key = self.session.focus
        event_id = key[1] if key and key[0] == EVENT else self.session.current_event
        if event_id is None:
            self._notice(self.tr("Select a trigger word first"))
            return
        self.session.perform(lambda: self.store.decisions.retype_event(event_id, event_type))

    def retype_current(self, event_type: str) -> None:
        """Change the type of the event on the card."""
        event_id = self.session.current_event
        if event_id is not None:
            self.session.perform(lambda: self.store.decisions.retype_event(event_id, event_type))

    def set_argument(self, role: str) -> None:
        """Give the focused argument the role ``role``; else make the selection or the
        focused entity a ``role`` argument of the current event."""
        event_id = self.session.current_event
        if event_id is None:
            self._notice(self.tr("Focus an event trigger first"))
            return
        selected = self.selection.selected_range()
        index = self.session.argument
        if selected is None and index is not None:
            old = self.session.arguments()[index]
            self.session.perform(
                lambda: self.store.decisions.set_argument(event_id, role, old.start, old.end, replaces=old.role)
            )
            self.session.set_argument_focus(index)
            return
        key = self.session.focus
        if selected is None and key and key[0] == SPAN:
            item = self.session.item(key)
            selected = (item.start, item.end)
        if selected is None:
            self._notice(self.tr("Focus an entity or select text to assign a role"))
            return
        if self.session.perform(lambda: self.store.decisions.set_argument(event_id, role, *selected)):
            self.selection.clear_selection()

    def remove_argument(self, role: str, start: int, end: int) -> None:
        event_id = self.session.current_event
        if event_id is not None:
            self.session.perform(lambda: self.store.decisions.remove_argument(event_id, role, start, end))

    def remove_focused_argument(self) -> None:
        index = self.session.argument
        if index is None:
            self._notice(self.tr("Press G to focus an argument of the selected event first"))
            return
        old = self.session.arguments()[index]
        self.remove_argument(old.role, old.start, old.end)
        left = len(self.session.arguments())
        self.session.set_argument_focus(min(index, left - 1) if left else None)

    def set_attribute(self, name: str, value: object) -> bool:
        event_id = self.session.current_event
        return (
            event_id is not None
            and self.session.perform(lambda: self.store.decisions.set_attribute(event_id, name, value)) is not None
        )

    def event_verdict(self, accept: bool) -> None:
        event_id = self.session.current_event
        if event_id is None:
            return
        call = self.store.decisions.accept_event if accept else self.store.decisions.reject_event
        self.session.perform(lambda: call(event_id))
