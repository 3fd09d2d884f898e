"""Precision, recall and F1 of predicted spans against gold spans.

Used by ``hakam eval``, ``hakam bench suggest`` and training. Two spans match
when document, label and offsets agree. With ``proclitic_tolerance`` a start may
differ by up to that many characters when the extra characters are proclitic
letters (و ف ب ل ك) — corpora that tag whole tokens include them, Hakam does not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hakam.core.model import Span

PROCLITIC_LETTERS = frozenset("وفبلك")
MICRO = "micro"


@dataclass(slots=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "support": self.tp + self.fn}  # fmt: skip


Keyed = tuple[str, Span]  # (document id, span)


def _same(gold: Span, pred: Span, text: str | None, tolerance: int) -> bool:
    if gold.end != pred.end or gold.label != pred.label:
        return False
    if gold.start == pred.start:
        return True
    if not tolerance or text is None:
        return False
    low, high = sorted((gold.start, pred.start))
    return high - low <= tolerance and all(c in PROCLITIC_LETTERS for c in text[low:high])


def score(
    gold: Iterable[Keyed],
    predicted: Iterable[Keyed],
    texts: Mapping[str, str] | None = None,
    label_map: Mapping[str, str] | None = None,
    ignore: Iterable[str] = (),
    proclitic_tolerance: int = 0,
) -> dict[str, PRF]:
    """Per-label and micro PRF. Labels in ``ignore`` are dropped from the gold, and
    predictions overlapping an ignored gold span are dropped too."""
    label_map = label_map or {}
    ignored = set(ignore)

    def rename(span: Span) -> Span:
        label = label_map.get(span.label, span.label)
        return span if label == span.label else Span(span.start, span.end, label)

    gold_by_doc: dict[str, list[Span]] = defaultdict(list)
    skip_by_doc: dict[str, list[Span]] = defaultdict(list)
    for doc, span in gold:
        span = rename(span)
        (skip_by_doc if span.label in ignored else gold_by_doc)[doc].append(span)
    pred_by_doc: dict[str, list[Span]] = defaultdict(list)
    for doc, span in predicted:
        span = rename(span)
        if span.label in ignored or any(span.overlaps(s) for s in skip_by_doc.get(doc, ())):
            continue
        pred_by_doc[doc].append(span)

    result: dict[str, PRF] = defaultdict(PRF)
    for doc in set(gold_by_doc) | set(pred_by_doc):
        text = texts.get(doc) if texts else None
        unmatched = list(gold_by_doc.get(doc, ()))
        for pred in pred_by_doc.get(doc, ()):
            hit = next((g for g in unmatched if _same(g, pred, text, proclitic_tolerance)), None)
            if hit is None:
                result[pred.label].fp += 1
            else:
                unmatched.remove(hit)
                result[pred.label].tp += 1
        for missed in unmatched:
            result[missed.label].fn += 1
    micro = PRF()
    for prf in result.values():
        micro.tp, micro.fp, micro.fn = micro.tp + prf.tp, micro.fp + prf.fp, micro.fn + prf.fn
    out = dict(sorted(result.items()))
    out[MICRO] = micro
    return out


def as_json(scores: Mapping[str, PRF]) -> dict[str, dict[str, float | int]]:
    return {label: prf.as_dict() for label, prf in scores.items()}
