"""Desk test fixtures: offscreen Qt, a temporary store with Arabic documents and suggestions."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HAKAM_LANG"] = "en"

from collections.abc import Iterator
from pathlib import Path

import pytest

from hakam.core.model import Argument, Document, Event, Span
from hakam.store import Store

# Written for these tests. Offsets are found with str.index so the texts can change freely.
TEXT_1 = (
    "قصفت طائرات حربية مدينة حلب صباح الأحد، وقتل 7 مدنيين بينهم طفلان.\n"
    "وقالت وزارة الدفاع إن الغارات استهدفت مستودعا للذخيرة قرب مطار حلب الدولي.\n"
    "\n"
    "وأعلن الدفاع المدني نقل 12 جريحا إلى مستشفى الرازي في المدينة."
)
TEXT_2 = "اشتباكات عنيفة في ريف إدلب بين فصائل المعارضة والجيش السوري أسفرت عن مقتل 4 عناصر."
TEXT_3 = "تظاهر مئات الأشخاص في بغداد يوم الجمعة احتجاجا على انقطاع الكهرباء."


def find(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``word`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def span(text: str, word: str, label: str, score: float = 0.6, nth: int = 0) -> Span:
    return Span(*find(text, word, nth), label, score, "test@1")


def fill(store: Store) -> list[int]:
    ids = []
    ids.append(store.documents.add(Document(TEXT_1, "doc-1", {"title": "حلب"})))
    ids.append(store.documents.add(Document(TEXT_2, "doc-2")))
    ids.append(store.documents.add(Document(TEXT_3, "doc-3")))
    t = TEXT_1
    strike = Event("AIRSTRIKE", span(t, "قصفت", "AIRSTRIKE"), (Argument("PLACE", span(t, "حلب", "GPE")),),
                   {"fatalities": 7}, 0.8, "test@1")  # fmt: skip
    store.suggestions.replace(
        ids[0],
        [span(t, "حلب", "GPE", 0.9), span(t, "الأحد", "DATE", 0.7), span(t, "وزارة الدفاع", "ORG", 0.5),
         span(t, "مطار حلب الدولي", "FAC", 0.4), span(t, "الدفاع المدني", "ORG", 0.55), span(t, "الرازي", "PERS", 0.3)],
        [strike],
    )  # fmt: skip
    t = TEXT_2
    store.suggestions.replace(ids[1], [span(t, "إدلب", "GPE"), span(t, "الجيش السوري", "ORG")],
                              [Event("CLASH", span(t, "اشتباكات", "CLASH"), score=0.9, source="test@1")])  # fmt: skip
    t = TEXT_3
    store.suggestions.replace(ids[2], [span(t, "بغداد", "GPE"), span(t, "الجمعة", "DATE")])
    return ids


@pytest.fixture(autouse=True)
def _own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the user's settings.json."""
    monkeypatch.setenv("HAKAM_CONFIG", str(tmp_path / "config"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite"
    store = Store(path, annotator="tester")
    store.settings.set("annotator", "tester")
    fill(store)
    store.close()
    return path


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    store = Store(db_path)
    yield store
    store.close()


def open_window(qtbot, store: Store, ask_annotator: bool = False):
    """The desk on ``store``, shown, active (window-wide keys need that) and with the article focused."""
    from PySide6.QtWidgets import QApplication

    from hakam.desk.app import build_window

    win = build_window(store, ask_annotator=ask_annotator)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.article.setFocus()
    return win


@pytest.fixture
def window(qtbot, store: Store):
    return open_window(qtbot, store)
