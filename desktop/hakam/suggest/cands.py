"""Candidate spans inside the rule suggester (normalised offsets and word indices)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hakam.suggest.words import Text

# Confidence by evidence: how often each kind of rule is right on the dev set,
# rounded; used to rank and to merge with other suggesters, not as probabilities.
GAZETTEER_LONG = 0.95  # a gazetteer name of two or more words
GAZETTEER = 0.9
LEARNED = 0.88
GAZETTEER_AMBIGUOUS = 0.6
PATTERN = 0.75
PATTERN_WEAK = 0.55
TRIGGER = 0.85
TRIGGER_CONTEXT = 0.65


@dataclass(frozen=True, slots=True)
class Cand:
    start: int  # normalised offsets, end exclusive
    end: int
    label: str
    score: float
    first: int  # word indices, last exclusive
    last: int
    value: str | None = None  # DATE: resolved ISO date

    @property
    def size(self) -> int:
        return self.end - self.start


def cand(text: Text, start: int, end: int, label: str, score: float, value: str | None = None) -> Cand:
    """A candidate for normalised ``[start, end)``, with its word range."""
    first = text.word_containing(start)
    last = text.word_containing(end - 1) + 1
    return Cand(start, end, label, score, first, last, value)


def resolve(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates: longest first, then best score."""
    kept: list[Cand] = []
    used: set[int] = set()
    for c in sorted(cands, key=lambda c: (-c.size, -c.score, c.start)):
        if used.isdisjoint(range(c.start, c.end)):
            used.update(range(c.start, c.end))
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def scan(count: int, at: Callable[[int], Cand | None]) -> list[Cand]:
    """Candidates found left to right by ``at(word index)``, each search resuming after the last find."""
    out: list[Cand] = []
    i = 0
    while i < count:
        found = at(i)
        if found:
            out.append(found)
            i = found.last
        else:
            i += 1
    return out
