"""The dashboard's agreement panel (team mode): Cohen's κ and span F1 for each pair of
annotators, and agreement per label as bars, computed on the background helper from the
annotators' layers (``hakam.core.agreement``, the same figures as ``hakam agreement``)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from hakam.core.agreement import Agreement, agreement
from hakam.desk import dashboard_plots as plots
from hakam.desk.i18n import fmt
from hakam.desk.worker import TaskState, run_task
from hakam.store import Store


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


class AgreementPanel(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agreement-panel")
        self.store = store
        self.result: Agreement | None = None
        self._reading: TaskState | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.pairs = QTableWidget(0, 6)
        self.pairs.setObjectName("agreement-pairs")
        self.pairs.setHorizontalHeaderLabels([self.tr("Annotator"), self.tr("Annotator"), self.tr("Documents"),
                                              self.tr("Cohen's κ"), self.tr("Span F1"), self.tr("Event F1")])  # fmt: skip
        self.pairs.verticalHeader().setVisible(False)
        self.pairs.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.labels = plots.PlotCard("agreement", self.tr("Agreement by label (× 100, the label against the rest)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.pairs)
        layout.addWidget(self.labels)

    def refresh(self) -> None:
        """Compute the figures on the background helper (unless already computing)."""
        if self._reading is not None:
            return
        if self.result is None:
            self.summary.setText(self.tr("Computing agreement…"))
        team = self.store.team
        self._reading = run_task(lambda _state: _compute(team.layered()), self._arrived, self._failed)

    def _arrived(self, result: Agreement | None) -> None:
        if not shiboken6.isValid(self):
            return
        self._reading = None
        self.result = result
        if result is None:
            self.summary.setText(self.tr("No document has been reviewed by two annotators yet."))
            self.pairs.setRowCount(0)
            self.labels.clear(self.tr("No data yet"))
            return
        alpha = result.alpha
        self.summary.setText(
            fmt(self.tr("Krippendorff's α %1 over %2 documents reviewed by all (%3 units)"), _figure(alpha.alpha),
                result.documents, alpha.units) if result.documents else
            self.tr("No document was reviewed by all the annotators: α needs one; the pairs are below.")
        )  # fmt: skip
        self.pairs.setRowCount(len(result.pairs))
        for row, pair in enumerate(result.pairs):
            cells = [pair.a, pair.b, str(pair.documents), _figure(pair.kappa.kappa), _figure(pair.spans.f1),
                     _figure(pair.events.f1)]  # fmt: skip
            for column, text in enumerate(cells):
                self.pairs.setItem(row, column, QTableWidgetItem(text))
        self.pairs.resizeColumnsToContents()
        rows = sum(self.pairs.rowHeight(r) for r in range(self.pairs.rowCount()))
        self.pairs.setFixedHeight(self.pairs.horizontalHeader().height() + rows + 2 * self.pairs.frameWidth())
        self._bars(result)

    def _bars(self, result: Agreement) -> None:
        """α per label when some document was reviewed by all, else the pairs' mean κ."""
        self.labels.clear()
        values: dict[str, float] = {}
        for label in result.labels:
            alpha = result.alpha_by_label[label].alpha if result.documents else None
            if alpha is not None:
                values[label] = alpha
                continue
            kappas = [p.kappa_by_label[label].kappa for p in result.pairs if label in p.kappa_by_label]
            known = [k for k in kappas if k is not None]
            if known:
                values[label] = sum(known) / len(known)
        if not values:
            self.labels.clear(self.tr("No data yet"))
            return
        entities = self.store.schema.entities
        colours = [entities[label].color if label in entities else plots.ACCENT for label in values]
        plots.category_bars(self.labels, list(values), [100 * v for v in values.values()], colours)

    def _failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self._reading = None
            self.summary.setText(fmt(self.tr("Agreement could not be computed: %1"), error))


def _compute(documents: list) -> Agreement | None:
    names = {name for doc in documents for name in doc.layers}
    if len(names) < 2 or not any(len(doc.layers) >= 2 for doc in documents):
        return None
    return agreement(documents)
