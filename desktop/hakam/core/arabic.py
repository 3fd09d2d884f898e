"""Arabic basics in one place: normalisation, proclitics, sentence ends, digits.

**Normalisation** is for matching only; the article text is never changed. The
normalised copy has alef variants (أ إ آ ٱ) as ا, alef maqsura ى as ي, ta
marbuta ة as ه, and no diacritics or tatweel (every combining mark of the
Arabic blocks goes, so a decomposed أ — ا + U+0654 — reads like a written one).
Every step maps one character to one or to none, so a list of original indices
maps any normalised span back (``Normalized``).

**Proclitics** (و ف ب ل ك, in the clusters of ``PROCLITICS``) are left out of
spans; the article ال stays: وبالباغوز → الباغوز, لدمشق → دمشق, للجيش → لجيش
(ل + ال written لل: only the first ل is cut). ``proclitic_length`` is the one
stripping rule: before the article a cluster is always cut; a bare prefix only
when what remains is a word the caller knows (وزارة, بغداد stay whole).

**Sentences** end after . ! ? ؟ … or at a line break.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import regex

TATWEEL = "\u0640"
_ARABIC_BLOCKS = (range(0x0600, 0x0700), range(0x0750, 0x0780), range(0x08A0, 0x0900))
_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}

PROCLITIC_LETTERS = frozenset("وفبلك")
# Proclitic clusters, longest first: و/ف + ب/ل/ك, or one of them alone.
PROCLITICS: tuple[str, ...] = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
PROCLITIC_SET = frozenset(PROCLITICS)
SENTENCE_END = frozenset(".!?؟…")

_ARABIC_WORD = regex.compile(r"[\u0621-\u064A\u0660-\u0669\u066E-\u06D3\u0640\u064B-\u0652\u0670]+")
# The stem after ال needs three letters: وكالات (agencies) and والدة (mother) are not و+ك+الات, و+الدة.
_ARTICLE_CLITICS = regex.compile(r"(?:[وف]?[بكل])(?=ال\p{Arabic}{3})|[وف](?=ال\p{Arabic}{3})")
_LAM_LAM = regex.compile(r"[وف]?ل(?=ل\p{Arabic}{2})")
_MIN_STEM = 2
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


# -- normalisation ---------------------------------------------------------------------
@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str | None], frozenset[str]]:
    table: dict[int, str | None] = {ord(a): b for a, b in _LETTERS.items()}
    removed = {TATWEEL} | {chr(c) for block in _ARABIC_BLOCKS for c in block if unicodedata.category(chr(c)) == "Mn"}
    table.update(dict.fromkeys(map(ord, removed)))
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
    """Normalised form without the offset map."""
    return text.translate(_tables()[0])


def match_key(text: str) -> str:
    """A name or word as it is looked up: normalised, words one space apart."""
    return " ".join(normalize_word(text).split())


def match_keys(forms: Iterable[str]) -> frozenset[str]:
    """Word lists written in code, keyed like the text they are matched against."""
    return frozenset(match_key(form) for form in forms)


def strip_marks(text: str) -> str:
    """``text`` without diacritics and tatweel (spelling otherwise untouched)."""
    removed = _tables()[1]
    return "".join(c for c in text if c not in removed)


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII digits."""
    return text.translate(_DIGITS)


# -- proclitics ------------------------------------------------------------------------
def article_proclitic(word: str) -> int:
    """Length of a proclitic cluster before the article (والرقة, بالموصل, للجيش), 0 if none."""
    match = _ARTICLE_CLITICS.match(word) or _LAM_LAM.match(word)
    return match.end() if match else 0


def proclitic_length(word: str, known: Callable[[str], bool] | None = None) -> int:
    """Length of the proclitic cluster to cut from an Arabic ``word`` (0: none): always
    before the article; otherwise only when the rest is a stem ``known`` knows
    (normalised), and the whole word is not one."""
    if not _ARABIC_WORD.fullmatch(word):
        return 0
    cut = article_proclitic(word)
    if cut or known is None or known(normalize_word(word)):
        return cut
    for prefix in PROCLITICS:
        stem = word[len(prefix) :]
        if word.startswith(prefix) and len(stem) >= _MIN_STEM and known(normalize_word(stem)):
            return len(prefix)
    return 0


@lru_cache(maxsize=1 << 16)
def stems(form: str) -> tuple[tuple[int, str], ...]:
    """``(prefix length, lookup key)`` readings of a normalised ``form``: itself, then
    without each proclitic cluster it may carry. After a ل cluster a stem written ل…
    (للجيش) is looked up with its article restored (الجيش)."""
    out = [(0, form)]
    if len(form) <= _MIN_STEM or form[0] not in PROCLITIC_LETTERS:
        return tuple(out)
    for cluster in PROCLITICS:
        if form.startswith(cluster) and len(form) - len(cluster) >= _MIN_STEM:
            stem = form[len(cluster) :]
            out.append((len(cluster), stem))
            if cluster[-1] == "ل" and stem[0] == "ل" and len(stem) > 2:
                out.append((len(cluster), "ا" + stem))
    return tuple(out)


def without_article(form: str) -> str:
    return form[2:] if form.startswith("ال") and len(form) > 3 else form


# -- sentences -------------------------------------------------------------------------
class _Located(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def sentence_ranges(text: str, tokens: Sequence[_Located]) -> list[tuple[int, int]]:
    """Index ranges of ``tokens`` by sentence: one ends after a token of
    ``SENTENCE_END`` or where a line break comes before the next token."""
    out, first = [], 0
    for k, token in enumerate(tokens):
        following = tokens[k + 1].start if k + 1 < len(tokens) else len(text)
        if text[token.start : token.end] in SENTENCE_END or "\n" in text[token.end : following]:
            out.append((first, k + 1))
            first = k + 1
    if first < len(tokens):
        out.append((first, len(tokens)))
    return out
