""" "Train from reviewed": train a new CRF version on the reviewed documents in the
background, show its held-out scores beside the active version's, make it active
(or keep the previous one: roll back) and refresh the pending suggestions on the
documents still to review. The new version is registered inactive, so closing
the dialog without choosing changes nothing. Slow work runs through ``worker.run_task``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hakam.desk.i18n import fmt
from hakam.desk.training_table import ScoresTable, held_out_documents
from hakam.desk.worker import TaskState, run_task
from hakam.store import TODO, Store, analytics

Progress = Callable[[str, int, int], None]  # (stage, done, total), as hakam.suggest reports it
CRF = "crf"  # the kind of model version training creates
MIN_HELD_OUT = 20  # fewer held-out documents give F1 figures that swing by ±0.1 from one split to the next


class Trainer(Protocol):
    """What the dialog needs from the suggesters (``SuggestTrainer``; tests inject a fake)."""

    def train(self, store: Store, progress: Progress, should_stop: Callable[[], bool]) -> Any:
        """Train and register a model version without activating it; the result
        names it in ``model_version_id`` (None when stopped or nothing to learn)."""

    def activate(self, store: Store, model_id: int) -> None: ...

    def refresh(self, store: Store, document_ids: Sequence[int], progress: Progress,
                should_stop: Callable[[], bool]) -> int: ...  # fmt: skip


class SuggestTrainer:
    """``hakam.suggest.training``: the CRF on the reviewed documents, and suggestions from
    the rules, the learned names and the active CRF. Imported on the worker thread."""

    def train(self, store: Store, progress: Progress, should_stop: Callable[[], bool]) -> Any:
        from hakam.suggest.training import train_from_store

        return train_from_store(store, progress, should_stop, activate_model=False)

    def activate(self, store: Store, model_id: int) -> None:
        from hakam.suggest.training import activate

        activate(store, model_id)

    def refresh(self, store: Store, document_ids: Sequence[int], progress: Progress,
                should_stop: Callable[[], bool]) -> int:  # fmt: skip
        from hakam.suggest.training import refresh_suggestions, suggester_for_store

        return refresh_suggestions(store, suggester_for_store(store), document_ids, progress, should_stop)


class NothingTrained(RuntimeError):
    """Training registered no model version (no reviewed entities to learn from)."""


def trained_model_id(result: Any, known: set[int], store: Store) -> int:
    """The model version a training run created: named by its result, else the newest new row."""
    value = getattr(result, "model_version_id", None)
    if isinstance(value, int):
        return value
    fresh = [m.id for m in store.models.versions(CRF) if m.id not in known]
    if not fresh:
        raise NothingTrained()
    return max(fresh)


class TrainingDialog(QDialog):
    """Non-modal: the reviewer can keep reviewing while a model trains."""

    modelActivated = Signal(int)  # the active model version after the reviewer's choice
    suggestionsRefreshed = Signal(list)  # ids of the documents to review, with fresh suggestions

    def __init__(self, store: Store, trainer: Trainer | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("training")
        self.setWindowTitle(self.tr("Train from reviewed documents"))
        self.setMinimumWidth(720)
        self.store = store
        self.trainer: Trainer = trainer or SuggestTrainer()
        self.previous: analytics.ModelInfo | None = None
        self.new: analytics.ModelInfo | None = None
        self._state: TaskState | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.table = ScoresTable()
        self.table.hide()
        self.train_button = QPushButton(self.tr("&Train"))
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.use_new_button = QPushButton(self.tr("&Use the new version"))
        self.keep_button = QPushButton(self.tr("&Keep the previous version"))
        self.close_button = QPushButton(self.tr("C&lose"))
        self.buttons = QDialogButtonBox()
        for button, role in (
            (self.train_button, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.use_new_button, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.keep_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole),
            (self.close_button, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            self.buttons.addButton(button, role)
        self.train_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.use_new_button.clicked.connect(self.use_new)
        self.keep_button.clicked.connect(self.keep_previous)
        self.close_button.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.progress, self.status, self.table):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self._show_intro()

    # -- phases -------------------------------------------------------------------------
    def _buttons(self, *visible: QPushButton) -> None:
        for button in (self.train_button, self.cancel_button, self.use_new_button, self.keep_button, self.close_button):
            button.setVisible(button in visible)
        if visible:
            visible[0].setDefault(True)
            visible[0].setFocus()

    def _show_intro(self) -> None:
        self.previous = self.store.models.active(CRF)
        reviewed = len(self.store.documents.ids("reviewed"))
        text = self.tr("A new model version will learn from the %1 reviewed documents. "
                       "Its held-out scores are shown next to the active version's before you choose.")  # fmt: skip
        text = fmt(text, reviewed)
        if self.previous is not None:
            text += " " + fmt(self.tr("Active now: %1."), self.previous.title)
        self.intro.setText(text)
        self.train_button.setEnabled(reviewed > 0)
        if not reviewed:
            self.status.setText(self.tr("Review and mark at least one document first."))
        self._buttons(self.train_button, self.close_button)

    def _running(self, text: str) -> None:
        self.status.setText(text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._buttons(self.cancel_button)

    def _on_progress(self, done: int, total: int, stage: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        text = self._stage_text(stage)
        if text:
            self.status.setText(text)

    def _stage_text(self, stage: str) -> str:
        return {
            "reading": self.tr("Reading the reviewed documents…"),
            "held-out model": self.tr("Training on four fifths of them, to score on the rest…"),
            "scoring": self.tr("Scoring on the held-out documents…"),
            "final model": self.tr("Training the new version on all reviewed documents…"),
            "suggest": self.tr("Refreshing suggestions…"),
        }.get(stage, "")

    def _failed(self, error: BaseException) -> None:
        self._state = None
        self.progress.hide()
        if isinstance(error, NothingTrained):
            text = self.tr("Nothing to learn from: the reviewed documents have no accepted entities.")
        else:
            text = fmt(self.tr("Failed: %1"), str(error) or type(error).__name__)
        self.status.setText(text)
        self._buttons(self.train_button, self.close_button)

    # -- training -----------------------------------------------------------------------
    @Slot()
    def start(self) -> None:
        if self._state is not None:
            return
        self.previous = self.store.models.active(CRF)
        known = {m.id for m in self.store.models.versions()}
        store, trainer = self.store, self.trainer

        def work(state: TaskState) -> int | None:
            result = trainer.train(store, lambda stage, done, total: state.progress(done, total, stage),
                                   state.should_stop)  # fmt: skip
            if state.should_stop() or getattr(result, "stopped", False):
                return None
            return trained_model_id(result, known, store)

        self.table.hide()
        self._running(self.tr("Training on the reviewed documents…"))
        self._state = run_task(work, self._trained, self._failed, self._on_progress)

    @Slot()
    def cancel(self) -> None:
        if self._state is not None:
            self._state.cancel()
            self.status.setText(self.tr("Stopping…"))

    def _trained(self, model_id: int | None) -> None:
        self._state = None
        self.progress.hide()
        if model_id is None:
            self.status.setText(self.tr("Training was cancelled; nothing changed."))
            self._buttons(self.train_button, self.close_button)
            return
        self.new = self.store.models.info(model_id)
        if self.new is None:
            self._failed(RuntimeError(f"model version {model_id} is not in the store"))
            return
        self.table.show_scores(self.previous, self.new, self.store.schema)
        self.table.show()
        self.setMinimumWidth(max(self.minimumWidth(), self.table.minimum_width()))
        self.status.setText(self._verdict() + self._sample_warning())
        self.keep_button.setEnabled(self.previous is not None)
        self._buttons(self.use_new_button, self.keep_button, self.close_button)

    def _sample_warning(self) -> str:
        """The held-out size, and a warning when it is too small to trust the scores."""
        held = held_out_documents(self.new)
        if held is None:
            return ""
        if held < MIN_HELD_OUT:
            return " " + fmt(
                self.tr("Only %1 held-out documents: too few to trust these scores (at least %2 are needed)."),
                held,
                MIN_HELD_OUT,
            )
        return " " + fmt(self.tr("Scored on %1 held-out documents."), held)

    def _verdict(self) -> str:
        assert self.new is not None
        new_f1 = analytics.micro_f1(self.new.scores)
        old_f1 = analytics.micro_f1(self.previous.scores) if self.previous else None
        if new_f1 is None:
            return fmt(self.tr("%1 is trained; it has no held-out scores."), self.new.title)
        if old_f1 is None:
            return fmt(self.tr("%1: held-out F1 %2."), self.new.title, f"{new_f1:.3f}")
        return fmt(self.tr("%1: held-out F1 %2 (the active %3: %4)."), self.new.title, f"{new_f1:.3f}",
                   self.previous.title, f"{old_f1:.3f}")  # fmt: skip

    # -- choosing and refreshing ----------------------------------------------------------
    @Slot()
    def use_new(self) -> None:
        if self.new is not None:
            self._activate(self.new)

    @Slot()
    def keep_previous(self) -> None:
        if self.previous is not None:
            self._activate(self.previous)

    def _activate(self, model: analytics.ModelInfo) -> None:
        try:
            self.trainer.activate(self.store, model.id)
        except Exception as error:
            self._failed(error)
            return
        self.modelActivated.emit(model.id)
        ids = self.store.documents.ids(TODO)
        if not ids:
            self._done(fmt(self.tr("%1 is active."), model.title), [])
            return
        store, trainer = self.store, self.trainer
        self._running(
            fmt(self.tr("%1 is active. Refreshing suggestions on %2 documents to review…"), model.title, len(ids))
        )

        def work(state: TaskState) -> int:
            return trainer.refresh(store, ids, lambda stage, done, total: state.progress(done, total, stage),
                                   state.should_stop)  # fmt: skip

        def finished(count: int) -> None:
            text = self.tr("%1 is active; suggestions refreshed on %2 documents.")
            self._done(fmt(text, model.title, count), ids)

        self._state = run_task(work, finished, self._failed, self._on_progress)

    def _done(self, text: str, refreshed: list[int]) -> None:
        self._state = None
        self.progress.hide()
        self.status.setText(text)
        self._buttons(self.close_button)
        if refreshed:
            self.suggestionsRefreshed.emit(refreshed)

    def closeEvent(self, event: Any) -> None:
        self.cancel()
        super().closeEvent(event)
