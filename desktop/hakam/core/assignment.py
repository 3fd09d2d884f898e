"""Dealing documents to annotators: each document to ``k`` of them, balanced and reproducible."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

Doc = TypeVar("Doc", bound=Hashable)


def deal(documents: Sequence[Doc], annotators: Sequence[str], per_document: int, seed: int = 0,
         load: Mapping[str, int] | None = None) -> dict[Doc, tuple[str, ...]]:  # fmt: skip
    """Give each document to ``per_document`` different annotators, in order.

    Each pick goes to the annotator with the fewest documents (counting ``load``, what they
    already have), then to the one who shares fewest documents with those already picked for
    this one (so every pair overlaps about equally, which agreement needs), then by a draw
    from ``seed``. Loads end within one document of each other (when they start so); the
    same arguments always deal the same way."""
    names = list(annotators)
    if len(set(names)) != len(names):
        raise ValueError("an annotator is named twice")
    if not 1 <= per_document <= len(names):
        raise ValueError(f"--per-document must be between 1 and the number of annotators ({len(names)})")
    rng = random.Random(seed)
    counts = Counter({name: (load or {}).get(name, 0) for name in names})
    together: Counter[frozenset[str]] = Counter()
    dealt: dict[Doc, tuple[str, ...]] = {}
    for document in documents:
        draw = {name: rng.random() for name in names}
        chosen: list[str] = []
        for _ in range(per_document):
            best = min((n for n in names if n not in chosen),
                       key=lambda n: (counts[n], sum(together[frozenset((n, c))] for c in chosen), draw[n]))  # fmt: skip
            chosen.append(best)
            counts[best] += 1
        together.update(frozenset(pair) for pair in itertools.combinations(chosen, 2))
        dealt[document] = tuple(sorted(chosen))
    return dealt
