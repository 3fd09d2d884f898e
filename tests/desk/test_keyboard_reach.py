"""Issue 15, item 1: every item reachable by keyboard — N/P walk accepted items too,
the focus follows the caret, and Enter on a side-list row focuses the item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hakam.desk.session import SPAN
from hakam.store import ACCEPTED

from .keys import CTRL, focus_text, focused_text, press

K = Qt.Key


def test_walk_reaches_an_accepted_item_and_fixes_it(window, store, qtbot):
    focus_text(qtbot, window, "حلب")
    city = window.session.focus
    press(qtbot, window.article, K.Key_Return)  # accepted by mistake: focus moves on
    assert store.items.span(city[1]).status == ACCEPTED and window.session.focus != city
    for _ in range(10):  # J visits pending suggestions only
        press(qtbot, window.article, K.Key_J)
        assert window.session.focus != city
    focus_text(qtbot, window, "الأحد")
    press(qtbot, window.article, K.Key_P)  # previous item, accepted ones too
    assert window.session.focus == city
    press(qtbot, window.article, K.Key_4)  # it was a place, not a GPE
    assert (store.items.span(city[1]).label, store.items.span(city[1]).status) == ("LOC", ACCEPTED)
    press(qtbot, window.article, K.Key_N)
    assert focused_text(window) == "الأحد"


def test_focus_follows_the_caret(window, store, qtbot):
    press(qtbot, window.article, K.Key_Home, modifier=CTRL)
    seen = []
    for _ in range(12):  # word by word (Ctrl+← in right-to-left text)
        press(qtbot, window.article, K.Key_Left, modifier=CTRL)
        seen.append(focused_text(window))
        if seen[-1] == "حلب":
            break
    assert seen[-1] == "حلب" and "" in seen  # plain words in between focus nothing
    city = window.session.focus
    press(qtbot, window.article, K.Key_Return)
    assert store.items.span(city[1]).status == ACCEPTED


def test_enter_on_a_side_list_row_focuses_the_item(window, store, qtbot):
    press(qtbot, window.article, K.Key_F7)
    entities = window.side.entities
    assert QApplication.focusWidget() is entities
    press(qtbot, entities, K.Key_End)
    press(qtbot, entities, K.Key_Return)
    assert focused_text(window) == "الرازي" and window.session.focus[0] == SPAN
    assert QApplication.focusWidget() is window.article
    item = window.session.focus[1]
    press(qtbot, window.article, K.Key_2)
    assert (store.items.span(item).label, store.items.span(item).status) == ("ORG", ACCEPTED)
    press(qtbot, window.article, K.Key_F8)
    assert QApplication.focusWidget() is window.side.events
    press(qtbot, window.side.events, K.Key_Return)
    assert focused_text(window) == "قصفت"
    press(qtbot, window.article, K.Key_Return)
    assert store.items.events(window.session.doc.id)[0].status == ACCEPTED
