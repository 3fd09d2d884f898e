"""The dashboard: progress, pace, label counts, suggestion quality and the learning
curve of the open store, for a dock or a tab.

Call ``refresh()`` (a slot; connect it to whatever signals a decision or a new
model) and the figures are re-read shortly after, once per burst of decisions,
and only while the dashboard is visible (a hidden one catches up when shown).
The figures are read on the background helper (``worker.run_task``; the SQLite
store is in WAL mode, so reading never holds up a decision) and drawn when they
arrive; a refresh asked for meanwhile runs once the read reports.
"""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QSize, QStandardPaths, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QGridLayout, QLabel, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from hakam.desk import dashboard_plots as plots
from hakam.desk import i18n
from hakam.desk.agreement_panel import AgreementPanel
from hakam.desk.i18n import fmt
from hakam.desk.worker import TaskState, run_task
from hakam.store import Store, analytics

REFRESH_DELAY_MS = 300


class Dashboard(QWidget):
    """Live figures from a ``Store``. ``refreshed`` is emitted after each re-read."""

    refreshed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.store = store
        self.summary: analytics.Summary | None = None
        self._stale = True
        self._reading: TaskState | None = None
        self._again = False  # a refresh was asked for while reading
        self.setMinimumSize(480, 320)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_now)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.cards = {
            "reviewed": plots.PlotCard("reviewed", self.tr("Documents reviewed per day")),
            "pace": plots.PlotCard("pace", self.tr("Actions per hour, by annotator")),
            "entities": plots.PlotCard("entities", self.tr("Accepted entities by label")),
            "events": plots.PlotCard("events", self.tr("Accepted events by type")),
            "acceptance": plots.PlotCard("acceptance", self.tr("Suggestions accepted unchanged, by label (%)")),
            "models": plots.PlotCard("models", self.tr("Suggestions accepted unchanged, by model version (%)")),
            "curve": plots.PlotCard("curve", self.tr("Learning curve: held-out F1 by training documents")),
        }
        grid = QGridLayout()
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // 2, index % 2)
            card.exportRequested.connect(self._ask_export)
        for key in ("reviewed", "pace"):
            self.cards[key].plot.setAxisItems({"bottom": pg.DateAxisItem(orientation="bottom")})
            self.cards[key].restyle()
        self.cards["curve"].item.setLabel("bottom", self.tr("reviewed documents"))
        self.cards["curve"].item.setLabel("left", self.tr("F1"))
        # Team mode: the annotators' agreement above the other figures.
        self.agreement = AgreementPanel(store) if store.team.enabled else None
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.totals)
        if self.agreement is not None:
            inner.addWidget(self.agreement)
        inner.addLayout(grid)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # -- refreshing ------------------------------------------------------------------
    @Slot()
    @Slot(object)
    def refresh(self, _change: object = None) -> None:
        """Re-read the figures soon (accepts and ignores a ``Change``)."""
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    @Slot()
    def refresh_now(self) -> None:
        """Read the figures on the background helper; draw them when they arrive."""
        self._timer.stop()
        if self._reading is not None:
            self._again = True
            return
        self._stale = False
        if self.summary is None:
            self.totals.setText(self.tr("Reading the figures…"))
        stats = self.store.stats
        if self.agreement is not None:
            self.agreement.refresh()
        self._reading = run_task(lambda _state: (stats.summary(), stats.counts()), self._arrived, self._failed)

    def _arrived(self, result: tuple[analytics.Summary, dict]) -> None:
        if not shiboken6.isValid(self):  # closed while the figures were read
            return
        self._reading = None
        self.summary, counts = result
        self._draw(self.summary, counts)
        self.refreshed.emit()
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._reading = None
        self.totals.setText(fmt(self.tr("The figures could not be read: %1"), error))

    def sizeHint(self) -> QSize:
        return QSize(1000, 460)

    # -- drawing ---------------------------------------------------------------------
    def _draw(self, s: analytics.Summary, counts: dict) -> None:
        decided = sum(o.decided for o in s.acceptance_by_model.values())
        accepted = sum(o.accepted for o in s.acceptance_by_model.values())
        rate = f"{100 * accepted / decided:.0f}%" if decided else "–"
        self.totals.setText(
            fmt(self.tr("%1 of %2 documents reviewed · %3 decisions · %4 suggestions pending · %5 accepted unchanged"),
                counts["reviewed"], counts["documents"], counts["decisions"], counts["pending_suggestions"], rate)
        )  # fmt: skip
        no_data = self.tr("No data yet")
        for card in self.cards.values():
            card.clear()
        if s.reviewed_per_day:
            plots.day_bars(self.cards["reviewed"], s.reviewed_per_day, self.tr("total"))
        else:
            self.cards["reviewed"].clear(no_data)
        if s.actions_per_hour:
            plots.hour_lines(self.cards["pace"], s.actions_per_hour)
        else:
            self.cards["pace"].clear(no_data)
        self._counts(self.cards["entities"], s.entity_counts, self.store.schema.entities, no_data)
        self._counts(self.cards["events"], s.event_counts, self.store.schema.events, no_data)
        rates = {**s.acceptance_by_label, **s.acceptance_by_event_type}
        items = {**self.store.schema.entities, **self.store.schema.events}
        decided_rates = {k: o for k, o in rates.items() if o.rate is not None}
        if decided_rates:
            names, colours = self._titles(decided_rates, items)
            plots.category_bars(self.cards["acceptance"], names, [100 * o.rate for o in decided_rates.values()],
                                colours, maximum=100, suffix="%")  # fmt: skip
        else:
            self.cards["acceptance"].clear(no_data)
        models = {k: o for k, o in s.acceptance_by_model.items() if o.rate is not None}
        if models:
            names = [self.tr("(no source)") if k == analytics.UNKNOWN_SOURCE else k for k in models]
            plots.category_bars(self.cards["models"], names, [100 * o.rate for o in models.values()],
                                [plots.SERIES[i % len(plots.SERIES)] for i in range(len(models))], maximum=100, suffix="%")  # fmt: skip
        else:
            self.cards["models"].clear(no_data)
        if s.learning_curve:
            plots.learning_curve(self.cards["curve"], s.learning_curve, self.tr("active"))
        else:
            self.cards["curve"].clear(self.tr("No trained model yet"))

    def _titles(self, keys: dict, items: dict) -> tuple[list[str], list[str]]:
        language = i18n.current_language()
        names = [items[k].title(language) if k in items else k for k in keys]
        colours = [items[k].color if k in items else plots.ACCENT for k in keys]
        return names, colours

    def _counts(self, card: plots.PlotCard, counts: dict[str, int], items: dict, no_data: str) -> None:
        if not counts:
            card.clear(no_data)
            return
        names, colours = self._titles(counts, items)
        plots.category_bars(card, names, list(counts.values()), colours)

    # -- export ----------------------------------------------------------------------
    def export_png(self, key: str, path: Path | str) -> Path:
        return self.cards[key].export_png(path)

    @Slot(object)
    def _ask_export(self, card: plots.PlotCard) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export plot as PNG"),
            str(Path(folder) / f"hakam-{card.key}.png"),
            self.tr("PNG images (*.png)"),
        )
        if not path:
            return
        try:
            card.export_png(path if path.lower().endswith(".png") else path + ".png")
        except OSError as error:
            QMessageBox.warning(self, self.tr("Export plot as PNG"), str(error))
