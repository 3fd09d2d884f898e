"""Highlights land on the right characters in mixed Arabic, Latin, digits and emoji,
and only colour the text (no font change, so Arabic letters keep joining)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextFormat

from hakam.core.model import Document, Span
from hakam.store import Store

LINE_1 = "قال John Smith إن 3 صواريخ سقطت على حلب 😀 في 12 آذار 2024 ضمن عملية Op-7 وبالرقة أيضا."
LINE_2 = "أدانت الأمم المتحدة (UN) الهجوم 🇸🇾 على مطار المزة."
TEXT = LINE_1 + "\r\n" + LINE_2  # \r\n must not shift the second line
WORDS = [("John Smith", "PERS"), ("حلب", "GPE"), ("12 آذار 2024", "DATE"), ("Op-7", "ORG"), ("الرقة", "GPE"),
         ("الأمم المتحدة", "ORG"), ("UN", "ORG"), ("مطار المزة", "FAC")]  # fmt: skip
_FONT_PROPERTIES = (QTextFormat.Property.FontFamilies, QTextFormat.Property.FontPointSize, QTextFormat.Property.FontWeight,
                    QTextFormat.Property.FontItalic, QTextFormat.Property.FontLetterSpacing, QTextFormat.Property.FontWordSpacing)  # fmt: skip


@pytest.fixture
def mixed_window(qtbot, tmp_path):
    from .conftest import open_window

    store = Store(tmp_path / "mixed.sqlite", annotator="tester")
    doc = store.documents.add(Document(TEXT, "mixed"))
    store.suggestions.replace(doc, [Span(TEXT.index(w), TEXT.index(w) + len(w), label, 0.5) for w, label in WORDS])
    yield open_window(qtbot, store)
    store.close()


def _utf16(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def test_ranges_map_to_the_right_characters(mixed_window):
    document = mixed_window.article.document()
    assert document.blockCount() == 2
    seen = []
    block = document.begin()
    while block.isValid():
        for fmt_range in block.layout().formats():
            seen.append(_utf16(block.text(), fmt_range.start, fmt_range.start + fmt_range.length))
            for prop in _FONT_PROPERTIES:
                assert not fmt_range.format.hasProperty(prop), f"highlight changes the font ({prop})"
        block = block.next()
    assert sorted(seen) == sorted(w for w, _ in WORDS)


def test_tint_is_painted_under_the_word(mixed_window):
    article = mixed_window.article
    image = article.viewport().grab().toImage()
    start = TEXT.index("حلب")
    rect = article.range_rects(start, start + 3)[0]
    left, top = int(rect.left()) + 1, int(rect.top()) + 2
    colours = {image.pixelColor(left + dx, top).name() for dx in range(0, int(rect.width()) - 2)}
    assert colours - {"#ffffff", "#000000"}, "no tint under حلب"
    outside = image.pixelColor(int(rect.left()) - 40, top).name()
    assert outside == "#ffffff"


def test_tooltip_names_label_and_score(mixed_window):
    article = mixed_window.article
    start = TEXT.index("حلب")
    key = article.key_at(article.range_rects(start, start + 3)[0].center().toPoint())
    assert mixed_window.session.text_of(key) == "حلب"
    assert article.describe(key) == "Geo-political entity (GPE) · suggested · score 0.50"
