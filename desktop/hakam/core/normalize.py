"""Arabic normalisation for matching, with a map back to the original offsets.

The article text is never changed. Matching runs on a normalised copy in which
alef variants become ا, alef maqsura ى becomes ي, ta marbuta ة becomes ه, and
diacritics and tatweel are removed. Every step maps one character to one or to
none, so a list of original indices is enough to map any normalised span back.

The character table is built once from camel-tools' own normalisers so the
rules are theirs; applying it is one ``str.translate`` plus a scan for removed
characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

TATWEEL = "\u0640"
_ARABIC_BLOCKS = (range(0x0600, 0x0700), range(0x0750, 0x0780), range(0x08A0, 0x0900))


def _camel_normalize(char: str) -> str:
    # Imported here: camel-tools builds its character sets at import (~0.7 s),
    # which start-up of the desk and CLI should not pay before the first match.
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar

    char = dediac_ar(char).replace(TATWEEL, "")
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(char)))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str | None], frozenset[str]]:
    table: dict[int, str | None] = {}
    removed: set[str] = set()
    for block in _ARABIC_BLOCKS:
        for code in block:
            char = chr(code)
            result = _camel_normalize(char)
            if result == char:
                continue
            if len(result) > 1:
                raise AssertionError(f"normaliser grew U+{code:04X}")  # never true for camel-tools 1.x
            table[code] = result or None
            if not result:
                removed.add(char)
    return table, frozenset(removed)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised copy of ``original`` and where each of its characters came from."""

    text: str
    original: str
    to_original: tuple[int, ...] | None  # None: identity (nothing was removed)

    def original_offset(self, index: int) -> int:
        """Original offset of normalised ``index`` (``len(text)`` maps to the end)."""
        if self.to_original is None:
            return index
        if index >= len(self.text):
            return len(self.original)
        return self.to_original[index]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` to the original text. Removed marks
        after the last letter (its diacritics) stay inside the span."""
        if self.to_original is None:
            return start, end
        return self.to_original[start], self.original_offset(end)


def normalize_char_table() -> dict[int, str | None]:
    return _tables()[0]


def normalize(text: str) -> Normalized:
    table, removed = _tables()
    folded = text.translate(table)
    if len(folded) == len(text):
        return Normalized(folded, text, None)
    kept = tuple(i for i, char in enumerate(text) if char not in removed)
    return Normalized(folded, text, kept)


def normalize_word(text: str) -> str:
    """Normalised form without the offset map (for lexicon keys)."""
    return text.translate(_tables()[0])
