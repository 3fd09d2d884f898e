"""Numbers in text: digits (Western and Arabic-Indic) and number words.

``read_number`` reads the number phrase starting at a word: ``23``, ``٢٣``,
``ثلاثة``, ``ثلاثة وعشرون``, ``خمسة عشر``, ``40 ألف``. Vague words (عشرات,
مئات) are recognised as numbers without a value, so callers can tell them
from "no number here".
"""

from __future__ import annotations

from dataclasses import dataclass

from hakam.core.arabic import ascii_digits, stems
from hakam.suggest.kb import KB
from hakam.suggest.words import Word

_TEEN = frozenset({"عشر", "عشره"})
_MULTIPLIERS = {"الف": 1000, "الاف": 1000, "مليون": 1_000_000, "ملايين": 1_000_000, "مئه": 100, "مائه": 100}


@dataclass(frozen=True, slots=True)
class Number:
    value: int | None  # None: vague (عشرات)
    words: int  # how many words the phrase covers
    prefix: int  # length of a proclitic cluster on the first word (بثلاثة)


def _digits(form: str) -> int | None:
    plain = ascii_digits(form).replace(",", "").replace("٬", "")
    return int(plain) if plain.isdigit() and len(plain) < 10 else None


def _word_value(form: str, kb: KB) -> tuple[int, int | None] | None:
    """(prefix length, value) of a single number word; value None when vague."""
    for prefix, stem in stems(form):
        if stem in kb.numbers:
            return prefix, kb.numbers[stem]
        if stem in _MULTIPLIERS and prefix == 0:
            return 0, _MULTIPLIERS[stem]
    return None


def read_number(words: list[Word], i: int, kb: KB) -> Number | None:
    if i >= len(words):
        return None
    first = words[i]
    value = _digits(first.form)
    prefix = 0
    if value is None:
        found = _word_value(first.form, kb)
        if found is None:
            return None
        prefix, value = found
        if value is None:
            return Number(None, 1, prefix)
    used = 1
    nxt = words[i + 1].form if i + 1 < len(words) else ""
    if nxt in _TEEN and value < 10:
        value, used = value + 10, 2
    elif nxt.startswith("و") and i + 1 < len(words):
        tens = kb.numbers.get(nxt[1:])
        if tens and tens % 10 == 0 and 20 <= tens <= 90 and value < 10:
            value, used = value + tens, 2
    after = words[i + used].form if i + used < len(words) else ""
    if after in _MULTIPLIERS and value < 1000:
        value, used = value * _MULTIPLIERS[after], used + 1
    return Number(value, used, prefix)
