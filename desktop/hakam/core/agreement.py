"""Inter-annotator agreement, defined so anyone can recompute it from two exports.

- Units: over the documents reviewed by every annotator compared (both of a pair, all of
  them for α), each non-whitespace code point of the text is one unit. Its value for an
  annotator is the label of their accepted span covering it (the innermost one where their
  spans nest), or ``O``.
- Cohen's κ for each pair, from the pair's confusion matrix over those units; Krippendorff's α
  (nominal) over all the annotators, computed by the ``krippendorff`` package. Both overall
  and for each label one-vs-rest (the label against every other value).
- Span F1 for each pair: a span counts as agreed when both have it with the same offsets and
  label; per label too. Event F1: the same for triggers (offsets and event type).

Every figure comes with the counts behind it. Units where all annotators agree are handed to
``krippendorff`` as one unit per value holding all their values (each such unit adds its
number of values to the diagonal of the coincidence matrix either way), so the library only
sees the disputed units one by one: 10,000 articles take seconds, not gigabytes.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import krippendorff
import numpy as np

from hakam.core.model import LayeredDocument

OUTSIDE = "O"
MISSING = -1  # the unit's document was not reviewed by that annotator
# Code points Python's str.isspace() calls whitespace (Unicode White_Space and the
# information separators 0x1C-0x1F; the last is U+3000); everything else is a unit.
_SPACE = np.array([chr(c).isspace() for c in range(0x3001)])


@dataclass(frozen=True, slots=True)
class Kappa:
    """Cohen's κ of two annotators over the same units, and its counts."""

    kappa: float | None  # None when chance agreement is already total (one value only)
    units: int
    agreed: int  # units with the same value
    expected: float  # agreement expected by chance, as a share

    def as_dict(self) -> dict[str, Any]:
        return {"kappa": _round(self.kappa), "units": self.units, "agreed": self.agreed,
                "expected": _round(self.expected)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Overlap:
    """Items (spans or triggers) both marked, and those only one of the two marked."""

    both: int = 0
    only_a: int = 0
    only_b: int = 0

    @property
    def f1(self) -> float | None:
        total = 2 * self.both + self.only_a + self.only_b
        return 2 * self.both / total if total else None

    def as_dict(self) -> dict[str, Any]:
        return {"f1": _round(self.f1), "both": self.both, "only_a": self.only_a, "only_b": self.only_b}


@dataclass(slots=True)
class PairAgreement:
    a: str
    b: str
    documents: int  # reviewed by both
    kappa: Kappa
    kappa_by_label: dict[str, Kappa] = field(default_factory=dict)
    spans: Overlap = Overlap()
    spans_by_label: dict[str, Overlap] = field(default_factory=dict)
    events: Overlap = Overlap()
    events_by_type: dict[str, Overlap] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "annotators": [self.a, self.b], "documents": self.documents,
            "kappa": self.kappa.as_dict(),
            "kappa_by_label": {k: v.as_dict() for k, v in self.kappa_by_label.items()},
            "spans": self.spans.as_dict(),
            "spans_by_label": {k: v.as_dict() for k, v in self.spans_by_label.items()},
            "events": self.events.as_dict(),
            "events_by_type": {k: v.as_dict() for k, v in self.events_by_type.items()},
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class Alpha:
    """Krippendorff's α (nominal) and its counts."""

    alpha: float | None  # None without two values to tell apart
    units: int
    disputed: int  # units on which the annotators did not all agree

    def as_dict(self) -> dict[str, Any]:
        return {"alpha": _round(self.alpha), "units": self.units, "disputed": self.disputed}


@dataclass(slots=True)
class Agreement:
    annotators: list[str]
    labels: list[str]
    documents: int  # reviewed by all the annotators (α's documents)
    alpha: Alpha
    alpha_by_label: dict[str, Alpha]
    pairs: list[PairAgreement]

    def as_dict(self) -> dict[str, Any]:
        return {
            "definition": "units: non-whitespace code points of documents reviewed by all compared annotators; "
                          "value: label of the covering accepted span (innermost) or O; "
                          "kappa: Cohen per pair; alpha: Krippendorff nominal (krippendorff package); "
                          "per label: one-vs-rest; span F1: exact offsets and label; event F1: trigger offsets and type",
            "annotators": self.annotators, "labels": self.labels, "documents": self.documents,
            "alpha": self.alpha.as_dict(),
            "alpha_by_label": {k: v.as_dict() for k, v in self.alpha_by_label.items()},
            "pairs": [p.as_dict() for p in self.pairs],
        }  # fmt: skip


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 6)


