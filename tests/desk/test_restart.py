"""Decisions and the reading position survive closing the desk."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hakam.desk.app import build_window
from hakam.store import ACCEPTED, Store

from .conftest import fill, open_window
from .keys import CTRL, focus_text, press

K = Qt.Key


def test_restart_keeps_decisions_and_position(qtbot, db_path):
    store = Store(db_path)
    window = open_window(qtbot, store)
    press(qtbot, window.article, K.Key_PageDown, modifier=CTRL)  # next document
    assert window.session.doc.ext_id == "doc-2"
    focus_text(qtbot, window, "إدلب")
    press(qtbot, window.article, K.Key_Return)  # accept, focus moves on
    focus = window.session.focus
    accepted = [s.id for s in store.items.spans(window.session.doc.id) if s.status == ACCEPTED]
    decisions = store.decisions.log()
    window.close()
    store.close()

    store = Store(db_path)
    window = open_window(qtbot, store)
    assert window.session.doc.ext_id == "doc-2"
    assert window.session.focus == focus
    assert [s.id for s in store.items.spans(window.session.doc.id) if s.status == ACCEPTED] == accepted
    assert store.decisions.log() == decisions
    store.close()


def test_annotator_is_asked_once(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    store = Store(tmp_path / "new.sqlite")
    fill(store)
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(1) or ("سلمى", True))
    window = open_window(qtbot, store, ask_annotator=True)
    press(qtbot, window.article, K.Key_J, K.Key_Return)
    assert store.settings.get("annotator") == "سلمى"
    assert store.decisions.log()[-1]["annotator"] == "سلمى"
    window.close()
    build_window(store, ask_annotator=True).close()
    assert asked == [1]
    store.close()


def test_reopens_last_document_without_decisions(qtbot, db_path):
    store = Store(db_path)
    window = open_window(qtbot, store)
    row = window.queue.list.item(2)
    qtbot.mouseClick(
        window.queue.list.viewport(), Qt.MouseButton.LeftButton, pos=window.queue.list.visualItemRect(row).center()
    )
    assert window.session.doc.ext_id == "doc-3"
    window.close()
    store.close()
    store = Store(db_path)
    window = open_window(qtbot, store)
    assert window.session.doc.ext_id == "doc-3"
    store.close()
