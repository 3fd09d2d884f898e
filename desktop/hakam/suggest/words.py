"""A token view of a document for the rule suggester.

Everything is matched on the normalised text (``hakam.core.arabic``); each
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
from functools import cached_property

from hakam.core.arabic import Normalized, normalize, sentence_ranges, strip_marks
from hakam.core.tokenize import word_tokens

_SPACE = re.compile(r"\s")


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
        tokens = word_tokens(self.text)
        self._bounds = sentence_ranges(self.text, tokens)
        sentence_of = [n for n, (a, b) in enumerate(self._bounds) for _ in range(a, b)]
        self.words = [Word(i, t.start, t.end, self.text[t.start : t.end], sentence_of[i]) for i, t in enumerate(tokens)]
        self._start_list = [w.start for w in self.words]

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
        return strip_marks(self.norm.original[ostart:oend])

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        """First and last+1 word index of the sentence holding word ``index``."""
        return self._bounds[self.words[index].sentence]