def agreement(documents: Iterable[LayeredDocument], annotators: Sequence[str] | None = None) -> Agreement:
    """Agreement of ``annotators`` (default: everyone who reviewed anything) on ``documents``."""
    docs = list(documents)
    names = sorted(set(annotators) if annotators else {n for d in docs for n in d.layers})
    if len(names) < 2:
        raise ValueError("agreement needs at least two annotators")
    docs = [d for d in docs if sum(n in d.layers for n in names) >= 2]
    labels = sorted({s.label for d in docs for n in names if n in d.layers for s in d.layers[n].spans})
    values = _unit_values(docs, names, {label: i for i, label in enumerate([OUTSIDE, *labels])})
    everyone = [d for d in docs if all(n in d.layers for n in names)]
    alpha, by_label = _alpha(values, labels)
    spans = {n: {(i, s.start, s.end, s.label) for i, d in enumerate(docs) if n in d.layers for s in d.layers[n].spans}
             for n in names}  # fmt: skip
    triggers = {n: {(i, e.trigger.start, e.trigger.end, e.type) for i, d in enumerate(docs) if n in d.layers
                    for e in d.layers[n].events} for n in names}  # fmt: skip
    pairs = []
    for i, j in itertools.combinations(range(len(names)), 2):
        a, b = names[i], names[j]
        shared = {n for n, d in enumerate(docs) if a in d.layers and b in d.layers}
        pair = PairAgreement(a, b, len(shared), *_kappas(values[i], values[j], labels))
        if len(shared) < len(docs):  # keep the items of the documents both reviewed
            spans_a, spans_b, triggers_a, triggers_b = ({key for key in items if key[0] in shared}
                                                        for items in (spans[a], spans[b], triggers[a], triggers[b]))  # fmt: skip
        else:
            spans_a, spans_b, triggers_a, triggers_b = spans[a], spans[b], triggers[a], triggers[b]
        pair.spans, pair.spans_by_label = _overlap(spans_a, spans_b)
        pair.events, pair.events_by_type = _overlap(triggers_a, triggers_b)
        pairs.append(pair)
    return Agreement(names, labels, len(everyone), alpha, by_label, pairs)


def _unit_values(docs: list[LayeredDocument], names: list[str], codes: dict[str, int]) -> np.ndarray:
    """(annotators, units): each non-whitespace code point's value code, ``MISSING`` where
    the annotator did not review the document."""
    text = "".join(d.text for d in docs)
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    keep = ~_SPACE[np.minimum(points, len(_SPACE) - 1)] | (points >= len(_SPACE))
    values = np.full((len(names), len(points)), MISSING, dtype=np.int8 if len(codes) < 128 else np.int16)
    offset = 0
    for doc in docs:
        end = offset + len(doc.text)
        for row, name in enumerate(names):
            layer = doc.layers.get(name)
            if layer is None:
                continue
            line = values[row, offset:end]
            line[:] = 0
            # Longest first, so the innermost of nested spans is painted last.
            for span in sorted(layer.spans, key=lambda s: (s.start - s.end, s.start)):
                line[span.start : span.end] = codes[span.label]
        offset = end
    return values[:, keep]


