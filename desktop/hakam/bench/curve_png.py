"""A learning-curve PNG drawn with Qt's QPainter (off screen; no plotting library needed)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

WIDTH, HEIGHT, MARGIN = 720, 440, 56
COLOURS = {"import": "#1f77b4", "uncertain": "#d62728"}


def _application():
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app


def write_png(curves: dict[str, list[dict[str, Any]]], path: Path, title: str = "") -> None:
    """F1 (proclitic-tolerant) against reviewed documents, one line per order."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    _application()
    points = [p for curve in curves.values() for p in curve]
    if not points:
        raise ValueError("no points to draw")
    x_max = max(p["documents"] for p in points) or 1
    values = [p["f1_tolerant"] for p in points]
    y_min, y_max = max(0.0, round(min(values) - 0.05, 1)), min(1.0, round(max(values) + 0.05, 1))
    if y_max <= y_min:
        y_max = y_min + 0.1
    plot = QRectF(MARGIN, MARGIN / 2 + 16, WIDTH - 1.5 * MARGIN, HEIGHT - 1.5 * MARGIN - 16)

    def at(documents: float, f1: float) -> QPointF:
        return QPointF(plot.left() + plot.width() * documents / x_max,
                       plot.bottom() - plot.height() * (f1 - y_min) / (y_max - y_min))  # fmt: skip

    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(12)
    painter.setFont(font)
    painter.setPen(QPen(QColor("#999999"), 1))
    painter.drawRect(plot)
    steps = 5
    for k in range(steps + 1):
        f1 = y_min + (y_max - y_min) * k / steps
        y = at(0, f1).y()
        painter.setPen(QPen(QColor("#eeeeee"), 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor("#333333"))
        painter.drawText(QRectF(0, y - 8, MARGIN - 6, 16), Qt.AlignmentFlag.AlignRight, f"{f1:.2f}")
    for documents in sorted({p["documents"] for p in points}):
        x = at(documents, y_min).x()
        painter.drawText(QRectF(x - 30, plot.bottom() + 4, 60, 16), Qt.AlignmentFlag.AlignHCenter, str(documents))
    painter.drawText(QRectF(plot.left(), HEIGHT - 22, plot.width(), 18), Qt.AlignmentFlag.AlignHCenter,
                     "reviewed documents")  # fmt: skip
    painter.drawText(QRectF(plot.left(), 6, plot.width(), 18), Qt.AlignmentFlag.AlignHCenter,
                     f"micro F1, proclitic-tolerant — {title}")  # fmt: skip
    for n, (order, curve) in enumerate(curves.items()):
        colour = QColor(COLOURS.get(order, "#2ca02c"))
        painter.setPen(QPen(colour, 2))
        marks = [at(p["documents"], p["f1_tolerant"]) for p in curve]
        for a, b in zip(marks, marks[1:]):
            painter.drawLine(a, b)
        for mark in marks:
            painter.drawEllipse(mark, 3, 3)
        legend = QPointF(plot.left() + 12, plot.top() + 16 + 18 * n)
        painter.drawLine(legend, legend + QPointF(24, 0))
        painter.setPen(QColor("#333333"))
        painter.drawText(legend + QPointF(30, 4), f"{order} order")
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise OSError(f"{path}: cannot write the PNG")
