"""Precision, recall and F1 of suggestions against gold documents (exact offsets).

Counts go into ``hakam.core.scoring.PRF``; the report keeps its own short keys
(``p``/``r``/``f1``), which bench JSON and the stored model scores use.

Event arguments count when the suggested event's trigger has the gold trigger's
offsets, the argument the same offsets and the same role. Gold events without
arguments are left out of the argument score: annotators give arguments on an
event's main mention only (``resources/eval/README.md``), so a suggested argument
on a further mention is neither right nor wrong. Attributes (``fatalities``,
``injured``, ``date``) are scored on every gold trigger that was suggested and
where either side has a value: right when the values are equal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from hakam.core.model import Document, Event, Span
from hakam.core.scoring import PRF

PLACES = frozenset({"GPE", "LOC", "FAC"})
Key = tuple[int, int, str]


def _report(counts: PRF) -> dict[str, Any]:
    return {"p": round(counts.precision, 4), "r": round(counts.recall, 4), "f1": round(counts.f1, 4),
            "tp": counts.tp, "fp": counts.fp, "fn": counts.fn}  # fmt: skip


class Tally:
    """True/false positives and false negatives per label, summed over documents."""

    def __init__(self) -> None:
        self.labels: defaultdict[str, PRF] = defaultdict(PRF)

    def add(self, gold: Iterable[Key], predicted: Iterable[Key]) -> None:
        gold_set, pred_set = set(gold), set(predicted)
        for key in gold_set & pred_set:
            self.labels[key[2]].tp += 1
        for key in pred_set - gold_set:
            self.labels[key[2]].fp += 1
        for key in gold_set - pred_set:
            self.labels[key[2]].fn += 1

    def report(self, per_label: bool = True) -> dict[str, Any]:
        counts = self.labels.values()
        micro = PRF(sum(c.tp for c in counts), sum(c.fp for c in counts), sum(c.fn for c in counts))
        out: dict[str, Any] = {"micro": _report(micro)}
        if per_label:
            out["labels"] = {label: _report(self.labels[label]) for label in sorted(self.labels)}
        return out


def span_keys(spans: Iterable[Span], merge_places: bool = False) -> list[Key]:
    return [(s.start, s.end, "PLACE" if merge_places and s.label in PLACES else s.label) for s in spans]


def trigger_keys(events: Iterable[Event], typed: bool = True) -> list[Key]:
    return [(e.trigger.start, e.trigger.end, e.type if typed else "EVENT") for e in events]


ATTRIBUTES = ("fatalities", "injured", "date")


def argument_keys(events: Iterable[Event], triggers: set[tuple[int, int]]) -> list[tuple[Any, Any, str]]:
    """(trigger offsets, argument offsets, role) of the events whose trigger is in ``triggers``."""
    return [((e.trigger.start, e.trigger.end), (a.span.start, a.span.end), a.role) for e in events
            if (e.trigger.start, e.trigger.end) in triggers for a in e.arguments]  # fmt: skip


class AttributeTally:
    """Per attribute: gold triggers suggested where either side has a value, and how many agree."""

    def __init__(self) -> None:
        self.counts = {name: {"scored": 0, "right": 0, "missed": 0, "wrong": 0, "extra": 0} for name in ATTRIBUTES}

    def add(self, gold: Iterable[Event], suggested: Iterable[Event]) -> None:
        by_trigger = {(e.trigger.start, e.trigger.end): e for e in suggested}
        for event in gold:
            found = by_trigger.get((event.trigger.start, event.trigger.end))
            if found is None:
                continue
            for name, counts in self.counts.items():
                want, got = event.attributes.get(name), found.attributes.get(name)
                if want is None and got is None:
                    continue
                counts["scored"] += 1
                outcome = "right" if want == got else "missed" if got is None else "extra" if want is None else "wrong"
                counts[outcome] += 1

    def report(self) -> dict[str, Any]:
        return {name: {**c, "accuracy": round(c["right"] / c["scored"], 4) if c["scored"] else None}
                for name, c in self.counts.items()}  # fmt: skip


def evaluate(
    gold: Iterable[Document],
    suggest: Callable[[Document], tuple[list[Span], list[Event]]],
) -> dict[str, Any]:
    """Scores of ``suggest`` on gold documents: entities exact and with places merged,
    event triggers typed and untyped, event arguments per role and attributes."""
    exact, merged, typed, untyped, arguments = Tally(), Tally(), Tally(), Tally(), Tally()
    attributes = AttributeTally()
    for doc in gold:
        spans, events = suggest(Document(doc.text, doc.id, dict(doc.meta)))
        exact.add(span_keys(doc.spans), span_keys(spans))
        merged.add(span_keys(doc.spans, True), span_keys(spans, True))
        typed.add(trigger_keys(doc.events), trigger_keys(events))
        untyped.add(trigger_keys(doc.events, False), trigger_keys(events, False))
        main = {(e.trigger.start, e.trigger.end) for e in doc.events if e.arguments}
        arguments.add(argument_keys(doc.events, main), argument_keys(events, main))
        attributes.add(doc.events, events)
    return {
        "entities": exact.report(),
        "entities_places_merged": merged.report(),
        "triggers_typed": typed.report(),
        "triggers_untyped": untyped.report(per_label=False),
        "arguments": arguments.report(),
        "attributes": attributes.report(),
    }
