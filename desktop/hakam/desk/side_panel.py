"""The side panel: legend, the document's entities and events, and the event card.

The lists work by keyboard (F7, F8): Enter on a row focuses its item in the text.
Colours follow the theme, also when it changes while the desk runs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from hakam.desk.event_card import EventCard
from hakam.desk.index import ItemKey
from hakam.desk.legend import Legend
from hakam.desk.popup import swatch as _swatch
from hakam.desk.review import Reviewer
from hakam.desk.session import EVENT, SPAN, Delta, Session
from hakam.store import PENDING, SpanView


class EntityList(QListWidget):
    """The document's spans in text order; a change updates only its rows."""

    def __init__(self, session: Session, language: str):
        super().__init__(objectName="entity-list")
        self.session, self.language = session, language
        self.rows: dict[int, QListWidgetItem] = {}
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        session.opened.connect(self.fill)
        session.changed.connect(self._on_changed)
        session.focusChanged.connect(self._on_focus)

    def fill(self) -> None:
        self.clear()
        self.rows = {}
        for span in sorted(self.session.spans.values(), key=lambda s: (s.start, s.end, s.id)):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, span.id)
            self._show(item, span)
            self.addItem(item)
            self.rows[span.id] = item

    def _show(self, item: QListWidgetItem, span: SpanView) -> None:
        entry = self.session.store.schema.entities.get(span.label)
        title = entry.title(self.language) if entry else span.label
        text = self.session.doc.text[span.start : span.end] if self.session.doc else ""
        item.setText(f"{text}  ·  {title}")  # plain text, never HTML
        item.setIcon(_swatch(entry.color if entry else "#868e96"))
        # Pending rows are grey and italic; accepted rows keep the palette's text colour (no fixed colour,
        # so switching the theme at run time repaints them right).
        item.setData(Qt.ItemDataRole.ForegroundRole, QColor("#868e96") if span.status == PENDING else None)
        font = QFont(self.font())
        font.setItalic(span.status == PENDING)
        item.setFont(font)
        item.setToolTip(self.tr("suggested") if span.status == PENDING else self.tr("accepted"))

    def _on_changed(self, delta: Delta) -> None:
        spans = [i for kind, i in delta.keys if kind == SPAN]
        if any((i in self.session.spans) != (i in self.rows) for i in spans):
            self.fill()  # a span appeared or went away
            return
        for item_id in spans:
            if item_id in self.rows:
                self._show(self.rows[item_id], self.session.spans[item_id])

    def _on_focus(self, _old: ItemKey | None, new: ItemKey | None) -> None:
        if new and new[0] == SPAN and new[1] in self.rows:
            self.setCurrentItem(self.rows[new[1]])


class SidePanel(QWidget):
    itemChosen = Signal(object)  # an ItemKey chosen in a list (Enter or click): the article takes the keys

    def __init__(self, session: Session, reviewer: Reviewer, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.language = session, language
        self.legend = Legend(session.store.schema, language)
        self.entities = EntityList(session, language)
        self.events = QListWidget(objectName="event-list")
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for widget, kind in ((self.entities, SPAN), (self.events, EVENT)):
            widget.itemActivated.connect(lambda item, k=kind: self._choose((k, item.data(Qt.ItemDataRole.UserRole))))
            widget.itemClicked.connect(
                lambda item, k=kind: self.session.set_focus((k, item.data(Qt.ItemDataRole.UserRole)))
            )
        self.card = EventCard(session, reviewer, language)

        lists = QSplitter(Qt.Orientation.Vertical)
        for title, widget in ((self.tr("Entities"), self.entities), (self.tr("Events"), self.events)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(title))
            box_layout.addWidget(widget)
            lists.addWidget(box)
        lists.addWidget(self.card)
        lists.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.legend)
        layout.addWidget(lists, 1)
        session.opened.connect(self._fill_events)
        session.changed.connect(self._events_changed)
        session.focusChanged.connect(self._on_focus)

    def _choose(self, key: ItemKey) -> None:
        self.session.set_focus(key)
        self.itemChosen.emit(key)

    def focus_list(self, widget: QListWidget) -> None:
        """Give ``widget`` the keys, on the focused item's row (else the first)."""
        if widget.currentRow() < 0 and widget.count():
            widget.setCurrentRow(0)
        widget.setFocus()

    def _fill_events(self) -> None:
        self.events.clear()
        text = self.session.doc.text if self.session.doc else ""
        schema = self.session.store.schema
        for event in sorted(self.session.events.values(), key=lambda e: (e.start, e.id)):
            entry = schema.events.get(event.type)
            title = entry.title(self.language) if entry else event.type
            mark = "○" if event.status == PENDING else "●"
            item = QListWidgetItem(f"{mark} {text[event.start : event.end]}  ·  {title}  ({len(event.arguments)})")
            item.setData(Qt.ItemDataRole.UserRole, event.id)
            if entry:
                item.setIcon(_swatch(entry.color))
            self.events.addItem(item)

    def _events_changed(self, delta: Delta) -> None:
        if any(kind == EVENT for kind, _ in delta.keys):
            self._fill_events()

    def _on_focus(self, _old: ItemKey | None, new: ItemKey | None) -> None:
        if new and new[0] == EVENT:
            for n in range(self.events.count()):
                if self.events.item(n).data(Qt.ItemDataRole.UserRole) == new[1]:
                    self.events.setCurrentRow(n)
