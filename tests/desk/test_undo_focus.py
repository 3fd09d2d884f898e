"""Issue 15, item 9: undo focuses the item it changed and says what was undone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hakam.store import PENDING

from .keys import CTRL, SHIFT, focus_text, focused_text, press

K = Qt.Key


def test_undo_relabel_focuses_the_item_and_says_so(window, store, qtbot):
    focus_text(qtbot, window, "الرازي")
    item = window.session.focus
    press(qtbot, window.article, K.Key_5)  # relabel FAC: focus moves to the next suggestion
    assert window.session.focus != item
    press(qtbot, window.article, K.Key_Z, modifier=CTRL)
    assert (store.items.span(item[1]).label, store.items.span(item[1]).status) == ("PERS", PENDING)
    assert window.session.focus == item
    assert window.statusBar().currentMessage() == "Undone: Relabel «الرازي»"
    press(qtbot, window.article, K.Key_Z, modifier=CTRL | SHIFT)
    assert store.items.span(item[1]).label == "FAC"
    assert window.session.focus == item
    assert window.statusBar().currentMessage() == "Redone: Relabel «الرازي»"


def test_undo_accept_focuses_it_again(window, store, qtbot):
    focus_text(qtbot, window, "الأحد")
    day = window.session.focus
    press(qtbot, window.article, K.Key_Return)
    press(qtbot, window.article, K.Key_Return)
    press(qtbot, window.article, K.Key_Z, modifier=CTRL)
    press(qtbot, window.article, K.Key_Z, modifier=CTRL)
    assert store.items.span(day[1]).status == PENDING and window.session.focus == day
    assert focused_text(window) == "الأحد"
    assert window.statusBar().currentMessage() == "Undone: Accept «الأحد»"
