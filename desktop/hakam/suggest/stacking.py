"""Stacking: once a trained model exists, it decides, label by label, as the reviewers taught it.

The CRF already sees what the rules, gazetteers, learned names and lexicons say
as features, so where reviewers draw a boundary differently from the rules
(تنظيم [داعش]) its own spans carry the reviewers' convention. What is left to
decide, for each entity label and event type, is how far the other suggesters'
items still count; a ``Choice`` says it:

- ``lead``: whose items come first — ``model`` (the CRF) or ``rules`` (the other
  suggesters: for a label the model never saw, or one it learned badly);
- ``fill``: the other side's items of that label that overlap no kept item are
  added when the model's confidence in them (its marginals) is at least ``fill``
  (``None``: never).

``choose`` picks each label's choice on held-out reviewed documents (the model
trained without them, or cross-validated): the one of ``CANDIDATES`` with the
best F1, then the fewest false positives. The shipped behaviour (the rules lead)
comes first and any other choice must beat the best so far by ``MARGIN``: the
model decides where the reviewed documents show it better — where reviewers
draw boundaries their own way, the rules lose there and the model leads. A
label the model never learned (none in the reviewed documents) stays with the
rules, or is dropped when the rules' items of it were all wrong there: reviewers
who never use GPE (ANERcorp tags every place LOC) get no GPE suggestions. ``stack`` applies a policy to one
document. Items keep their source; a kept item of the other side is scored by
the mean of its own score and the model's confidence in it, so a disagreement
reads as uncertainty in the queue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from hakam.core.model import Event, Span

MODEL, RULES = "model", "rules"
T = TypeVar("T", Span, Event)


@dataclass(frozen=True, slots=True)
class Choice:
    lead: str = MODEL
    fill: float | None = None

    def as_json(self) -> list:
        return [self.lead, self.fill]


CANDIDATES: tuple[Choice, ...] = (
    Choice(RULES, None),
    Choice(MODEL, None),
    Choice(MODEL, 0.5),
    Choice(MODEL, 0.25),
    Choice(MODEL, 0.1),
    Choice(MODEL, 0.0),
    Choice(RULES, 0.5),
)
DEFAULT = Choice(MODEL, 0.5)  # no held-out documents to choose on
# Held-out F1 a choice must gain over the best before it: the shipped behaviour (the rules
# lead) stays unless the reviewed documents show the model doing better.
MARGIN = 0.005
UNKNOWN = Choice(RULES, None)  # a label the model was never trained on


@dataclass(frozen=True, slots=True)
class Policy:
    """Choices per ``span:LABEL`` / ``event:TYPE``; labels the model knows."""

    choices: Mapping[str, Choice]
    known: frozenset[str] = frozenset()

    def choice(self, key: str) -> Choice:
        found = self.choices.get(key)
        if found is not None:
            return found
        return DEFAULT if key in self.known else UNKNOWN

    def as_json(self) -> dict:
        return {"choices": {k: c.as_json() for k, c in sorted(self.choices.items())}, "known": sorted(self.known)}

    @classmethod
    def from_json(cls, data: Mapping | None, known: Iterable[str] = ()) -> Policy:
        """The policy a model file carries; entries that make no sense are left out (defaults)."""
        data = data if isinstance(data, Mapping) else {}
        raw = data.get("choices")
        choices = {}
        for key, value in (raw if isinstance(raw, Mapping) else {}).items():
            if isinstance(value, list) and len(value) == 2 and value[0] in (MODEL, RULES):
                fill = value[1]
                if fill is None or (isinstance(fill, int | float) and 0 <= fill <= 1):
                    choices[str(key)] = Choice(value[0], fill)
        listed = data.get("known")
        return cls(choices, frozenset(map(str, listed)) if isinstance(listed, list) else frozenset(known))


def _span_of(item: Span | Event) -> Span:
    return item.trigger if isinstance(item, Event) else item


def _label(item: Span | Event) -> str:
    return f"event:{item.type}" if isinstance(item, Event) else f"span:{item.label}"


def _scored(item: T, score: float) -> T:
    score = round(score, 4)
    if isinstance(item, Event):
        return replace(item, score=score, trigger=replace(item.trigger, score=score))
    return replace(item, score=score)


def stack(model: Sequence[T], others: Sequence[T], verdicts: Sequence[float], policy: Policy) -> list[T]:
    """One document's items of one kind (spans, or events by trigger) after ``policy``:
    the leading side's items, then the other side's fills, without overlaps."""
    lead: list[tuple[T, float]] = []  # (item, score it is ranked and kept with)
    fills: list[tuple[T, float, float]] = []  # (item, score, the model's confidence)
    choices: dict[str, Choice] = {}
    for item in model:
        label = _label(item)
        choice = choices.get(label) or choices.setdefault(label, policy.choice(label))
        if choice.lead == MODEL:
            lead.append((item, item.score or 0))
        elif choice.fill is not None and (item.score or 0) >= choice.fill:
            fills.append((item, item.score or 0, item.score or 0))
    for item, verdict in zip(others, verdicts, strict=True):
        label = _label(item)
        choice = choices.get(label) or choices.setdefault(label, policy.choice(label))
        if choice.lead == RULES:
            lead.append((item, ((item.score or 0) + verdict) / 2))
        elif choice.fill is not None and verdict >= choice.fill:
            fills.append((item, ((item.score or 0) + verdict) / 2, verdict))
    kept: list[tuple[T, float]] = []
    used: set[int] = set()
    ranked = sorted(lead, key=lambda p: (-p[1], *_extent(p[0])))
    for item, score in [*ranked, *((i, s) for i, s, _ in sorted(fills, key=lambda f: (-f[2], *_extent(f[0]))))]:
        span = _span_of(item)
        if used.isdisjoint(range(span.start, span.end)):
            used.update(range(span.start, span.end))
            kept.append((item, score))
    out = [item if score == (item.score or 0) else _scored(item, score) for item, score in kept]
    return sorted(out, key=lambda item: _span_of(item).key)


def _extent(item: Span | Event) -> tuple[int, int]:
    span = _span_of(item)
    return (span.start - span.end, span.start)


def with_arguments(events: list[Event], others: Sequence[Event], spans: Sequence[Span]) -> list[Event]:
    """Model triggers take the arguments and attributes of an overlapping event of the
    same type from the other side; an argument wider than a kept name of its label
    (تنظيم داعش where the reviewers keep داعش) points at that name instead."""

    kept = {s.key for s in spans}

    def narrowed(span: Span) -> Span:
        if span.key in kept:
            return span
        inside = [s for s in spans if s.label == span.label and span.start <= s.start and s.end <= span.end]
        return inside[0] if len(inside) == 1 else span

    out = []
    for event in events:
        donor = event if event.arguments or event.attributes else next(
            (o for o in others if o.type == event.type and o.trigger.overlaps(event.trigger)), None)  # fmt: skip
        if donor is None:
            out.append(event)
            continue
        arguments = tuple(
            a if narrowed(a.span) is a.span else replace(a, span=narrowed(a.span)) for a in donor.arguments
        )
        out.append(replace(event, arguments=arguments, attributes=dict(donor.attributes)))
    return out


@dataclass(slots=True)
class Case:
    """One held-out document's items of one kind (spans, or events): gold, the model's,
    the others' and the model's confidence in each of the others'."""

    gold: list[Span | Event]
    model: list[Span | Event]
    others: list[Span | Event]
    verdicts: list[float]


