"""Background work: the worker helper, suggestions, import errors and export."""

from __future__ import annotations

import threading

import orjson
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from hakam.core.model import Span
from hakam.desk.worker import run_task
from hakam.suggest import training

from .conftest import TEXT_1, find


def test_run_task_reports_on_gui_thread(qtbot):
    seen: dict = {}

    def work(state):
        state.progress(1, 2)
        return threading.current_thread() is threading.main_thread()

    def done(result):
        seen.update(worker_on_main=result, callback_on_main=threading.current_thread() is threading.main_thread())

    run_task(work, done, lambda error: seen.update(error=error), lambda d, t, _: seen.setdefault("progress", (d, t)))
    qtbot.waitUntil(lambda: "callback_on_main" in seen)
    assert seen == {"worker_on_main": False, "callback_on_main": True, "progress": (1, 2)}

    def broken(_state):
        raise ValueError("boom")

    run_task(broken, lambda _: None, lambda error: seen.update(error=error))
    qtbot.waitUntil(lambda: "error" in seen)
    assert str(seen["error"]) == "boom"


class _FakeSuggester:
    name, version = "fake", "1"

    def suggest(self, doc):
        start, end = find(doc.text, "حلب", 1)
        return [Span(start, end, "GPE", 0.99, "fake@1")], []


@pytest.fixture
def fake_suggester(monkeypatch):
    monkeypatch.setattr(training, "suggester_for_store", lambda _store: _FakeSuggester())


def test_suggest_in_background_then_reload(window, store, fake_suggester, qtbot):
    doc = window.session.doc.id
    window.work.suggest_current()
    assert window.work.bar.isVisible()
    second = find(TEXT_1, "حلب", 1)
    qtbot.waitUntil(lambda: any((s.start, s.end) == second for s in window.session.spans.values()))
    assert any((s.start, s.end, s.source) == (*second, "fake@1") for s in store.items.spans(doc))
    qtbot.waitUntil(lambda: not window.work.bar.isVisible())


def test_import_error_names_file_and_line(window, tmp_path, monkeypatch, qtbot):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص سليم", "id": "ok"}\n{"text": \n', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], ""))
    window.work.import_files()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "task-error") is not None)
    box = window.findChild(QMessageBox, "task-error")
    assert box.isVisible() and str(bad) in box.text() and "line 2" in box.text()
    box.close()
    assert window.store.documents.by_ext_id("ok") is None  # nothing from the bad file


def test_export_reviewed(window, store, tmp_path, monkeypatch, qtbot):
    store.decisions.mark_reviewed(window.session.doc.id)
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.work.export_file()
    qtbot.waitUntil(out.exists)
    records = [orjson.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1 and records[0]["text"] == TEXT_1
