"""Issue 15, item 5: selections snap to whole words (without the proclitic); W selects
the caret's word and grows it word by word, distinct from resizing a highlight."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hakam.desk.session import SPAN
from hakam.desk.words import Words
from hakam.store import ACCEPTED

from .conftest import TEXT_1, find
from .keys import SHIFT, focus_text, press

K = Qt.Key


def test_words_snap_without_proclitic_and_punctuation():
    text = "وبالباغوز قالت وزارة الدفاع، لدمشق"
    words = Words(text)
    assert words.snap(0, 9) == (2, 9)  # وبالباغوز → الباغوز
    assert words.snap(4, 5) == (2, 9)  # a few letters → the whole word
    assert words.snap(*find(text, "وزارة الدفاع،")) == find(text, "وزارة الدفاع")
    assert words.snap(*find(text, "،")) is None
    assert words.word_at(find(text, "قالت")[0] + 2) == find(text, "قالت")
    start, end = find(text, "قالت")
    assert words.grow(start, end, 2) == (start, find(text, "الدفاع")[1])
    assert words.grow(start, find(text, "الدفاع")[1], -1) == (start, find(text, "وزارة")[1])


def test_mouse_selection_snaps_to_words(window, store, qtbot):
    start, end = find(TEXT_1, "مستودعا")
    window.article.select(start + 2, start + 4)  # as a mouse drag inside the word
    assert window.session.focus is None  # a selection replaces the focus
    press(qtbot, window.article, K.Key_5)
    added = [s for s in store.items.spans(window.session.doc.id) if s.source == "manual"]
    assert [(s.start, s.end, s.label) for s in added] == [(start, end, "FAC")]


def test_w_selects_and_grows_by_words_then_labels(window, store, qtbot):
    doc = window.session.doc.id
    focus_text(qtbot, window, "وزارة الدفاع")
    item = window.session.focus[1]
    before = (store.items.span(item).start, store.items.span(item).end)
    start = find(TEXT_1, "مستودعا")[0]
    window.article.select(start + 1, start + 1)  # the caret inside the word (a click)
    press(qtbot, window.article, K.Key_W)
    assert window.article.selected_range() == find(TEXT_1, "مستودعا")
    press(qtbot, window.article, K.Key_W, K.Key_W)
    assert window.article.selected_range() == find(TEXT_1, "مستودعا للذخيرة قرب")
    press(qtbot, window.article, K.Key_W, modifier=SHIFT)
    assert window.article.selected_range() == find(TEXT_1, "مستودعا للذخيرة")
    press(qtbot, window.article, K.Key_Left, modifier=SHIFT)  # with a selection, Shift+← never resizes a highlight
    assert (store.items.span(item).start, store.items.span(item).end) == before
    press(qtbot, window.article, K.Key_W, modifier=SHIFT)
    press(qtbot, window.article, K.Key_W)
    press(qtbot, window.article, K.Key_5)
    added = [s for s in store.items.spans(doc) if s.source == "manual"]
    assert [(s.start, s.end, s.label, s.status) for s in added] == [(*find(TEXT_1, "مستودعا للذخيرة"), "FAC", ACCEPTED)]
    assert window.session.focus == (SPAN, added[0].id)
    assert [d["action"] for d in store.decisions.log(doc)] == ["add"]


def test_a_mouse_drag_is_shown_snapped(window, qtbot):
    start, end = find(TEXT_1, "مستودعا للذخيرة")
    view = window.article
    first = view.range_rects(start + 2, start + 3)[0].center().toPoint()
    last = view.range_rects(end - 3, end - 2)[0].center().toPoint()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseMove(view.viewport(), pos=last)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=last)
    cursor = view.textCursor()
    offsets = view.session.offsets
    shown = (offsets.from_qt(cursor.selectionStart()), offsets.from_qt(cursor.selectionEnd()))
    assert shown == (start, end)
