"""Precision, recall and F1 of predicted spans against gold spans: Hakam's one scorer.

Used by ``hakam eval``, ``hakam bench`` and training (``evaluate`` scores a
suggester on gold documents).

Event arguments count when the suggested event's trigger has the gold trigger's
offsets, the argument the same offsets and the same role. Gold events without
arguments are left out of the argument score: annotators give arguments on an
event's main mention only (``resources/eval/README.md``), so a suggested argument
on a further mention is neither right nor wrong. Attributes (``fatalities``,
``injured``, ``date``) are scored on every gold trigger that was suggested and
where either side has a value: right when the values are equal. Two spans match when document, label and offsets
agree. With ``proclitic_tolerance`` a start may
differ by up to that many characters when the extra characters are proclitic
letters (و ف ب ل ك) — corpora that tag whole tokens include them, Hakam does not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from hakam.core.arabic import PROCLITIC_LETTERS
from hakam.core.model import Document, Event, Span

MICRO = "micro"
PLACE_MAP = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


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


def _report(scores: Mapping[str, PRF], per_label: bool = True) -> dict[str, Any]:
    """``{"micro": prf, "labels": {label: prf}}`` (the shape of training and bench scores)."""
    out: dict[str, Any] = {MICRO: scores[MICRO].as_dict()}
    if per_label:
        out["labels"] = {label: prf.as_dict() for label, prf in scores.items() if label != MICRO}
    return out


ATTRIBUTES = ("fatalities", "injured", "date")


def _arguments(key: str, events: Iterable[Event], main: set[tuple[int, int]]) -> list[Keyed]:
    """Arguments of the events whose trigger is in ``main``, keyed by document and trigger,
    labelled by role."""
    return [(f"{key}:{e.trigger.start}-{e.trigger.end}", Span(a.span.start, a.span.end, a.role)) for e in events
            if (e.trigger.start, e.trigger.end) in main for a in e.arguments]  # fmt: skip


def _attributes(counts: dict[str, dict[str, int]], gold: Iterable[Event], suggested: Iterable[Event]) -> None:
    by_trigger = {(e.trigger.start, e.trigger.end): e for e in suggested}
    for event in gold:
        found = by_trigger.get((event.trigger.start, event.trigger.end))
        if found is None:
            continue
        for name, tally in counts.items():
            want, got = event.attributes.get(name), found.attributes.get(name)
            if want is None and got is None:
                continue
            tally["scored"] += 1
            tally["right" if want == got else "missed" if got is None else "extra" if want is None else "wrong"] += 1


def evaluate(
    gold: Iterable[Document],
    suggest: Callable[[Document], tuple[list[Span], list[Event]]],
) -> dict[str, Any]:
    """Scores of ``suggest`` on gold documents (exact offsets): entities, entities
    with GPE/LOC/FAC as one place class, event triggers typed and untyped, event
    arguments per role and attributes (see the module doc)."""
    spans: tuple[list[Keyed], list[Keyed]] = ([], [])
    triggers: tuple[list[Keyed], list[Keyed]] = ([], [])
    arguments: tuple[list[Keyed], list[Keyed]] = ([], [])
    attributes = {name: {"scored": 0, "right": 0, "missed": 0, "wrong": 0, "extra": 0} for name in ATTRIBUTES}
    for n, doc in enumerate(gold):
        key = f"d{n}"
        predicted, events = suggest(Document(doc.text, doc.id, dict(doc.meta)))
        main = {(e.trigger.start, e.trigger.end) for e in doc.events if e.arguments}
        for side, found, found_events in ((0, doc.spans, doc.events), (1, predicted, events)):
            spans[side].extend((key, s) for s in found)
            triggers[side].extend((key, Span(e.trigger.start, e.trigger.end, e.type)) for e in found_events)
            arguments[side].extend(_arguments(key, found_events, main))
        _attributes(attributes, doc.events, events)
    untyped = {s.label: "EVENT" for _, s in (*triggers[0], *triggers[1])}
    return {
        "entities": _report(score(*spans)),
        "entities_places_merged": _report(score(*spans, label_map=PLACE_MAP)),
        "triggers_typed": _report(score(*triggers)),
        "triggers_untyped": _report(score(*triggers, label_map=untyped), per_label=False),
        "arguments": _report(score(*arguments)),
        "attributes": {name: {**c, "accuracy": round(c["right"] / c["scored"], 4) if c["scored"] else None}
                       for name, c in attributes.items()},
    }  # fmt: skip
