"""Held-out scores of two model versions side by side: P/R/F1 per entity label and
per event type (with their micro averages), the training size and the change in F1."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from hakam.core.schema import Schema
from hakam.desk import i18n
from hakam.desk.i18n import fmt
from hakam.store import analytics
from hakam.store.analytics import ModelInfo, Score

MICRO = "micro"
BETTER, WORSE = QColor("#2f9e44"), QColor("#c92a2a")


class ScoresTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, 8)
        self.setObjectName("scores")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setMinimumHeight(260)

    def show_scores(self, previous: ModelInfo | None, new: ModelInfo, schema: Schema) -> None:
        metrics = [self.tr("P"), self.tr("R"), self.tr("F1")]
        self.setHorizontalHeaderLabels([self.tr("Label"), *metrics, *metrics, self.tr("Δ F1")])
        rows: list[tuple[str, Score | None, Score | None, bool]] = []
        sections = ((analytics.ENTITIES, self.tr("All entities (micro)"), schema.entities),
                    (analytics.TRIGGERS, self.tr("All event triggers (micro)"), schema.events))  # fmt: skip
        for part, total_title, items in sections:
            old = analytics.held_out(previous.scores, part) if previous else {}
            fresh = analytics.held_out(new.scores, part)
            if not old and not fresh:
                continue
            rows.append((total_title, old.get(MICRO), fresh.get(MICRO), True))
            for label in sorted((set(old) | set(fresh)) - {MICRO}):
                item = items.get(label)
                title = item.title(i18n.current_language()) if item else label
                rows.append((title, old.get(label), fresh.get(label), False))
        self.clearSpans()
        self.setRowCount(len(rows) + 2)
        self._cell(0, 0, "")
        for column, title in ((1, previous.title if previous else self.tr("no active version")),
                              (4, fmt(self.tr("%1 (new)"), new.title))):  # fmt: skip
            self._cell(0, column, title, True).setToolTip(title)
        self._cell(0, 7, "")
        self.setSpan(0, 1, 1, 3)
        self.setSpan(0, 4, 1, 3)
        for row, (title, old_score, new_score, total) in enumerate(rows, 1):
            self._cell(row, 0, title, total)
            self._metrics(row, 1, old_score, total)
            self._metrics(row, 4, new_score, total)
            self._delta(row, old_score, new_score)
        self.setRowCount(len(rows) + 3)
        for last, title, old_value, new_value in (
            (len(rows) + 1, self.tr("Training documents"), previous.train_documents if previous else None,
             new.train_documents),
            (len(rows) + 2, self.tr("Held-out documents"), held_out_documents(previous), held_out_documents(new)),
        ):  # fmt: skip
            self._cell(last, 0, title, True)
            self._cell(last, 1, "–" if old_value is None else str(old_value))
            self._cell(last, 4, "–" if new_value is None else str(new_value))
            self._cell(last, 7, "")
            self.setSpan(last, 1, 1, 3)
            self.setSpan(last, 4, 1, 3)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Every header and version title whole: a title spanning three columns widens them."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.resizeColumnsToContents()
        metrics = self.fontMetrics()
        for first in (1, 4):
            item = self.item(0, first)
            need = metrics.horizontalAdvance(item.text() if item else "") + 24
            have = sum(self.columnWidth(c) for c in range(first, first + 3))
            for column in range(first, first + 3):
                self.setColumnWidth(column, self.columnWidth(column) + max(0, need - have + 2) // 3)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def minimum_width(self) -> int:
        """Wide enough to show every column without cutting."""
        return sum(self.columnWidth(c) for c in range(1, self.columnCount())) + 200

    def _cell(self, row: int, column: int, text: str, bold: bool = False) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if column:
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if bold:
            font = QFont(self.font())
            font.setBold(True)
            item.setFont(font)
        self.setItem(row, column, item)
        return item

    def _metrics(self, row: int, column: int, score: Score | None, bold: bool) -> None:
        values = (score.precision, score.recall, score.f1) if score else (None, None, None)
        for offset, value in enumerate(values):
            self._cell(row, column + offset, "–" if value is None else f"{value:.3f}", bold)

    def _delta(self, row: int, old: Score | None, new: Score | None) -> None:
        if old is None or new is None:
            self._cell(row, 7, "–")
            return
        change = new.f1 - old.f1
        item = self._cell(row, 7, f"\u200e{change:+.3f}")  # LRM: keep the sign before the digits in RTL
        if abs(change) >= 0.0005:
            item.setForeground(BETTER if change > 0 else WORSE)


def held_out_documents(model: ModelInfo | None) -> int | None:
    value = model.scores.get("held_out_documents") if model else None
    return value if isinstance(value, int) else None
