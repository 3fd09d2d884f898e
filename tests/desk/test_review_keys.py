"""Reviewing spans with the keyboard; every test reads the database afterwards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from hakam.desk.session import EVENT, SPAN
from hakam.store import ACCEPTED, DELETED, IGNORED, PENDING, REJECTED, REVIEWED, TODO

from .conftest import TEXT_1, find
from .keys import CTRL, SHIFT, focus_text, focused_text, press

K = Qt.Key


def actions(store, doc_id: int) -> list[str]:
    return [d["action"] for d in store.decisions.log(doc_id)]


def test_opens_on_first_suggestion(window):
    assert window.session.doc.ext_id == "doc-1"
    assert window.session.focus[0] == EVENT and focused_text(window) == "قصفت"


def test_accept_reject_and_move_on(window, store, qtbot):
    doc = window.session.doc.id
    press(qtbot, window.article, K.Key_J)
    city = window.session.focus
    assert city[0] == SPAN and focused_text(window) == "حلب"
    press(qtbot, window.article, K.Key_Return)
    assert store.items.span(city[1]).status == ACCEPTED
    assert focused_text(window) == "الأحد"
    day = window.session.focus[1]
    press(qtbot, window.article, K.Key_X)
    assert store.items.span(day).status == REJECTED
    ministry = window.session.focus[1]
    press(qtbot, window.article, K.Key_Backspace)
    assert store.items.span(ministry).status == REJECTED
    airport = window.session.focus[1]
    press(qtbot, window.article, K.Key_A)
    assert store.items.span(airport).status == ACCEPTED
    assert actions(store, doc) == ["accept", "reject", "reject", "accept"]
    press(qtbot, window.article, K.Key_K)  # previous pending: the event at the start
    assert focused_text(window) == "قصفت"
    press(qtbot, window.article, K.Key_Tab)
    assert focused_text(window) == "الدفاع المدني"
    press(qtbot, window.article, K.Key_Backtab, modifier=SHIFT)
    assert focused_text(window) == "قصفت"


def test_relabel_with_digit(window, store, qtbot):
    focus_text(qtbot, window, "الرازي")
    item = window.session.focus[1]
    press(qtbot, window.article, K.Key_5)  # FAC
    row = store.items.span(item)
    assert (row.label, row.status) == ("FAC", ACCEPTED)
    assert actions(store, window.session.doc.id) == ["relabel"]


def test_resize_token_by_token(window, store, qtbot):
    focus_text(qtbot, window, "وزارة الدفاع")
    item = window.session.focus[1]
    start, end = find(TEXT_1, "وزارة الدفاع")
    press(qtbot, window.article, K.Key_Left, modifier=SHIFT)  # left edge one word further left: + "إن"
    assert (store.items.span(item).start, store.items.span(item).end) == find(TEXT_1, "وزارة الدفاع إن")
    press(qtbot, window.article, K.Key_Right, modifier=SHIFT)
    assert (store.items.span(item).start, store.items.span(item).end) == (start, end)
    press(qtbot, window.article, K.Key_Right, modifier=SHIFT | CTRL)  # right edge one word right: + "وقالت"
    assert (store.items.span(item).start, store.items.span(item).end) == find(TEXT_1, "وقالت وزارة الدفاع")
    press(qtbot, window.article, K.Key_Left, modifier=SHIFT | CTRL)
    press(qtbot, window.article, K.Key_Left, modifier=SHIFT | CTRL)  # and one more: only "الدفاع" is left
    assert (store.items.span(item).start, store.items.span(item).end) == find(TEXT_1, "الدفاع")
    assert store.items.span(item).status == ACCEPTED
    assert actions(store, window.session.doc.id) == ["resize"] * 5


def test_add_span_from_keyboard_selection(window, store, qtbot):
    doc = window.session.doc.id
    press(qtbot, window.article, K.Key_Escape)
    assert window.session.focus is None
    start, end = find(TEXT_1, "مستودعا")
    window.article.select(start, start)  # caret before the word
    press(qtbot, window.article, K.Key_Left, modifier=SHIFT | CTRL)  # select the next word (leftwards in RTL)
    assert window.article.selected_range() == (start, end)
    press(qtbot, window.article, K.Key_5)
    added = [s for s in store.items.spans(doc) if s.source == "manual"]
    assert [(s.start, s.end, s.label, s.status) for s in added] == [(start, end, "FAC", ACCEPTED)]
    assert window.session.focus == (SPAN, added[0].id)


def test_click_highlight_then_delete(window, store, qtbot):
    focus_text(qtbot, window, "حلب")
    item = window.session.focus[1]
    press(qtbot, window.article, K.Key_Return)
    rect = window.article.range_rects(*find(TEXT_1, "حلب"))[0]
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert window.session.focus == (SPAN, item)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and any(a.text().startswith("Geo-political") for a in menu.actions())
    menu.close()
    press(qtbot, window.article, K.Key_Delete)
    assert store.items.span(item).status == DELETED
    # the event's PLACE argument on حلب goes with it, in the same batch
    assert actions(store, window.session.doc.id) == ["accept", "delete", "delete"]
    assert store.items.events(window.session.doc.id)[0].arguments == ()


def test_accept_all(window, store, qtbot):
    doc = window.session.doc.id
    press(qtbot, window.article, K.Key_A, modifier=CTRL | SHIFT)
    assert {s.status for s in store.items.spans(doc)} == {ACCEPTED}
    assert {e.status for e in store.items.events(doc)} == {ACCEPTED}
    assert actions(store, doc) == ["accept-all"] * (len(store.items.spans(doc)) + len(store.items.events(doc)))


def test_mark_reviewed_opens_next_and_undo_comes_back(window, store, qtbot):
    first = window.session.doc.id
    press(qtbot, window.article, K.Key_Return, modifier=CTRL)
    assert store.documents.get(first).status == REVIEWED
    assert window.session.doc.ext_id == "doc-2"
    press(qtbot, window.article, K.Key_Z, modifier=CTRL)
    assert store.documents.get(first).status == TODO
    assert window.session.doc.id == first
    press(qtbot, window.article, K.Key_Z, modifier=CTRL | SHIFT)
    assert store.documents.get(first).status == REVIEWED
    assert actions(store, first) == ["review", "undo", "redo"]


def test_undo_redo_a_decision(window, store, qtbot):
    focus_text(qtbot, window, "حلب")
    item = window.session.focus[1]
    press(qtbot, window.article, K.Key_Return)
    press(qtbot, window.article, K.Key_Z, modifier=CTRL)
    assert store.items.span(item).status == PENDING
    assert window.session.spans[item].status == PENDING
    press(qtbot, window.article, K.Key_Z, modifier=CTRL | SHIFT)
    assert store.items.span(item).status == ACCEPTED
    assert window.session.spans[item].status == ACCEPTED


def test_ignore_document(window, store, qtbot):
    first = window.session.doc.id
    press(qtbot, window.article, K.Key_I, modifier=CTRL)
    assert store.documents.get(first).status == IGNORED
    assert window.session.doc.ext_id == "doc-2"
    assert first not in window.queue.ids()


def test_status_bar_counts(window, store, qtbot):
    press(qtbot, window.article, K.Key_Return, modifier=CTRL)
    qtbot.waitUntil(lambda: window.progress_label.text().startswith("1 of 3 reviewed · 1 decisions today"))
