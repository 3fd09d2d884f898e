"""``ensemble``: several suggesters' outputs merged into one non-overlapping set.

Overlaps are resolved by score, then by the longer span; each kept item keeps
the ``source`` of the suggester that proposed it. When members agree on exactly
the same span, the score rises (``1 - (1-a)(1-b)``): two independent votes. A
member that can judge the others (the CRF, ``suggest_and_judge``) first rescores
their items by its marginals, and its own by the others' agreement.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from hakam.core.model import Argument, Document, Event, Span
from hakam.suggest.base import Suggester, Suggestions

_CAP = 0.99
_FLOOR = 0.3  # other members' items the judge rescored below this are dropped
T = TypeVar("T")
S = TypeVar("S", Span, Event)


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
        """With a judge among the members (``suggest_and_judge``: the CRF), each side is
        rescored by the other: the others' items by the judge's confidence in them, the
        judge's items by whether the others agree (1), say nothing there (½) or
        disagree with an overlapping item (0). The judge's ``weight`` (its say, from 0 to
        1) sets how much the other side's view counts in each new score; the others'
        items it rescores below ``_FLOOR`` are dropped (only a judge with a large say,
        trained on many documents, brings a confident item that low)."""
        plain = [m for m in self.members if not hasattr(m, "suggest_and_judge")]
        outputs = [m.suggest(doc) for m in plain]
        for judge in (m for m in self.members if hasattr(m, "suggest_and_judge")):
            spans = [s for o in outputs for s in o[0]]
            events = [e for o in outputs for e in o[1]]
            triggers = [e.trigger for e in events]
            own_spans, own_events, verdicts, trigger_verdicts = judge.suggest_and_judge(doc, spans, triggers)
            span_votes, trigger_votes = _Agreement(spans), _Agreement(triggers)
            w = getattr(judge, "weight", 0.5)
            outputs = [
                (_kept([_rescored(s, v, w) for s, v in zip(spans, verdicts, strict=True)]),
                 _kept([_rescored(e, v, w) for e, v in zip(events, trigger_verdicts, strict=True)])),
                ([_rescored(s, span_votes(s), 1 - w) for s in own_spans],
                 [_rescored(e, trigger_votes(e.trigger), 1 - w) for e in own_events]),
            ]  # fmt: skip
        if len(outputs) == 1:
            return outputs[0]
        spans = merge_spans([o[0] for o in outputs])
        return spans, outside_names(spans, merge_events([o[1] for o in outputs]))


class _Agreement:
    """How far other suggesters back a span: 1 the same span, 0 an overlapping other one, ½ none."""

    def __init__(self, others: list[Span]):
        self.keys = {o.key for o in others}
        self.covered = {i for o in others for i in range(o.start, o.end)}

    def __call__(self, span: Span) -> float:
        if span.key in self.keys:
            return 1.0
        return 0.0 if not self.covered.isdisjoint(range(span.start, span.end)) else 0.5


def _kept(items: list[S]) -> list[S]:
    return [item for item in items if (item.score or 0) >= _FLOOR]


def _rescored(item: S, verdict: float, weight: float) -> S:
    """``item`` with its score moved ``weight`` of the way to ``verdict``."""
    score = round((1 - weight) * (item.score or 0) + weight * verdict, 4)
    if isinstance(item, Event):
        return replace(item, score=score, trigger=replace(item.trigger, score=score))
    return replace(item, score=score)
