"""Issue 15, item 6: F9 opens the dashboard at a usable size, its figures are read on
the background helper (never on the GUI thread), and it follows decisions."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from .keys import focus_text, press

K = Qt.Key


def test_f9_opens_a_usable_dashboard_read_in_the_background(window, store, qtbot, monkeypatch):
    threads: list[threading.Thread] = []
    summary = store.stats.summary

    def recorded():
        threads.append(threading.current_thread())
        return summary()

    monkeypatch.setattr(store.stats, "summary", recorded)
    press(qtbot, window.article, K.Key_F9)
    dashboard = window.tools.dashboard
    qtbot.waitUntil(lambda: dashboard.summary is not None, timeout=10000)
    assert threads and all(t is not threading.main_thread() for t in threads)
    dock = window.tools.dock
    assert dock.isVisible() and dock.height() >= 320
    card = dashboard.cards["reviewed"]
    assert card.visibleRegion().boundingRect().height() >= 150  # a chart is in sight, not just a title
    window.article.setFocus()
    before = sum(dashboard.summary.entity_counts.values())
    focus_text(qtbot, window, "حلب")
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        press(qtbot, window.article, K.Key_Return)
    assert sum(dashboard.summary.entity_counts.values()) == before + 1
    assert len(threads) >= 2
