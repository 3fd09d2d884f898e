"""Precision, recall and F1 of suggestions against gold documents (exact offsets)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from hakam.core.model import Document, Event, Span

PLACES = frozenset({"GPE", "LOC", "FAC"})
Key = tuple[int, int, str]


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


class Tally:
    """True/false positives and false negatives per label, summed over documents."""

    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()

    def add(self, gold: Iterable[Key], predicted: Iterable[Key]) -> None:
        gold_set, pred_set = set(gold), set(predicted)
        for key in gold_set & pred_set:
            self.tp[key[2]] += 1
        for key in pred_set - gold_set:
            self.fp[key[2]] += 1
        for key in gold_set - pred_set:
            self.fn[key[2]] += 1

    def report(self, per_label: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"micro": prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))}
        if per_label:
            labels = sorted(set(self.tp) | set(self.fp) | set(self.fn))
            out["labels"] = {label: prf(self.tp[label], self.fp[label], self.fn[label]) for label in labels}
        return out


def span_keys(spans: Iterable[Span], merge_places: bool = False) -> list[Key]:
    return [(s.start, s.end, "PLACE" if merge_places and s.label in PLACES else s.label) for s in spans]


def trigger_keys(events: Iterable[Event], typed: bool = True) -> list[Key]:
    return [(e.trigger.start, e.trigger.end, e.type if typed else "EVENT") for e in events]


def evaluate(
    gold: Iterable[Document],
    suggest: Callable[[Document], tuple[list[Span], list[Event]]],
) -> dict[str, Any]:
    """Scores of ``suggest`` on gold documents: entities exact and with places merged,
    event triggers typed and untyped."""
    exact, merged, typed, untyped = Tally(), Tally(), Tally(), Tally()
    for doc in gold:
        spans, events = suggest(Document(doc.text, doc.id, dict(doc.meta)))
        exact.add(span_keys(doc.spans), span_keys(spans))
        merged.add(span_keys(doc.spans, True), span_keys(spans, True))
        typed.add(trigger_keys(doc.events), trigger_keys(events))
        untyped.add(trigger_keys(doc.events, False), trigger_keys(events, False))
    return {
        "entities": exact.report(),
        "entities_places_merged": merged.report(),
        "triggers_typed": typed.report(),
        "triggers_untyped": untyped.report(per_label=False),
    }
