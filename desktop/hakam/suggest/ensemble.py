"""``ensemble``: several suggesters' outputs merged into one non-overlapping set.

Overlaps are resolved by score, then by the longer span; each kept item keeps
the ``source`` of the suggester that proposed it. When members agree on exactly
the same span, the score rises (``1 - (1-a)(1-b)``): two independent votes. A
trained model among them (the CRF, ``suggest_and_judge``) decides instead, by the
policy it learned on held-out reviewed documents (``hakam.suggest.stacking``).
No event keeps an argument from inside another kept name (``outside_names``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from hakam.core.model import Argument, Document, Event, Span
from hakam.suggest.base import Suggester, Suggestions
from hakam.suggest.stacking import stack, with_arguments

_CAP = 0.99
T = TypeVar("T")


def _agree(a: float | None, b: float | None) -> float:
    return min(_CAP, 1 - (1 - (a or 0)) * (1 - (b or 0)))


def merge_spans(groups: Sequence[list[Span]]) -> list[Span]:
    best: dict[tuple[int, int, str], Span] = {}
    for spans in groups:
        for span in spans:
            old = best.get(span.key)
            if old is None:
                best[span.key] = span
            else:
                winner = span if (span.score or 0) > (old.score or 0) else old
                best[span.key] = replace(winner, score=_agree(old.score, span.score))
    ranked = sorted(best.values(), key=lambda s: (-(s.score or 0), s.start - s.end, s.start))
    return sorted(_non_overlapping(ranked, lambda s: s), key=lambda s: s.key)


def merge_events(groups: Sequence[list[Event]]) -> list[Event]:
    best: dict[tuple[int, int, str], Event] = {}
    for events in groups:
        for event in events:
            key = (event.trigger.start, event.trigger.end, event.type)
            old = best.get(key)
            if old is None:
                best[key] = event
                continue
            winner, other = (event, old) if (event.score or 0) > (old.score or 0) else (old, event)
            best[key] = replace(
                winner,
                score=_agree(old.score, event.score),
                arguments=winner.arguments or other.arguments,
                attributes=winner.attributes or other.attributes,
            )
    ranked = sorted(best.values(), key=lambda e: (-(e.score or 0), e.trigger.start - e.trigger.end, e.trigger.start))
    return sorted(_non_overlapping(ranked, lambda e: e.trigger), key=lambda e: e.trigger.key)


def outside_names(spans: list[Span], events: list[Event]) -> list[Event]:
    """The events without the arguments that lie inside (or across) a kept name of other
    offsets: لبنان is no Place when the kept name is قوات الأمم المتحدة المؤقتة في لبنان."""
    kept = {(s.start, s.end) for s in spans}
    covered: dict[int, tuple[int, int]] = {i: (s.start, s.end) for s in spans for i in range(s.start, s.end)}

    def free(arg: Argument) -> bool:
        where = (arg.span.start, arg.span.end)
        return where in kept or all(covered.get(i, where) == where for i in range(*where))

    out = []
    for event in events:
        arguments = tuple(a for a in event.arguments if free(a))
        out.append(event if len(arguments) == len(event.arguments) else replace(event, arguments=arguments))
    return out


def _non_overlapping(ranked: list[T], span_of: Callable[[T], Span]) -> list[T]:
    """The items in rank order that overlap no better-ranked kept item."""
    used: set[int] = set()
    kept = []
    for item in ranked:
        span = span_of(item)
        if used.isdisjoint(range(span.start, span.end)):
            used.update(range(span.start, span.end))
            kept.append(item)
    return kept


class Ensemble:
    name = "ensemble"

    def __init__(self, members: Sequence[Suggester]):
        if not members:
            raise ValueError("an ensemble needs at least one suggester")
        self.members = list(members)
        self.version = "+".join(f"{m.name}@{m.version}" for m in self.members)

    def suggest(self, doc: Document) -> Suggestions:
        spans, events, _ = self.suggest_scored(doc)
        return spans, events

    def suggest_scored(self, doc: Document) -> tuple[list[Span], list[Event], list[float]]:
        """The members without a model merged; with a trained model among the members
        (``suggest_and_judge``: the CRF), it decides by its stacking policy
        (``hakam.suggest.stacking``). Also the confidence in every candidate weighed,
        kept or not (the model's in its own and in the others'), for the queue."""
        plain = [m for m in self.members if not hasattr(m, "suggest_and_judge")]
        outputs = [m.suggest(doc) for m in plain]
        spans = merge_spans([o[0] for o in outputs]) if len(outputs) > 1 else list(outputs[0][0]) if outputs else []
        events = merge_events([o[1] for o in outputs]) if len(outputs) > 1 else list(outputs[0][1]) if outputs else []
        confidences = [item.score or 0.0 for item in (*spans, *events)]
        for model in (m for m in self.members if hasattr(m, "suggest_and_judge")):
            spans, events, confidences = stacked(model, doc, spans, events)
        return spans, outside_names(spans, events), confidences


def stacked(
    model, doc: Document, spans: list[Span], events: list[Event]
) -> tuple[list[Span], list[Event], list[float]]:
    """``model``'s suggestions with the others' (``spans``, ``events``) by its policy, and
    its confidence in each candidate."""
    own_spans, own_events, verdicts, trigger_verdicts = model.suggest_and_judge(doc, spans, [e.trigger for e in events])
    kept_spans = stack(own_spans, spans, verdicts, model.policy)
    kept_events = stack(own_events, events, trigger_verdicts, model.policy)
    confidences = (
        [s.score or 0.0 for s in own_spans] + verdicts + [e.score or 0.0 for e in own_events] + trigger_verdicts
    )
    return kept_spans, with_arguments(kept_events, events, kept_spans), confidences
