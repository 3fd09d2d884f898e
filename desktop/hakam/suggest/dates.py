"""DATE spans and their ISO values, resolved against the article date.

Recognised (months in both systems, digits in both scripts):
``12 آذار/مارس 2025``, ``12 آذار (مارس)``, ``آذار/مارس 2020``, ``مارس الماضي``,
``منتصف مارس``, weekdays (``الأحد``, ``الأحد الماضي``, ``أمس الثلاثاء``), ``أمس``,
periods (``الشهر الماضي``; durations such as ``الأيام الماضية`` and vague
periods such as ``مطلع العام`` are not dates) and years after عام/منذ/في … (``عام 2014`` → ``2014``).
A value is given only for a single day (a weekday is the latest one on or
before the article date; ``الماضي`` moves it a week back when it is that day).
"""

from __future__ import annotations

import datetime as dt

from hakam.core.arabic import ascii_digits, match_keys, stems
from hakam.suggest.cands import PATTERN, PATTERN_WEAK, Cand, scan
from hakam.suggest.kb import KB
from hakam.suggest.words import Text

_PAST = match_keys(
    {"الماضي", "الماضيه", "الماضيين", "الماضيتين", "الفائت", "الفائته", "المنصرم", "المنصرمه", "الاخيره"}
)
_NEXT = match_keys({"المقبل", "المقبله", "المقبلين", "القادم", "القادمه"})
_CURRENT = match_keys({"الجاري", "الحالي", "الجاريه", "الحاليه"})
_MODIFIERS = _PAST | _NEXT | _CURRENT
_PERIODS = match_keys({"الاسبوع", "الشهر", "العام", "السنه"})
_PARTS_OF_DAY = match_keys({"صباح", "مساء", "ليله", "ليل", "فجر", "ظهر", "عصر", "الليله", "هذه"})
_PART = match_keys({"مطلع", "منتصف", "اواخر", "اوائل", "نهايه", "بدايه", "اواسط"})
_YEAR_CONTEXT = match_keys(
    {"عام", "عامي", "العام", "سنه", "سنة", "منذ", "في", "مطلع", "اواخر", "اوائل", "نهايه", "بدايه", "حتى",
     "خلال", "قبل", "بعد", "منتصف", "وعام", "اواسط", "ابان"}
)  # fmt: skip
_MONTH_CONTEXT = match_keys({"في", "منذ", "خلال", "حتى", "قبل", "بعد", "شهر", "اواخر", "مطلع", "منتصف", "اوائل"})


def _number(form: str) -> int | None:
    plain = ascii_digits(form)
    return int(plain) if plain.isdigit() else None


