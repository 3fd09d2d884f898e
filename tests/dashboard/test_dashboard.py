"""The dashboard draws the store's real figures, follows decisions and exports PNGs."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from hakam.desk.dashboard import Dashboard
from hakam.store import Store


def bars(dashboard: Dashboard, key: str) -> dict[str, float]:
    """Category name -> bar length, as drawn."""
    card = dashboard.cards[key]
    [item] = [i for i in card.item.items if isinstance(i, pg.BarGraphItem)]
    names = dict(card.item.getAxis("left")._tickLevels[0])
    return {names[y]: w for y, w in zip(item.opts["y"], item.opts["width"])}


def shown(qtbot: QtBot, store: Store) -> Dashboard:
    dashboard = Dashboard(store)
    qtbot.addWidget(dashboard)
    dashboard.resize(1100, 900)
    with qtbot.waitSignal(dashboard.refreshed):
        dashboard.show()
    return dashboard


def test_shows_the_figures_of_the_store(qtbot: QtBot, filled_store: Store) -> None:
    dashboard = shown(qtbot, filled_store)
    counts = filled_store.stats.counts()
    schema = filled_store.schema
    assert bars(dashboard, "entities") == {schema.entities[k].en: v for k, v in counts["entities_by_label"].items()}
    assert bars(dashboard, "events") == {schema.events[k].en: v for k, v in counts["events_by_type"].items()}
    assert "5 of 6 documents reviewed" in dashboard.totals.text()
    summary = dashboard.summary
    assert summary is not None and [d.total for d in summary.reviewed_per_day] == [2, 4, 5]
    assert set(summary.actions_per_hour) == {"amal", "badr"}
    assert [p.f1 for p in summary.learning_curve] == [0.41, 0.58, 0.63]
    rates = bars(dashboard, "models")
    rules = summary.acceptance_by_model["rules@1"]
    assert rates["rules@1"] == pytest.approx(100 * rules.accepted / rules.decided)


def test_refresh_after_a_decision(qtbot: QtBot, filled_store: Store) -> None:
    dashboard = shown(qtbot, filled_store)
    [todo] = filled_store.documents.ids("todo")
    before = bars(dashboard, "entities")
    pending = [s for s in filled_store.items.spans(todo) if s.status == "pending"]
    for span in pending:
        filled_store.decisions.accept(span.id)
    with qtbot.waitSignal(dashboard.refreshed):
        dashboard.refresh()
        dashboard.refresh()  # a burst is read once
    after = bars(dashboard, "entities")
    assert sum(after.values()) == sum(before.values()) + len(pending)


def test_empty_store_shows_placeholders(qtbot: QtBot, tmp_path: Path) -> None:
    dashboard = shown(qtbot, Store(tmp_path / "empty.sqlite"))
    assert dashboard.cards["curve"].empty.textItem.toPlainText() == "No trained model yet"
    assert "0 of 0" in dashboard.totals.text()


def test_hidden_dashboard_catches_up_when_shown(qtbot: QtBot, filled_store: Store) -> None:
    dashboard = Dashboard(filled_store)
    qtbot.addWidget(dashboard)
    dashboard.refresh()
    assert dashboard.summary is None  # not read while hidden
    with qtbot.waitSignal(dashboard.refreshed):
        dashboard.show()
    assert dashboard.summary is not None


def test_export_plot_as_png(qtbot: QtBot, filled_store: Store, tmp_path: Path) -> None:
    dashboard = shown(qtbot, filled_store)
    for key in dashboard.cards:
        path = dashboard.export_png(key, tmp_path / f"{key}.png")
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 100 and image.height() > 100
