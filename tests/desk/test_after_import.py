"""Issue 15, item 8: after an import the desk suggests for the new documents in the
background; folders import; an empty database loads the samples from the Help menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from hakam.core.model import Span
from hakam.store import PENDING, Store
from hakam.suggest import training

from .conftest import open_window
from .keys import CTRL, SHIFT, press

K = Qt.Key


class FirstWord:
    name, version = "fake", "1"

    def suggest(self, doc):
        end = doc.text.index(" ")
        return [Span(0, end, "GPE", 0.9, "fake@1")], []


@pytest.fixture
def fake_suggester(monkeypatch):
    monkeypatch.setattr(training, "suggester_for_store", lambda _store: FirstWord())


def test_import_a_folder_then_suggestions_arrive(window, store, tmp_path, fake_suggester, monkeypatch, qtbot):
    folder = tmp_path / "news"
    folder.mkdir()
    for n, text in enumerate(("دمشق تشهد اشتباكات عنيفة.", "الموصل تستعيد هدوءها بعد أسابيع.")):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    before = set(store.documents.ids())
    press(qtbot, window.article, K.Key_O, modifier=CTRL | SHIFT)
    qtbot.waitUntil(lambda: len(store.documents.ids()) == len(before) + 2)
    new = [i for i in store.documents.ids() if i not in before]
    qtbot.waitUntil(lambda: all(store.items.spans(i) for i in new), timeout=10000)
    assert all(s.status == PENDING and s.source == "fake@1" for i in new for s in store.items.spans(i))
    qtbot.waitUntil(lambda: "Suggestions ready for 2 documents" in window.statusBar().currentMessage())


def test_empty_database_loads_the_samples(tmp_path, fake_suggester, qtbot):
    store = Store(tmp_path / "empty.sqlite", annotator="amal")
    store.settings.set("annotator", "amal")
    window = open_window(qtbot, store)
    assert window.session.doc is None and "Load the sample articles" in window.article.placeholderText()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    load = next(a for a in help_menu.actions() if a.text() == "Load the sample articles")
    load.trigger()
    qtbot.waitUntil(lambda: window.session.doc is not None, timeout=10000)
    ids = store.documents.ids()
    assert len(ids) == 12
    qtbot.waitUntil(lambda: all(store.items.spans(i) for i in ids), timeout=10000)
    qtbot.waitUntil(lambda: bool(window.session.spans))  # the open document shows its suggestions
    window.close()
    store.close()
