"""The curation view, driven by real key presses: agreed items are pre-accepted into the
curated layer, each difference lists every reading with who chose it, and 1-9 / 0 / E+key
settle it as the curator's decisions."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HAKAM_LANG"] = "en"

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hakam.core.model import Document, Span
from hakam.store import Store

TEXT = "قصفت الطائرات مدينة دمشق أمس، وقالت وزارة الدفاع إن 5 أشخاص قتلوا."
DAMASCUS, YESTERDAY, MINISTRY = Span(20, 24, "GPE"), Span(25, 28, "DATE"), Span(36, 48, "ORG")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "team.sqlite"
    lead = Store(path, annotator="lead")
    doc = lead.documents.add(Document(TEXT, "d1"))
    lead.suggestions.replace(doc, [DAMASCUS, YESTERDAY, MINISTRY])
    lead.team.assign({doc: ["amal", "badr"]})
    for name, keep, relabel in (("amal", {"GPE", "DATE", "ORG"}, None), ("badr", {"GPE", "ORG"}, "FAC")):
        store = Store(path, annotator=name)
        for span in store.items.spans(doc):
            if span.label == "ORG" and relabel:
                store.decisions.relabel(span.id, relabel)
            elif span.label in keep:
                store.decisions.accept(span.id)
            else:
                store.decisions.reject(span.id)
        store.decisions.mark_reviewed(doc)
    return path


def curated(path: Path, ext_id: str = "d1") -> list[tuple[int, int, str, str | None]]:
    store = Store(path, annotator="check")
    view = store.documents.by_ext_id(ext_id)
    doc, who = store.items.accepted(view, "curated")
    return [(s.start, s.end, s.label, who[s.key]) for s in doc.spans]


def test_keys_settle_differences_into_the_curated_layer(db: Path, qtbot) -> None:
    from hakam.desk.curation import CurationWindow

    window = CurationWindow(Store(db, annotator="rana"))
    qtbot.addWidget(window)
    window.show()
    # Damascus was agreed: pre-accepted, credited to both.
    assert curated(db) == [(20, 24, "GPE", "amal, badr")]
    assert "Difference 1 of 2" in window.heading.text()
    readings = [window.readings.item(i).text() for i in range(window.readings.count())]
    assert readings == ["1  DATE \u2068أمس\u2069 — amal", "2  (nothing) — badr"]
    qtbot.keyClick(window, Qt.Key.Key_1)  # take amal's date
    assert "Difference 2 of 2" in window.heading.text()
    readings = [window.readings.item(i).text() for i in range(window.readings.count())]
    assert readings == ["1  ORG \u2068وزارة الدفاع\u2069 — amal", "2  FAC \u2068وزارة الدفاع\u2069 — badr"]
    qtbot.keyClick(window, Qt.Key.Key_1)  # amal's ORG …
    qtbot.keyClick(window, Qt.Key.Key_E)  # … relabelled by the curator: E then the key of GPE (3)
    qtbot.keyClick(window, Qt.Key.Key_3)
    assert curated(db) == [(20, 24, "GPE", "amal, badr"), (25, 28, "DATE", "rana"), (36, 48, "GPE", "rana")]
    assert "0 open" in window.heading.text()
    qtbot.keyClick(window, Qt.Key.Key_P)
    qtbot.keyClick(window, Qt.Key.Key_0)
    # the date after all: none of the readings
    assert curated(db) == [(20, 24, "GPE", "amal, badr"), (36, 48, "GPE", "rana")]
    # Settled differences are remembered: a new window starts with nothing open.
    again = CurationWindow(Store(db, annotator="rana"))
    qtbot.addWidget(again)
    assert again.current is not None and again.current.open_count() == 0


def test_annotators_layers_are_untouched_by_curation(db: Path, qtbot) -> None:
    from hakam.desk.curation import CurationWindow

    window = CurationWindow(Store(db, annotator="rana"))
    qtbot.addWidget(window)
    qtbot.keyClick(window, Qt.Key.Key_0)
    badr = Store(db, annotator="badr")
    assert sorted(s.label for s in badr.items.spans(badr.documents.by_ext_id("d1").id)) == ["FAC", "GPE"]


def test_ctrl_z_undoes_a_whole_settlement_and_reopens_it(db: Path, qtbot) -> None:
    from hakam.desk.curation import CurationWindow

    window = CurationWindow(Store(db, annotator="rana"))
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_1)  # amal's date
    qtbot.keyClick(window, Qt.Key.Key_2)  # badr's FAC instead of amal's ORG
    settled = [(20, 24, "GPE", "amal, badr"), (25, 28, "DATE", "rana"), (36, 48, "FAC", "rana")]
    assert curated(db) == settled
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert curated(db) == settled[:2]
    assert "Difference 2 of 2 (open)" in window.heading.text()
    assert window.statusBar().currentMessage() == "Undone: Took reading 2 (badr)"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert curated(db) == settled[:1]
    assert "Difference 1 of 2 (open) · 2 open" in window.heading.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Nothing to undo"
    assert curated(db) == settled[:1]  # the pre-accepted agreement is not the curator's step
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, redo)
    qtbot.keyClick(window, Qt.Key.Key_Z, redo)
    assert curated(db) == settled
    assert window.statusBar().currentMessage() == "Redone: Took reading 2 (badr)"
    # What is open is remembered: a new window sees both settled again.
    again = CurationWindow(Store(db, annotator="rana"))
    qtbot.addWidget(again)
    assert again.current is not None and again.current.open_count() == 0


def test_shift_arrows_resize_what_was_taken_word_by_word(db: Path, qtbot) -> None:
    from hakam.desk.curation import CurationWindow

    window = CurationWindow(Store(db, annotator="rana"))
    qtbot.addWidget(window)
    window.show()
    shift, control = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window, Qt.Key.Key_0)  # no date: nothing to resize there
    qtbot.keyClick(window, Qt.Key.Key_P)
    qtbot.keyClick(window, Qt.Key.Key_Left, shift)
    assert window.statusBar().currentMessage() == "Nothing taken here to resize"
    qtbot.keyClick(window, Qt.Key.Key_N)
    qtbot.keyClick(window, Qt.Key.Key_1)  # amal's ORG وزارة الدفاع (36..48)
    qtbot.keyClick(window, Qt.Key.Key_Left, shift)  # the left edge one word on: … إن
    assert curated(db)[-1] == (36, 51, "ORG", "rana")
    qtbot.keyClick(window, Qt.Key.Key_Right, shift)  # and back
    qtbot.keyClick(window, Qt.Key.Key_Left, shift | control)  # the right edge one word in: الدفاع
    assert curated(db)[-1] == (42, 48, "ORG", "rana")
    assert window.statusBar().currentMessage() == "Resized to \u2068الدفاع\u2069"
    qtbot.keyClick(window, Qt.Key.Key_Right, shift | control)
    assert curated(db)[-1] == (36, 48, "ORG", "rana")
    qtbot.keyClick(window, Qt.Key.Key_Z, control)  # undo takes back one resize, not the reading
    assert curated(db)[-1] == (42, 48, "ORG", "rana")
    assert "(settled)" in window.heading.text()


def test_the_queue_counts_open_differences_before_a_document_is_opened(db: Path, qtbot) -> None:
    from hakam.desk.curation import CurationWindow

    lead = Store(db, annotator="lead")
    doc = lead.documents.add(Document(TEXT + " ", "d2"))
    lead.suggestions.replace(doc, [DAMASCUS, YESTERDAY, MINISTRY])
    lead.team.assign({doc: ["amal", "badr"]})
    for name, keep in (("amal", {"GPE", "DATE", "ORG"}), ("badr", {"GPE"})):
        store = Store(db, annotator=name)
        for span in store.items.spans(doc):
            (store.decisions.accept if span.label in keep else store.decisions.reject)(span.id)
        store.decisions.mark_reviewed(doc)
    window = CurationWindow(Store(db, annotator="rana"))
    qtbot.addWidget(window)
    assert window.queue.count() == 2 and window.queue.currentRow() == 0
    # d2 was never opened: its count comes from the background helper.
    qtbot.waitUntil(lambda: window.queue.item(1).text() == "d2  (2)")
    assert window.queue.item(0).text() == "d1  (2)"
    assert curated(db, "d2") == []  # counting wrote nothing: d2's curated layer waits for it to be opened
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert curated(db, "d2") == [(20, 24, "GPE", "amal, badr")]
