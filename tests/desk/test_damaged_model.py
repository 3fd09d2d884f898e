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
