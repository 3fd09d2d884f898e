"""The article: read-only, right to left, plain text only (never HTML).

The view shows the session's document, keeps the caret on the focused item,
outlines it, and reports clicks on highlights. The focus follows the caret: moving
it onto a highlight focuses that item, onto plain text clears the focus; a text
selection replaces the focus. Selections are handed to the reviewer in code
points, snapped to whole words (without a proclitic). The selected event's
arguments are boxed and tagged with their role (``marks``).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from hakam import settings
from hakam.desk import i18n, marks
from hakam.desk.fonts import DEFAULT_POINT_SIZE, article_font
from hakam.desk.highlighter import Highlighter
from hakam.desk.i18n import fmt
from hakam.desk.index import ItemKey
from hakam.desk.offsets import display_text
from hakam.desk.session import EVENT, SPAN, Session

_MIN_POINT_SIZE, _MAX_POINT_SIZE = 9, 48


class ArticleView(QPlainTextEdit):
    itemClicked = Signal(object, QPoint)  # ItemKey, global position

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("article")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setFont(article_font(self._stored_point_size()))
        option = QTextOption(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(18)
        self.setPlaceholderText(
            self.tr(
                "No document open: import articles with File → Import (Ctrl+O, a folder: Ctrl+Shift+O), "
                "or try the sample articles from Help → Load the sample articles."
            )
        )
        self.highlighter = Highlighter(self.document(), session)
        self._shown: tuple[int, str] | None = None
        self._moving = False  # the caret is moved by the program: the focus does not follow it
        session.opened.connect(self._on_opened)
        session.focusChanged.connect(self._on_focus)
        session.argumentChanged.connect(self._on_argument)
        session.eventChanged.connect(lambda _event: self.viewport().update())
        session.changed.connect(lambda _delta: self.viewport().update())
        self.cursorPositionChanged.connect(self._on_cursor)

    # -- showing the session -----------------------------------------------------------
    def _on_opened(self) -> None:
        doc = self.session.doc
        assert doc is not None
        if self._shown != (doc.id, doc.text):
            self._shown = (doc.id, doc.text)
            self._moving = True
            self.setPlainText(display_text(doc.text))  # highlights every block once
            self._moving = False
            self._move_caret(self.session.caret)
        else:
            self.highlighter.rehighlight()

    def _on_focus(self, _old: ItemKey | None, new: ItemKey | None) -> None:
        item = self.session.item(new) if new else None
        if item is not None and self.session.caret == item.start and self._caret() != item.start:
            self._move_caret(item.start)
        self.viewport().update()

    def _on_argument(self, index: int | None) -> None:
        if index is not None:
            self._move_caret(self.session.arguments()[index].start)
        self.viewport().update()

    def _caret(self) -> int:
        return self.session.offsets.from_qt(self.textCursor().position())

    def _move_caret(self, offset: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(min(self.session.offsets.to_qt(offset), self.document().characterCount() - 1))
        self._moving = True
        self.setTextCursor(cursor)
        self._moving = False
        self.ensureCursorVisible()

    def _on_cursor(self) -> None:
        self.session.caret = self._caret()
        if self._moving or self.session.doc is None:
            return
        if self.textCursor().hasSelection():
            self.session.set_focus(None)  # a selection replaces the focus: Shift+arrows then select
        else:
            self.session.follow_caret(self.session.caret)

    # -- selection --------------------------------------------------------------------------
    def selected_range(self) -> tuple[int, int] | None:
        """The selection in code points, snapped to the whole words it touches."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.session.doc is None:
            return None
        start = self.session.offsets.from_qt(cursor.selectionStart())
        end = self.session.offsets.from_qt(cursor.selectionEnd())
        return self.session.words().snap(start, end)

    def select_words(self, words: int) -> None:
        """Select the caret's word (no selection yet), or add (+1) / drop (-1) a word
        at the selection's end, in reading order. Snaps a mouse selection first."""
        if self.session.doc is None:
            return
        current = self.selected_range()
        if current is None:
            found = self.session.words().word_at(self._caret()) if words > 0 else None
            if found is None:
                return
            self.select(*found)
            return
        start, end = self.session.words().grow(*current, words)
        self.select(start, end)

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def select(self, start: int, end: int) -> None:
        """Select ``start..end`` (code points), as a mouse or Shift+arrows would."""
        cursor = self.textCursor()
        cursor.setPosition(self.session.offsets.to_qt(start))
        cursor.setPosition(self.session.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # -- zoom -----------------------------------------------------------------------------------
    def _stored_point_size(self) -> int:
        return settings.load().settings.font_size

    def set_point_size(self, size: int) -> None:
        self.setFont(article_font(max(_MIN_POINT_SIZE, min(_MAX_POINT_SIZE, size))))

    def zoom(self, steps: int) -> None:
        """Grow (+) or shrink (-) the article font; 0 resets it. Saved as the font-size preference."""
        size = DEFAULT_POINT_SIZE if steps == 0 else self.font().pointSize() + steps
        self.set_point_size(size)
        loaded = settings.load()
        settings.save(replace(loaded.settings, font_size=self.font().pointSize()))

    # -- hit testing, clicks and tooltips --------------------------------------------------------
    def key_at(self, point: QPoint) -> ItemKey | None:
        position = self.session.offsets.from_qt(self.cursorForPosition(point).position())
        for offset in (position, position - 1):
            keys = self.session.index.at(offset) if offset >= 0 else []
            if keys:
                return keys[0]
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        snapped = self.selected_range()
        if event.button() == Qt.MouseButton.LeftButton and snapped is not None:
            self.select(*snapped)  # show the whole words the selection will label
            return
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            key = self.key_at(event.position().toPoint())
            if key is not None:
                self.session.set_focus(key)
                self.itemClicked.emit(key, event.globalPosition().toPoint())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            key = self.key_at(self.viewport().mapFromGlobal(event.globalPos()))
            if key is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(key), self)
            return True
        return super().event(event)

    def describe(self, key: ItemKey) -> str:
        """Label (or event type), status and score: the tooltip of a highlight."""
        item = self.session.item(key)
        if item is None:
            return ""
        schema = self.session.store.schema
        name = item.label if key[0] == SPAN else item.type
        entry = (schema.entities if key[0] == SPAN else schema.events).get(name)
        language = i18n.current_language()
        title = f"{entry.title(language)} ({name})" if entry else name
        parts = [title, self.tr("accepted") if item.status == "accepted" else self.tr("suggested")]
        if item.score is not None:
            parts.append(fmt(self.tr("score %1"), f"{item.score:.2f}"))
        if item.source:
            parts.append(item.source)
        return " · ".join(parts)

    # -- focus outline ------------------------------------------------------------------------------
    def range_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering code points ``start..end``, one per line."""
        to_qt = self.session.offsets.to_qt
        qs, qe = to_qt(start), to_qt(end)
        rects = []
        block = self.document().findBlock(qs)
        offset = self.contentOffset()
        while block.isValid() and block.position() < qe:
            layout = block.layout()
            top_left = self.blockBoundingGeometry(block).translated(offset).topLeft()
            first = block.position()
            for n in range(layout.lineCount()):
                line = layout.lineAt(n)
                a = max(qs - first, line.textStart())
                b = min(qe - first, line.textStart() + line.textLength())
                if a < b:
                    x1, x2 = _x(line.cursorToX(a)), _x(line.cursorToX(b))
                    rects.append(QRectF(min(x1, x2), line.y(), abs(x2 - x1), line.height()).translated(top_left))
            block = block.next()
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(event.rect())
        marks.paint_arguments(self, painter, area)
        key = self.session.focus
        item = self.session.item(key) if key else None
        if item is not None:
            name = item.label if key[0] == SPAN else item.type
            color = self.highlighter.color(key[0], name)
            pen = QPen(color.darker(130) if key[0] == SPAN else QColor(color), 2)
            pen.setStyle(Qt.PenStyle.SolidLine if key[0] != EVENT else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            for rect in self.range_rects(item.start, item.end):
                if rect.intersects(area):
                    painter.drawRoundedRect(rect.adjusted(-2, 1, 2, -1), 4, 4)
        painter.end()


def _x(value: object) -> float:
    """``QTextLine.cursorToX`` returns ``(x, position)`` in PySide6."""
    return float(value[0] if isinstance(value, tuple) else value)
