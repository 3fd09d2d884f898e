"""The dashboard's plot cards: a title, an "Export as PNG" button and a pyqtgraph plot,
and the drawing of each figure. Plots keep left-to-right axes in the Arabic UI too
(times and numbers read left to right); titles and category names are translated."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from hakam.desk.i18n import fmt
from hakam.store.analytics import CurvePoint, DayCount, HourCount

HOUR = 3600
DAY = 86400.0
ACCENT = "#1971c2"
PLOT_HEIGHT = 250
SERIES = ("#1971c2", "#e8590c", "#2f9e44", "#9c36b5", "#c92a2a", "#0c8599", "#e67700", "#495057")


class PlotCard(QFrame):
    """One figure of the dashboard."""

    exportRequested = Signal(object)  # the card

    def __init__(self, key: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"plot-{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        self.title.setStyleSheet("font-weight: bold")
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export as PNG…"))
        self.export_button.setToolTip(self.tr("Save this plot as a PNG image"))
        self.export_button.setAccessibleName(fmt(self.tr("Export %1 as PNG"), title))
        self.export_button.clicked.connect(lambda: self.exportRequested.emit(self))
        self.plot = pg.PlotWidget()
        self.plot.setFixedHeight(PLOT_HEIGHT)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.empty = pg.TextItem(anchor=(0.5, 0.5))
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.plot, 1)
        self.restyle()

    @property
    def item(self) -> pg.PlotItem:
        return self.plot.getPlotItem()

    def restyle(self) -> None:
        """Follow the widget palette (light or dark theme)."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom"):
            axis = self.item.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        self.empty.setColor(text)

    def mirror(self, on: bool) -> None:
        """Category bars grow from the right in a right-to-left UI; time plots never mirror."""
        direction = Qt.LayoutDirection.RightToLeft if on else Qt.LayoutDirection.LeftToRight
        self.item.setLayoutDirection(direction)
        self.item.invertX(on)

    def legend(self, offset: tuple[int, int] = (10, 5)) -> pg.LegendItem:
        legend = self.item.legend or self.item.addLegend(offset=offset)
        legend.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # not inherited from the plot
        return legend

    def clear(self, empty_text: str | None = None) -> None:
        """Remove the previous figure; show ``empty_text`` when there is nothing to draw."""
        item = self.item
        item.clear()
        self.mirror(False)
        legend = item.legend
        if legend is not None:
            legend.clear()
        item.getAxis("left").setTicks(None)
        item.getAxis("left").setWidth(None)
        item.getAxis("bottom").setTicks(None)
        if empty_text:
            self.empty.setText(empty_text)
            item.addItem(self.empty)
            self.empty.setPos(0.5, 0.5)
            item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)

    def export_png(self, path: Path | str, width: int | None = None) -> Path:
        exporter = ImageExporter(self.item)
        if width:
            exporter.parameters()["width"] = width
        exporter.export(str(path))
        return Path(path)


def day_bars(card: PlotCard, days: Sequence[DayCount], cumulative_name: str) -> None:
    """Documents reviewed per day (bars) and in total (line), on a date axis."""
    card.restyle()
    xs = [datetime.combine(d.day, time()).timestamp() + DAY / 2 for d in days]
    card.item.addItem(pg.BarGraphItem(x=xs, height=[d.count for d in days], width=DAY * 0.7,
                                      brush=pg.mkBrush(ACCENT), pen=pg.mkPen(None)))  # fmt: skip
    card.legend()
    card.item.plot(xs, [d.total for d in days], pen=pg.mkPen("#e8590c", width=2), symbol="o", symbolSize=6,
                   symbolBrush="#e8590c", name=cumulative_name)  # fmt: skip
    card.item.setXRange(min(xs) - DAY, max(xs) + DAY)
    card.item.setYRange(0, max(d.total for d in days) * 1.1 + 1)


def hour_lines(card: PlotCard, series: dict[str, list[HourCount]]) -> None:
    """Actions per hour, one line per annotator, on a date-time axis."""
    card.restyle()
    card.legend()
    top = 1
    every_x: list[float] = []
    for index, (annotator, hours) in enumerate(sorted(series.items())):
        colour = SERIES[index % len(SERIES)]
        xs = [h.hour + 1800 for h in hours]
        ys = [h.count for h in hours]
        top = max(top, *ys)
        every_x += xs
        card.item.plot(xs, ys, pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=7, symbolBrush=colour,
                       name=annotator)  # fmt: skip
    card.item.setYRange(0, top * 1.15)
    if every_x:  # at least a few hours wide, or the time axis labels a point with seconds
        card.item.setXRange(min(every_x) - 3 * HOUR, max(every_x) + 3 * HOUR)


def category_bars(
    card: PlotCard,
    names: Sequence[str],
    values: Sequence[float],
    colours: Sequence[str],
    maximum: float | None = None,
    suffix: str = "",
) -> pg.BarGraphItem:
    """Horizontal bars with the category names on the left axis (first on top) and
    each value at the end of its bar."""
    card.restyle()
    rtl = card.layoutDirection() == Qt.LayoutDirection.RightToLeft
    card.mirror(rtl)
    ys = list(range(len(names)))[::-1]
    bars = pg.BarGraphItem(x0=0, y=ys, height=0.65, width=list(values),
                           brushes=[pg.mkBrush(QColor(c)) for c in colours], pen=pg.mkPen(None))  # fmt: skip
    card.item.addItem(bars)
    text = card.palette().color(QPalette.ColorRole.Text)
    for y, value in zip(ys, values, strict=True):
        label = pg.TextItem(f"{value:.0f}{suffix}", anchor=(1 if rtl else 0, 0.5), color=text)
        label.setPos(value, y)
        card.item.addItem(label)
    axis = card.item.getAxis("left")
    axis.setTicks([list(zip(ys, names, strict=True))])
    metrics = QFontMetrics(axis.style.get("tickFont") or card.font())
    axis.setWidth(max(metrics.horizontalAdvance(n) for n in names) + 14)
    top = maximum if maximum is not None else max(values, default=0)
    card.item.setYRange(-0.6, len(names) - 0.4, padding=0)
    card.item.setXRange(0, max(top * 1.15, 1), padding=0)
    return bars


def learning_curve(card: PlotCard, points: Sequence[CurvePoint], active_name: str) -> None:
    """Held-out F1 against training documents; the active version is ringed."""
    card.restyle()
    xs = [p.train_documents for p in points]
    ys = [p.f1 for p in points]
    card.item.plot(xs, ys, pen=pg.mkPen(ACCENT, width=2), symbol="o", symbolSize=8, symbolBrush=ACCENT)
    for point in points:
        label = pg.TextItem(point.version, anchor=(0.5, 1.3), color=card.palette().color(QPalette.ColorRole.Text))
        label.setPos(point.train_documents, point.f1)
        card.item.addItem(label)
    active = [p for p in points if p.active]
    if active:
        card.legend(offset=(-10, 5))
        ring = pg.ScatterPlotItem([p.train_documents for p in active], [p.f1 for p in active], size=16,
                                  pen=pg.mkPen("#e8590c", width=2), brush=pg.mkBrush(None), name=active_name)  # fmt: skip
        card.item.addItem(ring)
    card.item.setYRange(0, 1.05, padding=0)
    card.item.setXRange(0, max(xs) * 1.1 + 1, padding=0)
