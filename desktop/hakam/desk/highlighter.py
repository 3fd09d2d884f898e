"""Schema-coloured highlights, drawn block by block.

Only background, underline and foreground colour are set, over the untouched
text, so Arabic letters keep joining across a highlight edge. After a change
only the blocks it touched are redrawn (``rehighlightBlock``).

- entity, pending: light tint and a dotted underline; accepted: solid tint;
- event trigger: text in the event colour, dashed underline while pending,
  solid once accepted;
- focused item: the strongest tint (the view also draws an outline);
- arguments of the selected event are not formats: the view boxes and tags them
  (``marks``), so a dotted underline always means "suggested".
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from hakam.core.schema import generated_color
from hakam.desk.colors import dark_theme, text_color
from hakam.desk.index import ItemKey
from hakam.desk.session import EVENT, SPAN, Delta, Session
from hakam.store import ACCEPTED

_UNDERLINE = QTextCharFormat.UnderlineStyle


class Highlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, session: Session):
        super().__init__(document)
        self.session = session
        self._formats: dict[tuple, QTextCharFormat] = {}
        self._dirty: set[int] = set()  # blocks to redraw when the session's batch settles
        session.changed.connect(self._on_changed)
        session.focusChanged.connect(self._on_focus)
        session.settled.connect(self._settled)

    # -- formats -----------------------------------------------------------------------
    def color(self, kind: str, name: str) -> QColor:
        schema = self.session.store.schema
        item = (schema.entities if kind == SPAN else schema.events).get(name)
        return QColor(item.color if item else generated_color(name))

    def item_format(self, kind: str, name: str, status: str, focused: bool) -> QTextCharFormat:
        dark = dark_theme()
        key = (kind, name, status, focused, dark)
        fmt = self._formats.get(key)
        if fmt is None:
            color = self.color(kind, name)
            fmt = QTextCharFormat()
            tint = QColor(color)
            if kind == SPAN:
                tint.setAlphaF(0.62 if focused else 0.34 if status == ACCEPTED else 0.13)
                fmt.setBackground(tint)
                if status != ACCEPTED:
                    fmt.setUnderlineStyle(_UNDERLINE.DotLine)
                    fmt.setUnderlineColor(color)
            else:
                fmt.setForeground(text_color(color, dark))
                fmt.setUnderlineStyle(_UNDERLINE.SingleUnderline if status == ACCEPTED else _UNDERLINE.DashUnderline)
                fmt.setUnderlineColor(color)
                if focused:
                    tint.setAlphaF(0.3)
                    fmt.setBackground(tint)
            self._formats[key] = fmt
        return fmt

    # -- drawing one block ---------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:
        session = self.session
        block = self.currentBlock()
        number = block.blockNumber()
        keys = session.index.in_block(number)
        if not keys:
            return
        first = block.position()
        length = block.length() - 1  # UTF-16 units; len(text) counts code points
        to_qt = session.offsets.to_qt

        def clip(start: int, end: int) -> tuple[int, int] | None:
            a, b = max(to_qt(start) - first, 0), min(to_qt(end) - first, length)
            return (a, b - a) if b > a else None

        found = [(key, session.item(key)) for key in keys]
        spans = sorted((i for k, i in found if i is not None and k[0] == SPAN), key=lambda i: i.start - i.end)
        for span in spans:  # longest first, so a nested span stays visible
            where = clip(span.start, span.end)
            if where:
                self.setFormat(
                    *where, self.item_format(SPAN, span.label, span.status, session.focus == (SPAN, span.id))
                )
        for key, trigger in found:
            if trigger is not None and key[0] == EVENT:
                where = clip(trigger.start, trigger.end)
                if where:
                    self._merge(where, self.item_format(EVENT, trigger.type, trigger.status, session.focus == key))

    def _merge(self, where: tuple[int, int], fmt: QTextCharFormat) -> None:
        merged = QTextCharFormat(self.format(where[0]))
        merged.merge(fmt)
        self.setFormat(where[0], where[1], merged)

    # -- what to redraw ---------------------------------------------------------------------
    def redraw(self, blocks: Iterable[int]) -> None:
        if self.session.batching:
            self._dirty.update(blocks)
            return
        document = self.document()
        for number in sorted(set(blocks)):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def _blocks_of_key(self, key: ItemKey | None) -> list[int]:
        where = self.session.index.span_of(key) if key else None
        return list(self.session.index.blocks_of(*where)) if where else []

    def _on_changed(self, delta: Delta) -> None:
        index = self.session.index
        blocks = [b for start, end in delta.ranges for b in index.blocks_of(start, end)]
        blocks += [b for key in delta.keys for b in self._blocks_of_key(key)]
        self.redraw(blocks)

    def _on_focus(self, old: ItemKey | None, new: ItemKey | None) -> None:
        self.redraw(self._blocks_of_key(old) + self._blocks_of_key(new))

    def _settled(self) -> None:
        dirty, self._dirty = self._dirty, set()
        self.redraw(dirty)
