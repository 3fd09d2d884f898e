"""A decision the database cannot take now (another process holds the write lock
too long) is kept, shown in the status bar, retried and written: never dropped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.store.test_soundness import hold_write_lock

from hakam.store import ACCEPTED, PENDING, REJECTED, Store
from hakam.store import database as store_database

from .conftest import open_window
from .keys import focused_text, press

K = Qt.Key


def test_a_decision_waits_while_the_database_is_locked_and_is_written_after(qtbot, db_path, monkeypatch):
    monkeypatch.setattr(store_database, "BUSY_TIMEOUT", 0.1)  # give up on the lock at once, to retry later
    store = Store(db_path)
    window = open_window(qtbot, store)
    press(qtbot, window.article, K.Key_J)
    city = window.session.focus[1]
    assert focused_text(window) == "حلب"
    holder = hold_write_lock(store.path, 2.5)  # a long import in another process, say
    press(qtbot, window.article, K.Key_Return)
    assert len(window.session.waiting) == 1
    assert "Database unavailable, retrying" in window.statusBar().currentMessage()
    press(qtbot, window.article, K.Key_J)  # the reviewer carries on…
    day = window.session.focus[1]
    assert day != city and focused_text(window) == "الأحد"
    press(qtbot, window.article, K.Key_X)  # …and decides again while the first one waits
    assert len(window.session.waiting) == 2
    assert holder.poll() is None and store.items.span(city).status == PENDING  # not written yet, not lost
    qtbot.waitUntil(lambda: not window.session.waiting, timeout=15_000)
    assert holder.wait() == 0
    assert store.items.span(city).status == ACCEPTED and store.items.span(day).status == REJECTED
    assert [d["action"] for d in store.decisions.log()] == ["accept", "reject"]  # in the order made
    assert "waiting decisions written" in window.statusBar().currentMessage()
    store.close()


def test_closing_with_waiting_decisions_asks_first_and_stays_by_default(qtbot, db_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(store_database, "BUSY_TIMEOUT", 0.1)
    store = Store(db_path)
    window = open_window(qtbot, store)
    press(qtbot, window.article, K.Key_J)
    city = window.session.focus[1]
    holder = hold_write_lock(store.path, 2.0)
    press(qtbot, window.article, K.Key_Return)
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.No)
    assert not window.close()  # the reviewer said no: the window stays, the decision waits
    assert window.isVisible() and "1 decisions are not saved yet" in asked[0]
    qtbot.waitUntil(lambda: not window.session.waiting, timeout=15_000)
    assert holder.wait() == 0 and store.items.span(city).status == ACCEPTED
    assert window.close() and len(asked) == 1  # nothing waiting: no question
    store.close()
