"""Train from reviewed, with a fake trainer: progress, scores beside the active
version's, make active or roll back, refresh of the documents to review."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from pytestqt.qtbot import QtBot
from tests.dashboard.conftest import scores

from hakam.desk.training import SuggestTrainer, TrainingDialog
from hakam.store import Store


class FakeTrainer(SuggestTrainer):
    """Registers a version like ``train_from_store`` would; ``gate`` holds it mid-way.
    Activation is the real one (``SuggestTrainer.activate``); refreshing is recorded."""

    def __init__(self, gate: threading.Event | None = None):
        self.gate = gate
        self.refreshed: list[int] = []

    def train(self, store: Store, progress: Callable[[str, int, int], None], should_stop: Callable[[], bool]) -> object:
        for step, stage in enumerate(("reading", "held-out model", "final model"), 1):
            progress(stage, step, 3)
            if self.gate is not None:
                self.gate.wait(5)
            if should_stop():
                return None
        reviewed = len(store.documents.ids("reviewed"))
        model_id = store.models.register("crf", "4", "crf", scores=scores(0.7), train_documents=reviewed)
        return type("TrainResult", (), {"model_version_id": model_id})()

    def refresh(self, store: Store, document_ids: Sequence[int], progress: object, should_stop: object) -> int:
        self.refreshed = list(document_ids)
        return len(self.refreshed)


def dialog(qtbot: QtBot, store: Store, trainer: FakeTrainer) -> TrainingDialog:
    widget = TrainingDialog(store, trainer)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_train_shows_new_scores_beside_the_active_ones(qtbot: QtBot, filled_store: Store) -> None:
    trainer = FakeTrainer()
    widget = dialog(qtbot, filled_store, trainer)
    assert "5 reviewed documents" in widget.intro.text() and "crf 2" in widget.intro.text()
    widget.train_button.click()
    qtbot.waitUntil(lambda: widget.use_new_button.isVisible())
    assert widget.new is not None
    trainer_id = widget.new.id
    new = filled_store.models.info(trainer_id)
    assert new is not None and new.version == "4" and new.train_documents == 5
    table = widget.table
    cells = {table.item(r, 0).text(): [table.item(r, c).text() if table.item(r, c) else "" for c in range(1, 8)]
             for r in range(table.rowCount())}  # fmt: skip
    micro = cells["All entities (micro)"]
    assert (micro[2], micro[5], micro[6]) == ("0.580", "0.700", "\u200e+0.120")
    assert cells["Geo-political entity"][2] == "0.850" and cells["Airstrike"][5] == "0.440"
    assert cells["Training documents"][0] == "4" and cells["Training documents"][3] == "5"
    assert "0.700" in widget.status.text() and "0.580" in widget.status.text()
    assert cells["Held-out documents"][3] == "1"
    assert "Only 1 held-out documents: too few to trust these scores" in widget.status.text()
    with qtbot.waitSignal(widget.suggestionsRefreshed) as refreshed:
        widget.use_new_button.click()
    assert refreshed.args == [filled_store.documents.ids("todo")] and trainer.refreshed == refreshed.args[0]
    assert filled_store.models.active().id == trainer_id
    assert widget.close_button.isVisible() and not widget.keep_button.isVisible()


def test_keep_the_previous_version_rolls_back(qtbot: QtBot, filled_store: Store) -> None:
    trainer = FakeTrainer()
    widget = dialog(qtbot, filled_store, trainer)
    previous = filled_store.models.active()
    widget.train_button.click()
    qtbot.waitUntil(lambda: widget.keep_button.isVisible())
    with qtbot.waitSignal(widget.modelActivated) as activated:
        widget.keep_button.click()
    assert activated.args == [previous.id]
    assert filled_store.models.active().version == "2"
    assert len(filled_store.stats.learning_curve()) == 4  # the new version stays on record


def test_cancel_stops_training_and_changes_nothing(qtbot: QtBot, filled_store: Store) -> None:
    gate = threading.Event()
    widget = dialog(qtbot, filled_store, FakeTrainer(gate))
    widget.train_button.click()
    qtbot.waitUntil(lambda: widget.progress.maximum() == 3)
    assert widget.cancel_button.isVisible() and widget.status.text() == "Reading the reviewed documents…"
    widget.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: "cancelled" in widget.status.text())
    assert len(filled_store.models.versions()) == 3 and widget.train_button.isVisible()


def test_failure_is_reported(qtbot: QtBot, filled_store: Store) -> None:
    trainer = FakeTrainer()
    trainer.train = lambda *args: (_ for _ in ()).throw(RuntimeError("no reviewed spans"))
    widget = dialog(qtbot, filled_store, trainer)
    widget.train_button.click()
    qtbot.waitUntil(lambda: "no reviewed spans" in widget.status.text())
    assert widget.train_button.isVisible()


def test_scores_table_titles_are_never_cut(qtbot: QtBot, filled_store: Store) -> None:
    from hakam.desk.training_table import ScoresTable

    table = ScoresTable()
    qtbot.addWidget(table)
    new = filled_store.models.active()
    table.show_scores(None, new, filled_store.schema)
    metrics = table.fontMetrics()
    for first in (1, 4):
        title = table.item(0, first).text()
        assert sum(table.columnWidth(c) for c in range(first, first + 3)) >= metrics.horizontalAdvance(title) + 12
    assert table.item(0, 1).text() == "no active version"
    header = table.horizontalHeader()
    for column in range(1, 8):
        text = table.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text), text
