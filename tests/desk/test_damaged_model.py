"""A damaged active CRF model: the desk still suggests (with the rules) and says why (issue 16)."""

from __future__ import annotations

from hakam.core.model import Span
from hakam.suggest import training

from .conftest import TEXT_1, find


class _Rules:
    name, version = "rules", "1"

    def suggest(self, doc):
        start, end = find(doc.text, "حلب", 1)
        return [Span(start, end, "GPE", 0.9, "rules@1")], []


def test_a_damaged_active_model_is_left_out_and_said(window, store, monkeypatch, qtbot):
    store.models.activate(store.models.register("crf", "3", "crf", blob=b"HAKAM-CRF 2\n{}\n damaged"))
    monkeypatch.setattr(training, "suggester_for_store", lambda _store: _Rules())
    window.work.suggest_current()
    second = find(TEXT_1, "حلب", 1)
    qtbot.waitUntil(lambda: any((s.start, s.end) == second for s in window.session.spans.values()))
    qtbot.waitUntil(lambda: "Rules only:" in window.statusBar().currentMessage())
    message = window.statusBar().currentMessage()
    assert "the active CRF model 3 cannot be used (damaged CRF model" in message


def test_help_menu_checks_the_database(window, store, qtbot):
    from PySide6.QtWidgets import QMessageBox

    help_menu = window.menuBar().actions()[-1].menu()
    action = next(a for a in help_menu.actions() if a.text() == "Check the database")
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "check-result") is not None, timeout=20000)
    box = window.findChild(QMessageBox, "check-result")
    assert box.text() == "The database is sound."
    box.close()


def test_after_an_unclean_shutdown_the_database_is_checked(store, qtbot):
    import subprocess
    import sys

    from .conftest import open_window

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    store.settings.set("desk_open", str(gone.pid))  # left by a desk that was killed
    window = open_window(qtbot, store)
    qtbot.waitUntil(lambda: "not closed properly" in window.statusBar().currentMessage(), timeout=20000)
    assert "the database was checked and is sound" in window.statusBar().currentMessage()
    window.close()
    assert store.settings.get("desk_open") == ""  # closed properly this time


def test_a_running_desk_is_not_taken_for_a_crash(store, qtbot):
    import os

    from .conftest import open_window

    store.settings.set("desk_open", str(os.getppid()))  # another desk, still running
    window = open_window(qtbot, store)
    qtbot.wait(200)
    assert "not closed properly" not in window.statusBar().currentMessage()
