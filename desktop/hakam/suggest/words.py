"""A token view of a document for the rule suggester.

Everything is matched on the normalised text (``hakam.core.normalize``); each
``Word`` keeps its normalised offsets, its sentence and the ways its proclitic
cluster may be stripped. ``Text.span`` maps normalised offsets back to the
original text, widening the end over trailing diacritics so a span never cuts a
letter from its marks.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

from hakam.core.normalize import Normalized, normalize
from hakam.core.tokenize import word_tokens

# Proclitic clusters, longest first: و ف + ب ل ك, or one of them alone.
CLUSTERS: tuple[str, ...] = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
CLUSTER_SET = frozenset(CLUSTERS)
_SENTENCE_END = frozenset(".!?؟\n…")
_MIN_STEM = 2
_SPACE = re.compile(r"\s")
_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def ascii_digits(text: str) -> str:
    return text.translate(_INDIC)


@lru_cache(maxsize=1 << 16)
def stems(form: str) -> tuple[tuple[int, str], ...]:
    """``(prefix length, lookup key)`` readings of ``form``: itself, then without
    each proclitic cluster it may carry. After a ل cluster a stem written ل…
    (للجيش) is looked up with its article restored (الجيش)."""
    out = [(0, form)]
    if len(form) <= _MIN_STEM or form[0] not in "وفبلك":
        return tuple(out)
    for cluster in CLUSTERS:
        if form.startswith(cluster) and len(form) - len(cluster) >= _MIN_STEM:
            stem = form[len(cluster) :]
            out.append((len(cluster), stem))
            if cluster[-1] == "ل" and stem[0] == "ل" and len(stem) > 2:
                out.append((len(cluster), "ا" + stem))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Word:
    index: int
    start: int  # normalised offsets
    end: int
    form: str  # normalised text
    sentence: int


class Text:
    """Normalised text, its words and sentences, and the map back to the original."""

    def __init__(self, original: str):
        self.norm: Normalized = normalize(original)
        self.text = self.norm.text
        words: list[Word] = []
        sentence = 0
        for i, token in enumerate(word_tokens(self.text)):
            form = self.text[token.start : token.end]
            words.append(Word(i, token.start, token.end, form, sentence))
            if form in _SENTENCE_END or "\n" in self.text[token.end : token.end + 1]:
                sentence += 1
        self.words = words
        self._start_list = [w.start for w in words]
        self._bounds: list[tuple[int, int]] = []
        lo = 0
        for i in range(1, len(words) + 1):
            if i == len(words) or words[i].sentence != words[lo].sentence:
                self._bounds.append((lo, i))
                lo = i

    @cached_property
    def match_text(self) -> str:
        """The normalised text with every whitespace character as one plain space."""
        return _SPACE.sub(" ", self.text)

    def word_containing(self, offset: int) -> int:
        return max(0, bisect_right(self._start_list, offset) - 1)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of normalised ``[start, end)``, widened over trailing marks."""
        ostart, oend = self.norm.original_span(start, end)
        original = self.norm.original
        while oend < len(original) and unicodedata.category(original[oend]) == "Mn":
            oend += 1
        return ostart, oend

    def original_form(self, start: int, end: int) -> str:
        """The original text of normalised ``[start, end)`` without diacritics and tatweel."""
        if self.norm.to_original is None:
            return self.norm.original[start:end]
        ostart, oend = self.norm.original_span(start, end)
        return "".join(c for c in self.norm.original[ostart:oend] if c != "\u0640" and unicodedata.category(c) != "Mn")

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        """First and last+1 word index of the sentence holding word ``index``."""
        return self._bounds[self.words[index].sentence]
