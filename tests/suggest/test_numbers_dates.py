"""Numbers (both digit systems, words, vague) and dates (both month systems, weekdays, أمس)."""

from __future__ import annotations

import pytest

from hakam.suggest.kb import knowledge
from hakam.suggest.numbers import read_number
from hakam.suggest.words import Text


def _number(phrase: str):
    text = Text(phrase)
    return read_number(text.words, 0, knowledge())


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("23 قتيلا", 23), ("٢٣ قتيلا", 23), ("ثلاثة مدنيين", 3), ("خمسة عشر شخصا", 15), ("40 ألف نازح", 40000),
     ("ثلاثة وعشرون جريحا", 23), ("بثلاثة صواريخ", 3)],
)  # fmt: skip
def test_numbers(phrase, value):
    number = _number(phrase)
    assert number is not None and number.value == value


def test_vague_quantity_has_no_value():
    number = _number("عشرات القتلى")
    assert number is not None and number.value is None


def test_not_a_number():
    assert _number("غارات جوية") is None


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("دمشق - 12 آذار/مارس 2025 (وكالات)", "12 آذار/مارس 2025", "2025-03-12"),
        ("دمشق - ١٦ تشرين الأول/أكتوبر ٢٠٢٤ (وكالات)", "١٦ تشرين الأول/أكتوبر ٢٠٢٤", "2024-10-16"),
        ("وقع الهجوم في 12 آذار (مارس) 2025 قرب المدينة", "12 آذار (مارس) 2025", "2025-03-12"),
        ("وقع الهجوم في 3 يونيو الماضي", "3 يونيو الماضي", "2025-06-03"),
        ("قتل ثلاثة أمس الثلاثاء في غارة", "أمس الثلاثاء", "2025-07-08"),
        ("قتل ثلاثة أمس في غارة", "أمس", "2025-07-08"),
        ("اندلعت الاشتباكات الأحد الماضي", "الأحد الماضي", "2025-07-06"),
        ("يبدأ الإضراب الأحد المقبل", "الأحد المقبل", "2025-07-13"),
        ("وقعت الغارة الاثنين", "الاثنين", "2025-07-07"),
    ],
)
def test_dates_resolved_against_the_article_date(rules, text, surface, value):
    from hakam.core.model import Document

    spans, _ = rules.suggest(Document(text, "d", {"date": "2025-07-09"}))  # a Wednesday
    dates = [s for s in spans if s.label == "DATE"]
    assert [text[s.start : s.end] for s in dates] == [surface]
    from hakam.suggest.dates import find_dates

    found = find_dates(Text(text), knowledge(), {"date": "2025-07-09"})
    assert [c.value for c in found] == [value]


@pytest.mark.parametrize(
    ("text", "surface"),
    [("منذ عام 2014", "2014"), ("بين عامي 2014 و2018 قتل", "2014"), ("في آذار/مارس ٢٠٢٠ توصلت", "آذار/مارس ٢٠٢٠"),
     ("منذ مطلع العام", None), ("خلال الأيام الماضية", None), ("الشهر الماضي", "الشهر الماضي")],
)  # fmt: skip
def test_years_periods_and_vague_periods(suggest, text, surface):
    spans, _, _ = suggest(text)
    dates = [s for label, s in spans if label == "DATE"]
    assert (dates[0] if dates else None) == surface
