"""The curation view (``hakam gui --curate``), like INCEpTION's: the documents all their
annotators reviewed, one at a time; what they agree on is already in the curated layer
(shown tinted), each difference is shown with every reading and who chose it, and the
curator settles it from the keyboard:

1-9 take that reading · 0 take none · E then a label key: relabel what was taken ·
N / P next or previous difference · PgDown / PgUp next or previous document ·
Ctrl+Z / Ctrl+Shift+Z undo or redo the last settlement · Shift+←/→ and Ctrl+Shift+←/→ move
the left or right edge of what was taken by one word, as in the review desk.

The text is plain text in a read-only editor (never HTML); highlights are extra selections.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from hakam.core.premerge import Difference
from hakam.desk import tasks
from hakam.desk.curation_state import Curated, CurationState, difference_key
from hakam.desk.curation_undo import CurationHistory, CuratorStep
from hakam.desk.curation_words import describe, quoted
from hakam.desk.fonts import article_font
from hakam.desk.i18n import fmt
from hakam.desk.worker import run_task
from hakam.store import DecisionError, Store

_REGION = QColor("#f59f00")
# Arrow key -> (edge, grow) with Shift alone, with Ctrl+Shift: the review desk's keys (right to left:
# the end of a span is its left edge).
_EDGES = {
    Qt.Key.Key_Left: (("end", True), ("start", False)),
    Qt.Key.Key_Right: (("end", False), ("start", True)),
}


class CurationWindow(QMainWindow):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("curation")
        self.setWindowTitle(self.tr("Hakam — curation"))
        self.state = CurationState(store)
        self.history = CurationHistory(self.state)
        self.ready = self.state.documents()
        self.order = list(self.ready)
        self.current: Curated | None = None
        self.index = 0  # of the difference shown
        self._editing = False

        self.queue = QListWidget()
        self.queue.setObjectName("curation-queue")
        self.queue.setAccessibleName(self.tr("Documents to curate"))
        self.queue.currentRowChanged.connect(self._open_row)
        self.text = QPlainTextEdit()
        self.text.setObjectName("curation-text")
        self.text.setReadOnly(True)
        self.text.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.text.setFont(article_font())
        option = QTextOption(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.text.document().setDefaultTextOption(option)
        self.heading = QLabel()
        self.heading.setObjectName("curation-heading")
        self.heading.setWordWrap(True)
        self.readings = QListWidget()
        self.readings.setObjectName("curation-readings")
        self.readings.setAccessibleName(self.tr("Readings of this difference"))
        self.readings.setFont(article_font(14))
        self.readings.setWordWrap(True)
        self.keys = QLabel(self.tr("1–9 take that reading · 0 take none · E then a label key: relabel · "
                                   "N / P next or previous difference · PgDown / PgUp next or previous document · "
                                   "Ctrl+Z / Ctrl+Shift+Z undo or redo · Shift+←/→, Ctrl+Shift+←/→ resize what was taken"))  # fmt: skip
        self.keys.setWordWrap(True)
        side = QWidget()
        column = QVBoxLayout(side)
        column.addWidget(self.heading)
        column.addWidget(self.readings, 1)
        column.addWidget(self.keys)
        splitter = QSplitter()
        splitter.addWidget(self.queue)
        splitter.addWidget(self.text)
        splitter.addWidget(side)
        splitter.setSizes([180, 620, 320])
        self.setCentralWidget(splitter)
        for widget in (self.queue, self.text, self.readings):
            widget.installEventFilter(self)  # the keys below work wherever the focus is
        self._opened: set[int] = set()  # documents whose count in the queue is kept live
        self._fill_queue()
        self._counting = run_task(partial(tasks.open_differences, store, dict(self.ready)), self._counted,
                                  lambda error: self.statusBar().showMessage(str(error)))  # fmt: skip

    # -- keys ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and self.handle_key(event):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        """The curation keys; False for any other key."""
        moves = {Qt.Key.Key_PageDown: self.next_document, Qt.Key.Key_PageUp: self.previous_document}
        if event.key() in moves:
            moves[event.key()]()
            return True
        control = Qt.KeyboardModifier.ControlModifier
        if event.key() == Qt.Key.Key_Z and event.modifiers() & control:
            self.redo() if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else self.undo()
            return True
        if event.key() in _EDGES and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            with_control = bool(event.modifiers() & control)
            self.resize(*_EDGES[Qt.Key(event.key())][with_control])
            return True
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier & ~Qt.KeyboardModifier.ShiftModifier:
            return False
        # By key code first, so the letters work on an Arabic keyboard layout too.
        letters = {Qt.Key.Key_E: "e", Qt.Key.Key_N: "n", Qt.Key.Key_P: "p"}
        text = letters.get(Qt.Key(event.key()), event.text().lower())
        if self._editing and text:
            self._editing = False
            label = next((name for name, item in self.state.store.schema.entities.items() if item.key == text), None)
            if label is None:
                self.statusBar().showMessage(fmt(self.tr("No label has the key %1"), text))
            else:
                self._relabel(label)
            return True
        if text == "e":
            self._editing = True
            self.statusBar().showMessage(self.tr("Relabel: press the label's key"))
        elif text == "n":
            self.next_difference()
        elif text == "p":
            self.previous_difference()
        elif text.isdigit():
            self.take(int(text) - 1)
        else:
            return False
        return True

    # -- documents ---------------------------------------------------------------------
    def _fill_queue(self) -> None:
        self.queue.clear()
        for document_id in self.order:
            self.queue.addItem(self.state.store.documents.get(document_id).ext_id)
        if self.order:
            self.queue.setCurrentRow(0)
        else:
            self.heading.setText(self.tr("Nothing to curate yet: no document has been reviewed by all its annotators."))

    def _counted(self, counts: dict[int, int]) -> None:
        """The open differences of each document, computed in the background, in the queue."""
        if not shiboken6.isValid(self):
            return
        for row, document_id in enumerate(self.order):
            if document_id in counts and document_id not in self._opened:
                self.queue.item(row).setText(
                    f"{self.state.store.documents.get(document_id).ext_id}  ({counts[document_id]})"
                )

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.order):
            document_id = self.order[row]
            self._opened.add(document_id)
            self.current = self.state.open(document_id, self.ready[document_id])
            self.text.setPlainText(self.current.text)
            self.index = self._first_open()
            self._show()

    def _first_open(self) -> int:
        assert self.current is not None
        for number, difference in enumerate(self.current.differences):
            if (difference.kind, difference.start, difference.end) not in self.current.settled:
                return number
        return 0

    def next_document(self) -> None:
        self.queue.setCurrentRow(min(self.queue.currentRow() + 1, len(self.order) - 1))

    def previous_document(self) -> None:
        self.queue.setCurrentRow(max(self.queue.currentRow() - 1, 0))

    # -- differences -------------------------------------------------------------------
    def difference(self) -> Difference | None:
        if self.current is None or not self.current.differences:
            return None
        return self.current.differences[self.index]

    def next_difference(self) -> None:
        if self.current and self.current.differences:
            self.index = min(self.index + 1, len(self.current.differences) - 1)
            self._show()

    def previous_difference(self) -> None:
        self.index = max(self.index - 1, 0)
        self._show()

    def take(self, choice: int) -> None:
        """Settle the difference shown with reading ``choice`` (-1: none of them)."""
        difference = self.difference()
        if difference is None or not -1 <= choice < len(difference.readings):
            return
        assert self.current is not None
        key = difference_key(difference)
        before = self.current.settled.get(key)
        try:
            actions = self.state.settle(self.current, difference, choice)
        except DecisionError as error:
            self.statusBar().showMessage(str(error))
            return
        who = ", ".join(difference.readings[choice].annotators) if choice >= 0 else ""
        what = (fmt(self.tr("Took reading %1 (%2)"), choice + 1, who) if choice >= 0
                else self.tr("Took none of the readings"))  # fmt: skip
        self.history.record(CuratorStep(self.current.document_id, key, before, choice, actions, what))
        self.statusBar().showMessage(what)
        if self.index + 1 < len(self.current.differences):
            self.index += 1
        self._show()

    def _relabel(self, label: str) -> None:
        difference = self.difference()
        if difference is None or self.current is None:
            return
        count = self.state.relabel(self.current, difference, label)
        what = fmt(self.tr("Relabelled %1 as %2"), count, label)
        key = difference_key(difference)
        taken = self.current.settled.get(key)
        self.history.record(CuratorStep(self.current.document_id, key, taken, taken, count, what))
        self.statusBar().showMessage(what)
        self._show()

    def resize(self, edge: str, grow: bool) -> None:
        """Move an edge of the item taken for the difference shown by one word."""
        difference = self.difference()
        if difference is None or self.current is None:
            return
        taken = self.state.taken(self.current.document_id, difference)
        if len(taken) != 1:
            self.statusBar().showMessage(self.tr("Nothing taken here to resize") if not taken else
                                         fmt(self.tr("%1 items taken here: resizing works on one"), len(taken)))  # fmt: skip
            return
        try:
            bounds = self.state.resize(self.current, difference.kind, taken[0], edge, grow)
        except DecisionError as error:
            self.statusBar().showMessage(str(error))
            return
        if bounds is None:
            return
        what = fmt(self.tr("Resized to %1"), quoted(self.current.text[bounds[0] : bounds[1]]))
        key = difference_key(difference)
        settled = self.current.settled.get(key)
        self.history.record(CuratorStep(self.current.document_id, key, settled, settled, 1, what))
        self.statusBar().showMessage(what)
        self._show()

    # -- undo ----------------------------------------------------------------------------
    def undo(self) -> None:
        self._revert(self.history.undo, self.tr("Nothing to undo"), self.tr("Undone: %1"))

    def redo(self) -> None:
        self._revert(self.history.redo, self.tr("Nothing to redo"), self.tr("Redone: %1"))

    def _revert(self, revert: Callable[[], CuratorStep | None], nothing: str, done: str) -> None:
        """Undo or redo a whole curator step, then show its difference (open again after an undo)."""
        try:
            step = revert()
        except DecisionError as error:
            self.statusBar().showMessage(str(error))
            return
        if step is None:
            self.statusBar().showMessage(nothing)
            return
        if self.current is None or self.current.document_id != step.document_id:
            self.queue.setCurrentRow(self.order.index(step.document_id))
        assert self.current is not None
        self.current.settled.clear()
        self.current.settled.update(self.state.settled(step.document_id))
        keys = [difference_key(d) for d in self.current.differences]
        self.index = keys.index(step.key) if step.key in keys else self.index
        self._show()
        self.statusBar().showMessage(fmt(done, step.what))

    # -- drawing -----------------------------------------------------------------------
    def _show(self) -> None:
        current = self.current
        if current is None:
            return
        difference = self.difference()
        left = current.open_count()
        row = self.queue.currentRow()
        if row >= 0:
            self.queue.item(row).setText(f"{current.ext_id}  ({left})")
        if difference is None:
            self.heading.setText(self.tr("The annotators agree on everything here; it is all in the curated layer."))
            self.readings.clear()
        else:
            taken = current.settled.get((difference.kind, difference.start, difference.end))
            state = self.tr("open") if taken is None else self.tr("settled")
            self.heading.setText(fmt(self.tr("Difference %1 of %2 (%3) · %4 open in this document"), self.index + 1,
                                     len(current.differences), state, left) + "\n"
                                 + fmt(self.tr("Annotators: %1"), ", ".join(self.ready[current.document_id])))  # fmt: skip
            self.readings.clear()
            for number, reading in enumerate(difference.readings, 1):
                items = " · ".join(describe(item, current.text) for item in reading.items) or self.tr("(nothing)")
                mark = "✓ " if taken == number - 1 else ""
                self.readings.addItem(f"{mark}{number}  {items} — {', '.join(reading.annotators)}")
            if taken == -1:
                self.readings.addItem("✓ 0  " + self.tr("(none taken)"))
        self._highlight(difference)

    def _highlight(self, difference: Difference | None) -> None:
        assert self.current is not None
        selections = []
        schema = self.state.store.schema
        for span in self.state.curated_spans(self.current.document_id):
            item = schema.entities.get(span.label)
            tint = QColor(item.color if item else "#868e96")
            tint.setAlphaF(0.34)
            selections.append(self._selection(span.start, span.end, background=tint))
        if difference is not None:
            selections.append(self._selection(difference.start, difference.end, background=None, underline=_REGION))
            cursor = self.text.textCursor()
            cursor.setPosition(self._position(difference.start))
            self.text.setTextCursor(cursor)
            self.text.ensureCursorVisible()
        self.text.setExtraSelections(selections)

    def _position(self, offset: int) -> int:
        """A code-point offset as a Qt (UTF-16) position."""
        assert self.current is not None
        return len(self.current.text[:offset].encode("utf-16-le")) // 2

    def _selection(self, start: int, end: int, background: QColor | None = None,
                   underline: QColor | None = None) -> QTextEdit.ExtraSelection:  # fmt: skip
        selection = QTextEdit.ExtraSelection()
        cursor = self.text.textCursor()
        cursor.setPosition(self._position(start))
        cursor.setPosition(self._position(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        char = QTextCharFormat()
        if background is not None:
            char.setBackground(background)
        if underline is not None:
            char.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            char.setUnderlineColor(underline)
            char.setFontUnderline(True)
            if background is None:
                outline = QColor(underline)
                outline.setAlphaF(0.45)
                char.setBackground(outline)
        selection.format = char
        return selection


def run(store: Store, screenshot_to: Path | None = None) -> int:
    """Open the curation window (or render it to ``screenshot_to`` and exit)."""
    from hakam.desk import i18n
    from hakam.desk.app import application, language_preference

    app = application()
    i18n.install(app, language_preference())
    window = CurationWindow(store)
    window.resize(1280, 720)
    if screenshot_to is not None:
        window.show()
        QApplication.processEvents()
        screenshot_to.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(screenshot_to), "PNG"):
            raise OSError(f"cannot write {screenshot_to}")
        window.close()
        return 0
    window.show()
    return QApplication.exec()