def kappa_of(confusion: np.ndarray) -> Kappa:
    """Cohen's κ from a square confusion matrix (rows: one annotator, columns: the other)."""
    units = int(confusion.sum())
    agreed = int(np.trace(confusion))
    if not units:
        return Kappa(None, 0, 0, 0.0)
    expected = float(confusion.sum(axis=1) @ confusion.sum(axis=0)) / units**2
    kappa = (agreed / units - expected) / (1 - expected) if expected < 1 else None
    return Kappa(kappa, units, agreed, expected)


def _kappas(left: np.ndarray, right: np.ndarray, labels: list[str]) -> tuple[Kappa, dict[str, Kappa]]:
    """κ of two annotators' unit values where both have one, overall and one-vs-rest by label."""
    both = (left != MISSING) & (right != MISSING)
    if not both.all():
        left, right = left[both], right[both]
    size = len(labels) + 1
    confusion = np.bincount(left.astype(np.int32) * size + right, minlength=size * size)
    confusion = confusion.reshape(size, size)
    units = int(confusion.sum())
    by_label = {}
    for code, label in enumerate(labels, 1):
        hit = int(confusion[code, code])
        only_a, only_b = int(confusion[code].sum()) - hit, int(confusion[:, code].sum()) - hit
        if hit + only_a + only_b:  # else neither of the two used the label here
            by_label[label] = kappa_of(np.array([[units - hit - only_a - only_b, only_b], [only_a, hit]]))
    return kappa_of(confusion), by_label


def _overlap(a: set[tuple[int, int, int, str]], b: set[tuple[int, int, int, str]]) -> tuple[Overlap, dict[str, Overlap]]:  # fmt: skip
    """Exact matches of (document, start, end, label) items, overall and by label."""
    both, only_a, only_b = (Counter(key[3] for key in keys) for keys in (a & b, a - b, b - a))
    by_label = {label: Overlap(both[label], only_a[label], only_b[label]) for label in sorted(both | only_a | only_b)}
    return Overlap(len(a & b), len(a - b), len(b - a)), by_label


def _alpha(values: np.ndarray, labels: list[str]) -> tuple[Alpha, dict[str, Alpha]]:
    """α over the units every annotator coded, overall and one-vs-rest for each label."""
    present = (values != MISSING).all(axis=0)
    coded = values if present.all() else values[:, present]
    raters, units = coded.shape
    size = len(labels) + 1
    unanimous = (coded == coded[0]).all(axis=0)
    agreed = np.bincount(coded[0, unanimous], minlength=size) * raters  # values unanimous units got, by value
    disputed = coded[:, ~unanimous]
    counts = np.zeros((disputed.shape[1], size), dtype=np.int64)  # value counts of the disputed units
    for row in disputed:
        counts[np.arange(len(row)), row] += 1
    overall = Alpha(_krippendorff(agreed, counts), units, len(counts))
    by_label = {}
    for code, label in enumerate(labels, 1):
        split = counts[:, code] > 0  # disputed units where some, not all, chose the label
        binary = np.stack([raters - counts[split, code], counts[split, code]], axis=1)
        others = units - agreed[code] // raters - int(split.sum())  # units on which nobody chose it
        by_label[label] = Alpha(_krippendorff(np.array([raters * others, agreed[code]]), binary), units,
                                int(split.sum()))  # fmt: skip
    return overall, by_label


def _krippendorff(agreed: np.ndarray, disputed: np.ndarray) -> float | None:
    """Nominal α of the disputed units' value counts plus, for each value, one unit holding
    all the values unanimous units gave it."""
    folded = np.diag(agreed)[agreed > 0]
    value_counts = np.vstack([folded, disputed]) if len(disputed) else folded
    if np.count_nonzero(value_counts.sum(axis=0)) < 2:
        return None  # one value only: nothing to tell apart, α undefined
    return float(krippendorff.alpha(value_counts=value_counts, level_of_measurement="nominal"))
