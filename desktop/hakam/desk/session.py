"""The open document and the reviewer's focus: the desk's one model.

Every action is one store call (which commits before it returns); the session
then refreshes only the items the returned ``Change`` names and emits what
moved. Widgets listen to the signals; nothing here holds a widget.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from peewee import DoesNotExist
from PySide6.QtCore import QObject, QTimer, Signal

from hakam.desk.index import ItemIndex, ItemKey
from hakam.desk.offsets import OffsetMap
from hakam.desk.words import Words
from hakam.store import (
    ACCEPTED,
    PENDING,
    Change,
    DecisionError,
    DocumentView,
    EventView,
    SpanView,
    Store,
    StoreUnavailable,
)

SPAN, EVENT = "span", "event"
_FULL_RELOAD = 50  # a change naming more items than this reloads the document's items
_POSITION_DELAY_MS = 800
_RETRY_MS = 2000  # a write the database could not take is tried again this often
Item = SpanView | EventView


@dataclass(frozen=True, slots=True)
class Delta:
    """Items whose state changed (they may be gone now) and the ranges to redraw."""

    keys: tuple[ItemKey, ...]
    ranges: tuple[tuple[int, int], ...]


class Session(QObject):
    opened = Signal()  # a document (or all its items) was (re)loaded
    changed = Signal(object)  # Delta
    focusChanged = Signal(object, object)  # old ItemKey | None, new ItemKey | None
    eventChanged = Signal(object)  # id of the event the card shows, or None
    argumentChanged = Signal(object)  # index of the focused argument of the current event, or None
    decided = Signal(object)  # every Change, for the queue and the status bar
    message = Signal(str)  # a refused action or a notice for the status bar
    settled = Signal()  # a batch (a decision and the focus move after it) is over: redraw once

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.doc: DocumentView | None = None
        self.spans: dict[int, SpanView] = {}
        self.events: dict[int, EventView] = {}
        self.index = ItemIndex("")
        self.offsets = OffsetMap("")
        self.focus: ItemKey | None = None
        self.current_event: int | None = None
        self.argument: int | None = None  # focused argument: an index into the current event's arguments
        self.caret = 0  # code-point offset of the view's caret, kept by the view
        self._order: list[tuple[int, int, str, int]] | None = None
        self._words: Words | None = None
        self._batch = 0
        self._saved: tuple[int, int] | None = None  # (document, position) last written
        self._position_timer = QTimer(self, singleShot=True, interval=_POSITION_DELAY_MS)
        self.waiting: list[Callable[[], Change | None]] = []  # decisions the database could not take yet, in order
        self._retry_timer = QTimer(self, singleShot=True, interval=_RETRY_MS)
        self._retry_timer.timeout.connect(self.retry)
        self._position_timer.timeout.connect(self.save_position)

    # -- reading ------------------------------------------------------------------
    def item(self, key: ItemKey) -> Item | None:
        return (self.spans if key[0] == SPAN else self.events).get(key[1])

    def text_of(self, key: ItemKey) -> str:
        item = self.item(key)
        return self.doc.text[item.start : item.end] if item and self.doc else ""

    def _sorted(self) -> list[tuple[int, int, str, int]]:
        if self._order is None:
            self._order = sorted(
                [(s.start, s.end, SPAN, s.id) for s in self.spans.values()]
                + [(e.start, e.end, EVENT, e.id) for e in self.events.values()]
            )
        return self._order

    # -- documents ----------------------------------------------------------------
    def open_document(self, document_id: int, focus: ItemKey | None = None) -> None:
        if self.doc is not None and self.doc.id != document_id:
            self.save_position()
        self.doc = self.store.documents.get(document_id)
        self._load_items()
        self.focus, self.current_event, self.argument = None, None, None
        self.caret = self.doc.position
        self.opened.emit()
        self.eventChanged.emit(None)
        if focus and self.item(focus):
            self.set_focus(focus)
        else:
            self._restore_focus(self.doc.position)

    def reload(self) -> None:
        """Re-read the open document's items (after suggestions were refreshed)."""
        if self.doc is None:
            return
        focus = self.focus
        self._load_items()
        self.focus = focus if focus and self.item(focus) else None
        if self.current_event not in self.events:
            self.current_event = None
        self.argument = None
        self.opened.emit()
        self.eventChanged.emit(self.current_event)
        self.focusChanged.emit(None, self.focus)

    def _load_items(self) -> None:
        assert self.doc is not None
        self.spans = {s.id: s for s in self.store.items.spans(self.doc.id)}
        self.events = {e.id: e for e in self.store.items.events(self.doc.id)}
        self.offsets = OffsetMap(self.doc.text)
        self.index = ItemIndex(self.doc.text)
        for s in self.spans.values():
            self.index.put((SPAN, s.id), s.start, s.end)
        for e in self.events.values():
            self.index.put((EVENT, e.id), e.start, e.end)
        self._order = None
        self._words = None

    def _restore_focus(self, position: int) -> None:
        starting = [k for k in self.index.at(position) if self.item(k).start == position]
        if starting:
            self.set_focus(starting[0])
        else:
            self.caret = position
            self.step(+1, from_offset=position - 1)

    def save_position(self) -> None:
        self._position_timer.stop()
        if self.doc is not None:
            item = self.item(self.focus) if self.focus else None
            position = item.start if item else self.caret
            if self._saved != (self.doc.id, position):  # the first save after opening also records the document
                try:
                    self.store.documents.set_position(self.doc.id, position)
                except StoreUnavailable:
                    self._position_timer.start()  # a reading position: saved later, without a word
                    return
                self._saved = (self.doc.id, position)

    # -- focus ----------------------------------------------------------------------
    def set_focus(self, key: ItemKey | None) -> None:
        """Focus an item; the caret goes to its start unless it is already inside it."""
        if key is not None and self.item(key) is None:
            key = None
        old, self.focus = self.focus, key
        item = self.item(key) if key is not None else None
        if item is not None and not item.start <= self.caret <= item.end:
            self.caret = item.start
        if key is not None:
            self.set_argument_focus(None)
        if old != key:
            self.focusChanged.emit(old, key)
            self._position_timer.start()
        if key and key[0] == EVENT and self.current_event != key[1]:
            self.current_event = key[1]
            self.eventChanged.emit(key[1])

    def follow_caret(self, offset: int) -> None:
        """Focus the item under the caret (the shortest), or nothing on plain text."""
        current = self.item(self.focus) if self.focus else None
        if current is not None and current.start <= offset < current.end:
            return
        keys = self.index.at(offset)
        self.set_focus(keys[0] if keys else None)

    def step(self, direction: int, from_offset: int | None = None, pending_only: bool = True) -> None:
        """Focus the next (+1) or previous (-1) item in reading order, wrapping around:
        a pending suggestion, or with ``pending_only`` False any item (accepted too)."""
        order = self._sorted()
        if from_offset is not None:
            here: tuple = (from_offset, 1 << 62, "", 0)
        elif self.focus and self.item(self.focus):
            item = self.item(self.focus)
            here = (item.start, item.end, *self.focus)
        else:
            here = (self.caret - 1 if direction > 0 else self.caret, 1 << 62, "", 0)
        at = bisect_right(order, here) if direction > 0 else bisect_left(order, here) - 1
        for n in range(len(order)):
            _, _, kind, item_id = order[(at + n * direction) % len(order)]
            if not pending_only or self.item((kind, item_id)).status == PENDING:
                self.set_focus((kind, item_id))
                return
        if pending_only:
            self.message.emit(self.tr("No suggestions left to review in this document"))
        else:
            self.message.emit(self.tr("Nothing is highlighted in this document"))

    # -- the current event's arguments ------------------------------------------------
    def arguments(self) -> tuple:
        event = self.events.get(self.current_event) if self.current_event is not None else None
        return event.arguments if event is not None else ()

    def set_argument_focus(self, index: int | None) -> None:
        if index is not None and not 0 <= index < len(self.arguments()):
            index = None
        if index != self.argument:
            self.argument = index
            self.argumentChanged.emit(index)

    def step_argument(self, direction: int) -> None:
        """Focus the next (+1) or previous (-1) argument of the current event."""
        arguments = self.arguments()
        if not arguments:
            self.message.emit(self.tr("The selected event has no arguments"))
            return
        if self.argument is None:
            index = 0 if direction > 0 else len(arguments) - 1
        else:
            index = (self.argument + direction) % len(arguments)
        if self.focus is not None:
            old, self.focus = self.focus, None
            self.focusChanged.emit(old, None)
        self.caret = arguments[index].start
        self.set_argument_focus(index)

    # -- applying store calls -----------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Changes and focus moves inside are drawn once, when the batch ends (``settled``)."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            if not self._batch:
                self.settled.emit()

    @property
    def batching(self) -> bool:
        return self._batch > 0

    def decide_and_move_on(self, call: Callable[[], Change | None]) -> Change | None:
        """One decision, then on to the next suggestion, with the highlights redrawn once."""
        with self.batch():
            change = self.perform(call)
            if change is not None:
                self.step(+1)
        return change

    def perform(self, call: Callable[[], Change | None]) -> Change | None:
        """Run one store action, then redraw what its ``Change`` names. When the
        database cannot take it (locked by another process, server down), the action
        is kept, the reviewer is told, and it is tried again until it is written."""
        if self.waiting:
            self.waiting.append(call)  # after the ones already waiting, in order
            self._tell_waiting()
            return None
        try:
            change = call()
        except DecisionError as error:
            self.message.emit(str(error))
            return None
        except StoreUnavailable:
            self.waiting.append(call)
            self._tell_waiting()
            self._retry_timer.start()
            return None
        return self._done(change)

    def _done(self, change: Change | None) -> Change | None:
        if change is None:
            return None
        self._apply(change)
        self.decided.emit(change)
        return change

    def _tell_waiting(self) -> None:
        self.message.emit(
            self.tr("Database unavailable, retrying: %1 decisions waiting, none lost").replace(
                "%1", str(len(self.waiting))
            )
        )

    def retry(self) -> None:
        """Write the waiting decisions, oldest first, until the database refuses again."""
        written = 0
        while self.waiting:
            try:
                change = self.waiting[0]()
            except StoreUnavailable:
                self._tell_waiting()
                self._retry_timer.start()
                return
            except DecisionError as error:
                self.waiting.pop(0)
                self.message.emit(str(error))
                continue
            self.waiting.pop(0)
            written += 1
            self._done(change)
        if written:
            self.message.emit(self.tr("Database back: %1 waiting decisions written").replace("%1", str(written)))

    def _apply(self, change: Change) -> None:
        if self.doc is None or change.document_id != self.doc.id:
            first = [(SPAN, i) for i in change.span_ids] + [(EVENT, i) for i in change.event_ids]
            self.open_document(change.document_id, first[0] if first else None)
            return
        if change.document_changed:
            self.doc = self.store.documents.get(self.doc.id)
        keys = [(SPAN, i) for i in change.span_ids] + [(EVENT, i) for i in change.event_ids]
        if not keys:
            return
        if len(keys) > _FULL_RELOAD:
            self.reload()
            return
        ranges = list(change.ranges)
        for key in keys:
            old = self.item(key)
            if old is not None:
                ranges.append((old.start, old.end))
            self._refresh(key)
        self._order = None
        if any(kind == SPAN for kind, _ in keys):
            self._words = None
        self.changed.emit(Delta(tuple(keys), tuple(ranges)))
        if self.focus and self.item(self.focus) is None:
            self.set_focus(None)
        if self.argument is not None and (EVENT, self.current_event) in keys:
            self.set_argument_focus(self.argument if self.argument < len(self.arguments()) else None)
        if self.current_event is not None and self.current_event not in self.events:
            self.current_event = None
            self.eventChanged.emit(None)
        elif self.current_event is not None and (EVENT, self.current_event) in keys:
            self.eventChanged.emit(self.current_event)

    def _refresh(self, key: ItemKey) -> None:
        kind, item_id = key
        table = self.spans if kind == SPAN else self.events
        try:
            item = self.store.items.span(item_id) if kind == SPAN else self.store.items.event(item_id)
        except DoesNotExist:
            item = None
        if item is None or item.document_id != self.doc.id or item.status not in (PENDING, ACCEPTED):
            table.pop(item_id, None)
            self.index.remove(key)
        else:
            table[item_id] = item
            self.index.put(key, item.start, item.end)

    # -- words, for resizing and selecting ------------------------------------------------
    def words(self) -> Words:
        """Clitic-aware word boundaries, cut also at every span's own edges."""
        if self._words is None:
            assert self.doc is not None
            self._words = Words(self.doc.text, [o for s in self.spans.values() for o in (s.start, s.end)])
        return self._words

    def resized(self, start: int, end: int, edge: str, grow: bool) -> tuple[int, int] | None:
        """New ``(start, end)`` after moving ``edge`` ("start" | "end") by one token."""
        return self.words().resized(start, end, edge, grow)