class DateReader:
    def __init__(self, text: Text, kb: KB, article: dt.date | None):
        self.text, self.kb, self.article = text, kb, article
        self.words = text.words
        self.months: dict[str, int] = {}
        self.weekdays: dict[str, int] = {}  # Python numbering, Monday=0 (the lexicon has Sunday=0)
        self.relative: dict[str, int | None] = {}  # day offset; None: a week, month or year
        for word, (kind, value) in kb.dates.items():
            if kind == "month" and value.isdigit():
                self.months[word] = int(value)
            elif kind == "weekday" and value.isdigit():
                self.weekdays[word] = (int(value) - 1) % 7
            elif kind == "relative" and not word.split()[0] in _PARTS_OF_DAY and value != "0":
                self.relative[word] = int(value) if value.lstrip("-").isdigit() else None

    def form(self, i: int) -> str:
        return self.words[i].form if 0 <= i < len(self.words) else ""

    def month_at(self, i: int) -> tuple[int, int] | None:
        """(month, words) of a month name at word ``i`` (تشرين الأول is two words)."""
        two = f"{self.form(i)} {self.form(i + 1)}"
        if two in self.months:
            return self.months[two], 2
        if self.form(i) in self.months:
            return self.months[self.form(i)], 1
        return None

    def month_phrase(self, i: int) -> tuple[int, int] | None:
        """(month, end) of ``آذار/مارس``, ``آذار (مارس)`` or a single month name."""
        first = self.month_at(i)
        if not first:
            return None
        end = i + first[1]
        if self.form(end) == "/" and self.month_at(end + 1):
            end = end + 1 + self.month_at(end + 1)[1]
        elif self.form(end) == "(" and self.month_at(end + 1):
            inner = end + 1 + self.month_at(end + 1)[1]
            if self.form(inner) == ")":
                end = inner + 1
        return first[0], end

    def find(self) -> list[Cand]:
        starts = {w.split()[0] for table in (self.months, self.weekdays, self.relative) for w in table}
        starts |= _PART | _PERIODS

        def at(i: int) -> Cand | None:
            form = self.words[i].form
            maybe = form[0].isdigit() or form[1:2].isdigit() or any(k in starts for _, k in stems(form))
            return self._at(i) if maybe else None

        return scan(len(self.words), at)

    def _cand(self, i: int, end: int, score: float, value: dt.date | None = None, prefix: int = 0) -> Cand:
        if self.form(end - 1) == ")":  # 12 آذار (مارس) without a year: no closing bracket at the end
            end = next(k for k in range(end - 1, i, -1) if self.form(k) == "(")
        iso = value.isoformat() if value else None
        return Cand(self.words[i].start + prefix, self.words[end - 1].end, "DATE", score, i, end, iso)

    def _at(self, i: int) -> Cand | None:
        form = self.form(i)
        day = _number(form)
        if day is not None and 1 <= day <= 31:
            month = self.month_phrase(i + 1)
            if month:
                end, year = month[1], _number(self.form(month[1]))
                if year and 1900 <= year <= 2100:
                    end += 1
                elif self.form(end) in _MODIFIERS:
                    end += 1  # 3 يونيو الماضي
                return self._cand(i, end, PATTERN, self._day(day, month[0], year))
        if day is not None and 1900 <= day <= 2100 and self._year_context(i):
            return self._cand(i, i + 1, PATTERN)
        if day is None and form[:1] == "و" and _number(form[1:]) and 1900 <= (_number(form[1:]) or 0) <= 2100 \
                and self._year_context(i - 1):  # fmt: skip
            return self._cand(i, i + 1, PATTERN, prefix=1)  # بين عامي 2014 و2018
        month = self.month_phrase(i)
        if month:
            end = month[1]
            year = _number(self.form(end))
            if year and 1900 <= year <= 2100:
                return self._cand(i, end + 1, PATTERN)
            if self.form(end) in _MODIFIERS:
                return self._cand(i, end + 1, PATTERN)
            if self.form(i - 1) in _MONTH_CONTEXT or self.form(i - 1) in _PART:
                return self._cand(i, end, PATTERN_WEAK)
            return None
        if form in _PART and self.month_at(i + 1):  # منتصف مارس (but not مطلع العام, a vague period)
            inner = self._at(i + 1)
            return self._cand(i, inner.last if inner else self.month_phrase(i + 1)[1], PATTERN)
        return self._weekday_or_relative(i)

    def _weekday_or_relative(self, i: int) -> Cand | None:
        form = self.form(i)
        for prefix, key in stems(form):
            two = f"{key} {self.form(i + 1)}"
            size = 2 if two in self.relative else 1 if key in self.relative else 0
            if size:
                offset, end = self.relative[two if size == 2 else key], i + size
                weekday = self.weekdays.get(self.form(end))
                if weekday is not None:  # أمس الثلاثاء
                    end += 1
                return self._cand(i, end, PATTERN, self._shift(offset) if offset is not None else None, prefix)
            if key in self.weekdays:
                end, value = i + 1, self._weekday_date(self.weekdays[key], self.form(i + 1))
                if self.form(end) in _MODIFIERS:
                    end += 1
                return self._cand(i, end, PATTERN, value, prefix)
        if form in _PERIODS and self.form(i + 1) in _MODIFIERS:
            return self._cand(i, i + 2, PATTERN)  # السنة الماضية; durations (الأيام الماضية) are not dates
        return None

    def _year_context(self, i: int) -> bool:
        return self.form(i - 1) in _YEAR_CONTEXT or any(k in _YEAR_CONTEXT for _, k in stems(self.form(i - 1)))

    def _shift(self, days: int) -> dt.date | None:
        return self.article + dt.timedelta(days=days) if self.article else None

    def _weekday_date(self, weekday: int, modifier: str) -> dt.date | None:
        if not self.article:
            return None
        back = (self.article.weekday() - weekday) % 7
        if modifier in _NEXT:
            return self.article + dt.timedelta(days=(weekday - self.article.weekday()) % 7 or 7)
        if modifier in _PAST and back == 0:
            back = 7
        return self.article - dt.timedelta(days=back)

    def _day(self, day: int, month: int, year: int | None) -> dt.date | None:
        if year is None:
            if not self.article:
                return None
            year = self.article.year
            try:
                if dt.date(year, month, day) > self.article + dt.timedelta(days=31):
                    year -= 1
            except ValueError:
                return None
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None


def article_date(meta: dict) -> dt.date | None:
    value = meta.get("date") if meta else None
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def find_dates(text: Text, kb: KB, meta: dict) -> list[Cand]:
    return DateReader(text, kb, article_date(meta)).find()
