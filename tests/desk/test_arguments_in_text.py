"""Issue 15, items 2–4: the selected event's arguments are drawn in the text, walked
with G, given another role with R, removed with Delete; the card's buttons are
reached by Tab and its table shows every row; an argument follows its entity."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QPushButton

from hakam.desk.session import EVENT

from .conftest import TEXT_1, find
from .keys import CTRL, SHIFT, focus_text, focused_text, press

K = Qt.Key


def strike(store, doc_id: int):
    return next(e for e in store.items.events(doc_id, include_closed=True) if e.start == 0)


def arguments(store, doc_id: int) -> set[tuple[str, int, int]]:
    return {(a.role, a.start, a.end) for a in strike(store, doc_id).arguments}


def test_walk_change_role_and_remove_by_keys(window, store, qtbot):
    doc = window.session.doc.id
    assert focused_text(window) == "قصفت"
    city = find(TEXT_1, "حلب")
    press(qtbot, window.article, K.Key_G)
    assert window.session.argument == 0 and window.session.caret == city[0]
    assert window.side.card.arguments.currentItem().text(1) == "حلب"
    press(qtbot, window.article, K.Key_R, K.Key_T)
    assert arguments(store, doc) == {("TARGET", *city)}
    assert window.session.argument == 0
    press(qtbot, window.article, K.Key_Delete)
    assert arguments(store, doc) == set()
    assert [d["action"] for d in store.decisions.log(doc)] == ["event-argument", "event-argument-remove"]
    press(qtbot, window.article, K.Key_Z, modifier=CTRL)
    assert arguments(store, doc) == {("TARGET", *city)}


def test_arguments_are_drawn_in_the_event_colour(window, store, qtbot):
    window.article.viewport().repaint()
    rect = window.article.range_rects(*find(TEXT_1, "حلب"))[0]
    image = window.article.viewport().grab().toImage()
    red = QColor("#c92a2a")

    def near_red(x: int, y: int) -> bool:
        c = image.pixelColor(x, y)
        return abs(c.red() - red.red()) + abs(c.green() - red.green()) + abs(c.blue() - red.blue()) < 90

    box = rect.adjusted(-3, 2, 3, -2).toRect()
    assert any(near_red(x, box.bottom()) for x in range(box.left(), box.right()))
    window.session.set_focus(None)
    window.session.current_event = None
    window.session.eventChanged.emit(None)
    window.article.viewport().repaint()
    image = window.article.viewport().grab().toImage()
    assert not any(near_red(x, box.bottom()) for x in range(box.left(), box.right()))


def test_card_buttons_by_tab_and_every_row_shown(window, store, qtbot):
    doc = window.session.doc.id
    event_id = window.session.focus[1]
    for word, keys in (("وزارة الدفاع", (K.Key_R, K.Key_A)), ("مطار حلب الدولي", (K.Key_R, K.Key_T)),
                       ("الدفاع المدني", (K.Key_R, K.Key_A))):  # fmt: skip
        focus_text(qtbot, window, word)
        press(qtbot, window.article, *keys)
    assert len(strike(store, doc).arguments) == 4
    table = window.side.card.arguments
    last = table.visualItemRect(table.topLevelItem(3))
    assert last.height() > 0 and table.viewport().rect().contains(last)  # the fourth row is not cut
    card = window.side.card
    card.role.setFocus()
    press(qtbot, card.role, K.Key_Tab)
    assert QApplication.focusWidget() is card.findChild(QPushButton, "event-add-argument")
    table.setFocus()
    press(qtbot, table, K.Key_Tab)
    assert QApplication.focusWidget() is card.findChild(QPushButton, "event-remove-argument")
    window.session.set_focus((EVENT, event_id))
    table.setCurrentItem(table.topLevelItem(0))
    assert window.session.argument == 0
    table.setFocus()
    press(qtbot, table, K.Key_Tab)
    press(qtbot, QApplication.focusWidget(), K.Key_Space)  # the focused Remove button
    assert len(strike(store, doc).arguments) == 3


def test_an_argument_follows_its_entity(window, store, qtbot):
    doc = window.session.doc.id
    focus_text(qtbot, window, "حلب")
    press(qtbot, window.article, K.Key_Left, modifier=SHIFT)  # grow the span one word: حلب صباح
    assert arguments(store, doc) == {("PLACE", *find(TEXT_1, "حلب صباح"))}
    batches = {d["batch"] for d in store.decisions.log(doc)}
    assert len(batches) == 1  # the span and its argument moved in one decision batch
    press(qtbot, window.article, K.Key_Z, modifier=CTRL)
    assert arguments(store, doc) == {("PLACE", *find(TEXT_1, "حلب"))}
    window.session.set_focus(None)
    focus_text(qtbot, window, "حلب")
    press(qtbot, window.article, K.Key_4)  # relabel: the argument stays
    assert arguments(store, doc) == {("PLACE", *find(TEXT_1, "حلب"))}
    window.session.set_focus(None)
    press(qtbot, window.article, K.Key_P)  # back to the accepted span
    while focused_text(window) != "حلب":
        press(qtbot, window.article, K.Key_P)
    press(qtbot, window.article, K.Key_Delete)
    assert arguments(store, doc) == set()
    press(qtbot, window.article, K.Key_Z, modifier=CTRL)
    assert arguments(store, doc) == {("PLACE", *find(TEXT_1, "حلب"))}
