"""How much a word looks like a person or place name, from its letters alone.

Names transliterated into Arabic have letter patterns of their own (ساركوزي,
كوشنير, دروغبا: long vowels, غ and ز where Arabic words seldom have them), and
Arabic given names and places have theirs. A naive Bayes score over the word's
letter 2- to 4-grams (with ``^`` and ``$`` at its edges) contrasts the words of
the names Hakam ships (persons, places, given names) with the common words of
general Arabic text (``frequency.common_forms``). The CRF gets it bucketed, a
clue for names it never saw in reviewed data. ``shipped()`` is built once per
process from the shipped knowledge only (not from names learned from a
database), so a model sees the same scores in training and in use.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Iterable

from hakam.suggest import frequency
from hakam.suggest.kb import KB, knowledge

_NAME_SOURCES = frozenset({"PERS", "GPE", "LOC"})  # ORG names are mostly common words
MIN_LETTERS = 3
BUCKETS = 3  # scores are clamped to -3 … 3
_SCALE = 4  # buckets per unit of the mean log-likelihood ratio
_LOCK = threading.Lock()
_SHIPPED: Nameness | None = None


def grams(form: str) -> list[str]:
    marked = f"^{form}$"
    return [marked[i : i + n] for n in (2, 3, 4) for i in range(len(marked) - n + 1)]


class Nameness:
    def __init__(self, names: Iterable[str], common: Iterable[str]):
        names = {w for w in names if len(w) >= MIN_LETTERS}
        others = {w for w in common if len(w) >= MIN_LETTERS and w.isalpha()} - names
        in_names, in_others = Counter(), Counter()
        for word in names:
            in_names.update(grams(word))
        for word in others:
            in_others.update(grams(word))
        vocabulary = in_names.keys() | in_others.keys()
        name_total = sum(in_names.values()) + len(vocabulary)  # add-one smoothing
        other_total = sum(in_others.values()) + len(vocabulary)
        self.ratio = {
            g: math.log((in_names[g] + 1) / name_total) - math.log((in_others[g] + 1) / other_total) for g in vocabulary
        }

    @classmethod
    def from_knowledge(cls, kb: KB) -> Nameness:
        words = {w for key, label in kb.gazetteer.labels.items() if label in _NAME_SOURCES for w in key.split(" ")}
        words |= {name for name in kb.first_names if " " not in name}
        return cls(words, frequency.common_forms())

    def score(self, form: str) -> float:
        """Mean log-likelihood ratio of the word's letter n-grams, name against common word."""
        found = grams(form)
        return sum(self.ratio.get(g, 0.0) for g in found) / len(found)

    def bucket(self, form: str) -> int:
        return max(-BUCKETS, min(BUCKETS, round(self.score(form) * _SCALE)))


def shipped() -> Nameness:
    """The scorer built from the shipped knowledge base (about a second, once)."""
    global _SHIPPED
    with _LOCK:
        if _SHIPPED is None:
            _SHIPPED = Nameness.from_knowledge(knowledge())
        return _SHIPPED
