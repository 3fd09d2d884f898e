"""Longest-match gazetteer lookup at word boundaries (Aho-Corasick).

Names are keyed by their normalised form. A match may start at a word start or
right after a proclitic cluster (وبالباغوز → الباغوز, لدمشق → دمشق) and must end
at a word end. A name written with the article after ل loses its alef
(للأمم المتحدة): each ال-name also has a key ل… that only counts after a
cluster ending in ل, so the span starts at the second ل as the guidelines say.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from hakam.core.arabic import PROCLITIC_SET, match_key, strip_marks
from hakam.suggest.words import Text


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # normalised offsets
    end: int
    label: str
    ambiguous: bool  # the name is also a common word, or a one-word name from a weak source
    words: int  # number of words in the name


_SPELLINGS = frozenset({("ه", "ة"), ("ة", "ه"), ("ي", "ى")})


def compatible(written: str, listed: str) -> bool:
    """Whether ``written`` may be a spelling of ``listed`` (same normalised key): a hamza
    may be left off (احمد for أحمد) but not changed (أفاد is not آفاد), and final ى is
    not ي (على is not علي)."""
    return all(w == l or (w, l) in _SPELLINGS or (w == "ا" and l in "أإآ") or (l == "ا" and w in "أإآ")
               for w, l in zip(written, listed))  # fmt: skip


class Gazetteer:
    def __init__(
        self,
        entries: Iterable[tuple[Iterable[str], str]],
        ambiguous: Iterable[str] = (),
        weak: Iterable[str] = (),
    ):
        """``entries``: (forms, label); ``ambiguous``: names that are common words;
        ``weak``: names from a less careful source (GeoNames), which count like
        ambiguous ones when they are one word."""
        self.labels: dict[str, str] = {}
        self.spellings: dict[str, set[str]] = {}  # one-word keys -> listed spellings
        for forms, label in entries:
            for form in forms:
                key = match_key(form)
                if len(key) >= 2:
                    self.labels.setdefault(key, label)
                    if " " not in key:
                        self.spellings.setdefault(key, set()).add(strip_marks(form))
        self.ambiguous = frozenset(match_key(a) for a in ambiguous) | frozenset(
            k for k in map(match_key, weak) if " " not in k
        )
        self.words = frozenset(w for key in self.labels for w in key.split())
        self._automaton = ahocorasick.Automaton() if self.labels else None
        if self._automaton is None:
            return
        for key, label in self.labels.items():
            value = (len(key), label, False, key in self.ambiguous, key.count(" ") + 1)
            self._automaton.add_word(key, value)
            if key.startswith("ال") and len(key) > 3:
                lam = "ل" + key[2:]
                if lam not in self.labels:
                    self._automaton.add_word(lam, (len(lam), label, True, value[3], value[4]))
        self._automaton.make_automaton()

    def __contains__(self, form: str) -> bool:
        return form in self.labels

    def __len__(self) -> int:
        return len(self.labels)

    def spelled(self, text: Text, start: int, end: int) -> bool:
        """Whether the original spelling of normalised ``[start, end)`` fits a listed one-word name."""
        key = text.text[start:end]
        listed = self.spellings.get(key) or self.spellings.get("ال" + key[1:] if key[:1] == "ل" else key, ())
        if not listed:
            return True
        written = text.original_form(start, end)
        return any(compatible(written, form[-len(written) :]) for form in listed)

    def find(self, text: Text) -> list[Match]:
        """Non-overlapping matches, longest first."""
        if self._automaton is None:
            return []
        haystack = text.match_text
        size = len(haystack)
        found: list[Match] = []
        for last, (length, label, lam, ambiguous, words) in self._automaton.iter(haystack):
            end = last + 1
            start = end - length
            if end < size and haystack[end].isalnum():
                continue
            word_start = start
            while word_start > 0 and haystack[word_start - 1].isalnum():
                word_start -= 1
            prefix = haystack[word_start:start]
            if lam:
                if not prefix or prefix[-1] != "ل" or prefix not in PROCLITIC_SET:
                    continue
            elif prefix and prefix not in PROCLITIC_SET:
                continue
            if words == 1 and not self.spelled(text, start, end):
                continue
            found.append(Match(start, end, label, ambiguous, words))
        found.sort(key=lambda m: (m.start - m.end, m.start))
        taken: list[Match] = []
        used: set[int] = set()
        for match in found:
            if any(i in used for i in range(match.start, match.end)):
                continue
            used.update(range(match.start, match.end))
            taken.append(match)
        taken.sort(key=lambda m: m.start)
        return taken