def _key(item: Span | Event) -> tuple[int, int, str]:
    span = _span_of(item)
    return (span.start, span.end, _label(item))


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _counts(cases: Sequence[Case], label: str, policy: Policy) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for case in cases:
        gold = {_key(g) for g in case.gold if _label(g) == label}
        found = {_key(i) for i in stack(case.model, case.others, case.verdicts, policy) if _label(i) == label}
        tp, fp, fn = tp + len(gold & found), fp + len(found - gold), fn + len(gold - found)
    return tp, fp, fn


def choose(cases: Sequence[Case], known: Iterable[str], rounds: int = 2) -> Policy:
    """Per label, the candidate with the best held-out F1 (then the fewest false
    positives), the other labels at their current choice; each after the first must
    win by ``MARGIN`` (held-out sets are small early on). A label the model never
    learned is kept from the rules or dropped (reviewers who never used it)."""
    known = frozenset(known)
    labels = sorted({_label(i) for c in cases for i in (*c.gold, *c.model, *c.others)})
    choices: dict[str, Choice] = {}
    for _ in range(rounds):
        for label in labels:
            candidates = CANDIDATES if label in known else (UNKNOWN, Choice(MODEL, None))
            best, best_rank = candidates[0], (-1.0, 0)
            for n, candidate in enumerate(candidates):
                tp, fp, fn = _counts(cases, label, Policy({**choices, label: candidate}, known))
                f1 = _f1(tp, fp, fn)
                rank = (round(f1 - (MARGIN if n and label in known else 0.0), 9), -fp)
                if rank > best_rank:
                    best, best_rank = candidate, (round(f1, 9), -fp)
            choices[label] = best
    return Policy(choices, known)
