"""Held-out scores of two model versions side by side: per label P/R/F1, the
micro average and the training size, with the change in F1."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from hakam.core.schema import Schema
from hakam.desk import i18n
from hakam.store.analytics import ModelInfo

MICRO = "micro"
METRICS = ("precision", "recall", "f1")
BETTER, WORSE = QColor("#2f9e44"), QColor("#c92a2a")


def label_scores(scores: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Per-label score mappings (``{label: {"precision", "recall", "f1"}}``, possibly under ``spans``)."""
    spans = scores.get("spans")
    table = spans if isinstance(spans, Mapping) else scores
    return {k: v for k, v in table.items() if isinstance(v, Mapping) and "f1" in v}


class ScoresTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, 8)
        self.setObjectName("scores")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setMinimumHeight(240)

    def show_scores(self, previous: ModelInfo | None, new: ModelInfo, schema: Schema) -> None:
        old_title = previous.title if previous else self.tr("none")
        self.setHorizontalHeaderLabels([
            self.tr("Label"),
            self.tr("P · %1").replace("%1", old_title), self.tr("R · %1").replace("%1", old_title),
            self.tr("F1 · %1").replace("%1", old_title),
            self.tr("P · %1").replace("%1", new.title), self.tr("R · %1").replace("%1", new.title),
            self.tr("F1 · %1").replace("%1", new.title), self.tr("Δ F1"),
        ])  # fmt: skip
        old = label_scores(previous.scores) if previous else {}
        fresh = label_scores(new.scores)
        labels = sorted((set(old) | set(fresh)) - {MICRO})
        rows = [(self.tr("All labels (micro)"), MICRO)] + [(self._title(k, schema), k) for k in labels]
        self.clearSpans()
        self.setRowCount(len(rows) + 1)
        for row, (title, key) in enumerate(rows):
            self._cell(row, 0, title)
            self._metrics(row, 1, old.get(key))
            self._metrics(row, 4, fresh.get(key))
            self._delta(row, old.get(key), fresh.get(key))
        last = len(rows)
        self._cell(last, 0, self.tr("Training documents"))
        self._cell(last, 1, str(previous.train_documents) if previous else "–")
        self._cell(last, 4, str(new.train_documents))
        self.setSpan(last, 1, 1, 3)
        self.setSpan(last, 4, 1, 3)
        self._cell(last, 7, "")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    @staticmethod
    def _title(key: str, schema: Schema) -> str:
        item = schema.entities.get(key) or schema.events.get(key)
        return item.title(i18n.current_language()) if item else key

    def _cell(self, row: int, column: int, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if column:
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setItem(row, column, item)
        return item

    def _metrics(self, row: int, column: int, scores: Mapping[str, Any] | None) -> None:
        for offset, name in enumerate(METRICS):
            value = scores.get(name) if scores else None
            self._cell(row, column + offset, f"{value:.3f}" if isinstance(value, int | float) else "–")

    def _delta(self, row: int, old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> None:
        if not old or not new:
            self._cell(row, 7, "–")
            return
        change = float(new["f1"]) - float(old["f1"])
        item = self._cell(row, 7, f"\u200e{change:+.3f}")  # LRM: keep the sign before the digits in RTL
        if abs(change) >= 0.0005:
            item.setForeground(BETTER if change > 0 else WORSE)
