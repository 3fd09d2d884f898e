"""The selected event's arguments, drawn over the article (as INCEpTION draws arcs):
each argument is boxed in the event's colour with a small role tag on its top edge;
the focused argument (G / Shift+G) has a thicker box and a filled tag. Pending
suggestions keep their dotted underline, so the two never look alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from hakam.desk import i18n
from hakam.desk.session import EVENT

if TYPE_CHECKING:
    from hakam.desk.article import ArticleView

_TAG_SCALE = 0.5  # role tag font, relative to the article's


def role_title(view: ArticleView, role: str) -> str:
    entry = view.session.store.schema.roles.get(role)
    return entry.title(i18n.current_language()) if entry else role


def paint_arguments(view: ArticleView, painter: QPainter, area: QRectF) -> None:
    session = view.session
    event = session.events.get(session.current_event) if session.current_event is not None else None
    if event is None or not event.arguments:
        return
    color = view.highlighter.color(EVENT, event.type)
    font = QFont(view.font())
    font.setPointSizeF(max(7.0, view.font().pointSizeF() * _TAG_SCALE))
    font.setBold(True)
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    for index, argument in enumerate(event.arguments):
        rects = view.range_rects(argument.start, argument.end)
        if not rects or not any(r.intersects(area.adjusted(0, -metrics.height(), 0, 0)) for r in rects):
            continue
        focused = index == session.argument
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(color, 3 if focused else 1.5))
        for rect in rects:
            painter.drawRoundedRect(rect.adjusted(-3, 2, 3, -2), 3, 3)
        first = max(rects[0:1] + [r for r in rects if r.top() == rects[0].top()], key=lambda r: r.right())
        text = role_title(view, argument.role)
        width = metrics.horizontalAdvance(text) + 8
        tag = QRectF(first.right() - width + 3, first.top() - metrics.height() * 0.45, width, metrics.height())
        painter.setPen(QPen(color, 1))
        fill = QColor(color) if focused else QColor(view.palette().base().color())
        painter.setBrush(fill)
        painter.drawRoundedRect(tag, 3, 3)
        painter.setPen(QColor("white") if focused else color)
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)
    painter.setBrush(Qt.BrushStyle.NoBrush)
