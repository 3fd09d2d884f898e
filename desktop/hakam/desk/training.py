""""Train from reviewed": train a new suggester version on the reviewed documents in
the background, compare its held-out scores with the active version, make it
active (or keep the previous one) and refresh pending suggestions on the documents
still to review. Everything slow runs through ``worker.run_task``.
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

from hakam.desk import tasks
from hakam.desk.training_table import ScoresTable
from hakam.desk.worker import TaskState, run_task
from hakam.store import TODO, Store, analytics

Progress = Callable[..., None]


class Trainer(Protocol):
    """What the dialog needs from the suggesters (``SuggestTrainer`` by default; tests fake it)."""

    def train(self, store: Store, progress: Progress, should_stop: Callable[[], bool]) -> Any: ...
    def activate(self, store: Store, model_id: int) -> None: ...
    def refresh(self, store: Store, document_ids: Sequence[int], state: tasks.State) -> Any: ...


class SuggestTrainer:
    """``hakam.suggest``: ``train_from_store``, ``activate`` and the desk's suggestion refresh."""

    @staticmethod
    def _api(name: str) -> Callable[..., Any]:
        import hakam.suggest as suggest

        function = getattr(suggest, name, None)
        if function is None:
            raise tasks.Unavailable(f"hakam.suggest.{name} is not available in this build")
        return function

    def train(self, store: Store, progress: Progress, should_stop: Callable[[], bool]) -> Any:
        return self._api("train_from_store")(store, progress, should_stop)

    def activate(self, store: Store, model_id: int) -> None:
        self._api("activate")(store, model_id)

    def refresh(self, store: Store, document_ids: Sequence[int], state: tasks.State) -> Any:
        return tasks.suggest(store, document_ids, state)


def trained_model_id(result: Any, known: set[int], store: Store) -> int:
    """The model version a training run created: named by its result, else the newest new row."""
    for name in ("model_version_id", "model_id", "id"):
        value = getattr(result, name, None)
        if isinstance(value, int):
            return value
    fresh = [m.id for m in analytics.model_versions(store) if m.id not in known]
    if not fresh:
        raise RuntimeError("training finished without registering a model version")
    return max(fresh)


class TrainingDialog(QDialog):
    """Non-modal: the reviewer can keep reviewing while a model trains."""

    modelActivated = Signal(int)  # the active model version after the reviewer's choice
    suggestionsRefreshed = Signal(list)  # document ids with fresh suggestions

    def __init__(self, store: Store, trainer: Trainer | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("training")
        self.setWindowTitle(self.tr("Train from reviewed documents"))
        self.setMinimumWidth(640)
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
        self.previous = analytics.active_model(self.store)
        reviewed = len(self.store.document_ids("reviewed"))
        text = self.tr("A new model version will learn from the %1 reviewed documents. "
                       "Its held-out scores are shown next to the active version's before you choose.")  # fmt: skip
        text = text.replace("%1", str(reviewed))
        if self.previous is not None:
            text += " " + self.tr("Active now: %1.").replace("%1", self.previous.title)
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

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if text:
            self.status.setText(text)

    def _failed(self, error: BaseException) -> None:
        self._state = None
        self.progress.hide()
        self.status.setText(self.tr("Failed: %1").replace("%1", str(error) or type(error).__name__))
        self._buttons(self.train_button, self.close_button)

    # -- training -----------------------------------------------------------------------
    @Slot()
    def start(self) -> None:
        if self._state is not None:
            return
        self.previous = analytics.active_model(self.store)
        known = {m.id for m in analytics.model_versions(self.store)}
        store, trainer = self.store, self.trainer

        def work(state: TaskState) -> int | None:
            def progress(done: int, total: int = 0, text: object = "") -> None:
                state.progress(int(done), int(total), str(text))

            result = trainer.train(store, progress, state.should_stop)
            if state.should_stop():
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
        self.new = analytics.model_info(self.store, model_id)
        if self.new is None:
            self._failed(RuntimeError(f"model version {model_id} is not in the store"))
            return
        self.table.show_scores(self.previous, self.new, self.store.schema)
        self.table.show()
        self.status.setText(self._verdict())
        self.keep_button.setEnabled(self.previous is not None)
        self._buttons(self.use_new_button, self.keep_button, self.close_button)

    def _verdict(self) -> str:
        assert self.new is not None
        new_f1 = analytics.micro_f1(self.new.scores)
        old_f1 = analytics.micro_f1(self.previous.scores) if self.previous else None
        if new_f1 is None:
            return self.tr("%1 is trained; it has no held-out scores.").replace("%1", self.new.title)
        if old_f1 is None:
            return self.tr("%1: held-out F1 %2.").replace("%1", self.new.title).replace("%2", f"{new_f1:.3f}")
        return (self.tr("%1: held-out F1 %2 (the active %3: %4).")
                .replace("%1", self.new.title).replace("%2", f"{new_f1:.3f}")
                .replace("%3", self.previous.title).replace("%4", f"{old_f1:.3f}"))  # type: ignore[union-attr]  # fmt: skip

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
        except Exception as error:  # noqa: BLE001 (shown to the reviewer)
            self._failed(error)
            return
        self.modelActivated.emit(model.id)
        ids = self.store.document_ids(TODO)
        if not ids:
            self._done(self.tr("%1 is active.").replace("%1", model.title), [])
            return
        store, trainer = self.store, self.trainer
        self._running(self.tr("%1 is active. Refreshing suggestions on %2 documents to review…")
                      .replace("%1", model.title).replace("%2", str(len(ids))))  # fmt: skip

        def work(state: TaskState) -> list[int]:
            done = trainer.refresh(store, ids, state)
            return list(done) if isinstance(done, list | tuple) else ids

        def finished(done: list[int]) -> None:
            text = self.tr("%1 is active; suggestions refreshed on %2 documents.")
            self._done(text.replace("%1", model.title).replace("%2", str(len(done))), done)

        self._state = run_task(work, finished, self._failed, self._on_progress)

    def _done(self, text: str, refreshed: list[int]) -> None:
        self._state = None
        self.progress.hide()
        self.status.setText(text)
        self._buttons(self.close_button)
        if refreshed:
            self.suggestionsRefreshed.emit(refreshed)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        self.cancel()
        super().closeEvent(event)
