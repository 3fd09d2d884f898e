"""``ensemble``: several suggesters' outputs merged into one non-overlapping set.

Overlaps are resolved by score, then by the longer span; each kept item keeps
the ``source`` of the suggester that proposed it. When members agree on exactly
the same span, the score rises (``1 - (1-a)(1-b)``): two independent votes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from hakam.core.model import Document, Event, Span
from hakam.suggest.base import Suggester, Suggestions

_CAP = 0.99


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
    kept: list[Span] = []
    for span in ranked:
        if not any(span.overlaps(other) for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.key)


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
    kept: list[Event] = []
    for event in ranked:
        if not any(event.trigger.overlaps(other.trigger) for other in kept):
            kept.append(event)
    return sorted(kept, key=lambda e: e.trigger.key)


class Ensemble:
    name = "ensemble"

    def __init__(self, members: Sequence[Suggester]):
        if not members:
            raise ValueError("an ensemble needs at least one suggester")
        self.members = list(members)
        self.version = "+".join(f"{m.name}@{m.version}" for m in self.members)

    def suggest(self, doc: Document) -> Suggestions:
        outputs = [member.suggest(doc) for member in self.members]
        if len(outputs) == 1:
            return outputs[0]
        judges = [m for m in self.members if hasattr(m, "judge")]
        for judge in judges:
            for member, (spans, events) in zip(self.members, outputs):
                if member is not judge:
                    spans[:] = _judged(spans, judge.judge(doc, spans))
                    triggers = judge.judge(doc, [e.trigger for e in events], "triggers")
                    events[:] = [replace(e, score=s.score, trigger=replace(e.trigger, score=s.score))
                                 for e, s in zip(events, _judged([e.trigger for e in events], triggers), strict=True)]
        return merge_spans([o[0] for o in outputs]), merge_events([o[1] for o in outputs])


def _judged(spans: list[Span], verdicts: list[float]) -> list[Span]:
    """Each span's score averaged with a judge's confidence in it."""
    return [replace(s, score=round(((s.score or 0) + v) / 2, 4)) for s, v in zip(spans, verdicts, strict=True)]
