"""Events: type keys, creating from a selection, roles, attributes and verdicts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from hakam.desk.session import EVENT
from hakam.store import ACCEPTED, REJECTED

from .conftest import TEXT_1, find
from .keys import focus_text, focused_text, press

K = Qt.Key


def strike(store, doc_id: int):
    return next(e for e in store.items.events(doc_id, include_closed=True) if e.start == 0)


def test_type_by_keys_and_combo(window, store, qtbot):
    doc = window.session.doc.id
    assert focused_text(window) == "قصفت"
    press(qtbot, window.article, K.Key_E, K.Key_S)
    assert strike(store, doc).type == "SHELLING"
    card = window.side.card
    assert card.type.currentData() == "SHELLING"
    card.type.setFocus()
    press(qtbot, card.type, K.Key_Down)
    assert strike(store, doc).type == card.type.currentData() != "SHELLING"
    assert [d["action"] for d in store.decisions.log(doc)] == ["event-retype", "event-retype"]


def test_event_from_selected_trigger(window, store, qtbot):
    doc = window.session.doc.id
    press(qtbot, window.article, K.Key_Escape)
    start, end = find(TEXT_1, "الغارات")
    window.article.select(start, end)
    press(qtbot, window.article, K.Key_E, K.Key_A)
    added = [e for e in store.items.events(doc) if e.source == "manual"]
    assert [(e.start, e.end, e.type, e.status) for e in added] == [(start, end, "AIRSTRIKE", ACCEPTED)]
    assert window.session.focus == (EVENT, added[0].id)
    assert window.side.card.header.text().startswith("«الغارات»")


def test_arguments_by_role_keys_and_card(window, store, qtbot):
    doc = window.session.doc.id
    event_id = window.session.focus[1]
    focus_text(qtbot, window, "مطار حلب الدولي")
    assert window.session.current_event == event_id  # the card stays on its event
    press(qtbot, window.article, K.Key_R, K.Key_T)
    airport = find(TEXT_1, "مطار حلب الدولي")
    arguments = {(a.role, a.start, a.end) for a in strike(store, doc).arguments}
    assert ("TARGET", *airport) in arguments
    # a selection works too
    press(qtbot, window.article, K.Key_Escape)
    window.article.select(*find(TEXT_1, "طائرات حربية"))
    press(qtbot, window.article, K.Key_R, K.Key_I)
    assert ("INSTRUMENT", *find(TEXT_1, "طائرات حربية")) in {
        (a.role, a.start, a.end) for a in strike(store, doc).arguments
    }
    # remove the TARGET row from the card
    card = window.side.card
    rows = [card.arguments.topLevelItem(n) for n in range(card.arguments.topLevelItemCount())]
    row = next(r for r in rows if r.text(1) == "مطار حلب الدولي")
    card.arguments.setCurrentItem(row)
    qtbot.mouseClick(card.findChild(QPushButton, "event-remove-argument"), Qt.MouseButton.LeftButton)
    assert ("TARGET", *airport) not in {(a.role, a.start, a.end) for a in strike(store, doc).arguments}
    assert card.arguments.topLevelItemCount() == len(strike(store, doc).arguments) == 2


def test_attribute_validation(window, store, qtbot):
    doc = window.session.doc.id
    card = window.side.card
    field = card.fields["fatalities"]
    field.setFocus()

    def enter(widget, text: str) -> None:
        widget.selectAll()
        qtbot.keyClick(widget, K.Key_Backspace)
        qtbot.keyClicks(widget, text)
        qtbot.keyClick(widget, K.Key_Return)

    for bad in ("abc", "-2", "2.5"):
        enter(field, bad)
        assert card.error.isVisible() and "whole number" in card.error.text()
        assert strike(store, doc).attributes == {"fatalities": 7}
    enter(field, "9")
    assert not card.error.isVisible()
    assert strike(store, doc).attributes == {"fatalities": 9}
    date = card.fields["date"]
    date.setFocus()
    enter(date, "15/10/2024")
    assert card.error.isVisible() and "YYYY-MM-DD" in card.error.text()
    enter(date, "2024-10-15")
    assert strike(store, doc).attributes == {"fatalities": 9, "date": "2024-10-15"}
    enter(field, "")
    assert strike(store, doc).attributes == {"date": "2024-10-15"}


def test_event_verdicts(window, store, qtbot):
    doc = window.session.doc.id
    card = window.side.card
    qtbot.mouseClick(card.findChild(QPushButton, "event-reject"), Qt.MouseButton.LeftButton)
    assert strike(store, doc).status == REJECTED
    press(qtbot, window.article, K.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)
    window.session.set_focus((EVENT, strike(store, doc).id))
    press(qtbot, window.article, K.Key_Return)
    assert strike(store, doc).status == ACCEPTED
    assert [d["action"] for d in store.decisions.log(doc)] == ["event-reject", "undo", "event-accept"]
