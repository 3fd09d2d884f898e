"""Figures for the dashboard: progress, pace, label counts, suggestion quality and
the learning curve. Qt-free reads over a ``Store``; plain dataclasses out.

Where a reviewed item came from is read from the decision log: the first decision
on an item keeps the suggestion as it was (``before``: pending, with its label,
offsets and ``source``), whatever edits and refreshes came after.

``store.stats`` reads them; ``held_out`` and ``micro_f1`` read a model version's scores.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import orjson
import peewee as pw

from hakam.store.models import ModelInfo
from hakam.store.tables import ACCEPTED, DELETED, IGNORED, PENDING, REJECTED, REVIEWED, SUPERSEDED, TODO, VOID

if TYPE_CHECKING:
    from hakam.store.store import Store

__all__ = ["CurvePoint", "DayCount", "HourCount", "ModelInfo", "Outcome", "Score", "Stats", "Summary", "held_out",
           "micro_f1"]  # fmt: skip

HOUR = 3600.0
UNKNOWN_SOURCE = "?"


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    count: int
    total: int  # cumulative up to and including ``day``


@dataclass(frozen=True, slots=True)
class HourCount:
    hour: float  # unix time of the start of the hour
    count: int  # actions (one accept-all is one action)


@dataclass(slots=True)
class Outcome:
    """What reviewers did with suggested items (the current state of each)."""

    accepted: int = 0  # kept as suggested
    relabelled: int = 0  # kept with another label or event type
    resized: int = 0  # kept with other offsets
    rejected: int = 0
    deleted: int = 0
    pending: int = 0  # not decided yet (not part of the rate)

    @property
    def decided(self) -> int:
        return self.accepted + self.relabelled + self.resized + self.rejected + self.deleted

    @property
    def rate(self) -> float | None:
        """Share of decided suggestions accepted unchanged (None: nothing decided)."""
        return self.accepted / self.decided if self.decided else None


@dataclass(frozen=True, slots=True)
class CurvePoint:
    model_id: int
    name: str
    version: str
    kind: str
    train_documents: int
    f1: float
    active: bool
    created_at: float


@dataclass(frozen=True, slots=True)
class Summary:
    """Everything the dashboard shows, read in one go (from a worker thread if need be)."""

    reviewed_per_day: list[DayCount]
    actions_per_hour: dict[str, list[HourCount]]
    entity_counts: dict[str, int]
    event_counts: dict[str, int]
    acceptance_by_label: dict[str, Outcome]
    acceptance_by_event_type: dict[str, Outcome]
    acceptance_by_model: dict[str, Outcome]
    learning_curve: list[CurvePoint]


def _outcome_of(status: str, kept_label: bool, kept_offsets: bool) -> str:
    if status == ACCEPTED:
        return "accepted" if kept_label and kept_offsets else "relabelled" if not kept_label else "resized"
    return {REJECTED: "rejected", DELETED: "deleted"}.get(status, "pending")


def _bump(table: dict[str, Outcome], key: str, outcome: str) -> None:
    entry = table.setdefault(key, Outcome())
    setattr(entry, outcome, getattr(entry, outcome) + 1)


# -- model versions -------------------------------------------------------------------
SCORED_MEMBER = "crf"  # whose held-out scores describe a model version (not the ensemble's)
ENTITIES, TRIGGERS = "entities", "triggers_typed"


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float


def _score(raw: Any) -> Score | None:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("f1"), int | float):
        return None
    precision = raw.get("p", raw.get("precision", 0.0))
    recall = raw.get("r", raw.get("recall", 0.0))
    return Score(float(precision or 0.0), float(recall or 0.0), float(raw["f1"]))


def held_out(scores: Mapping[str, Any], part: str = ENTITIES, member: str = SCORED_MEMBER) -> dict[str, Score]:
    """Held-out scores per label, with ``"micro"``, from a model version's ``scores``:
    ``{member: {part: {"micro": prf, "labels": {label: prf}}}}`` as ``hakam.suggest.training``
    writes them (prf keys ``p``/``r``/``f1``), or a flat ``{label: prf, "micro": prf}``
    (``hakam.core.scoring.as_json``) for entities."""
    nested = scores.get(member)
    if isinstance(nested, Mapping):
        table = nested.get(part)
        if not isinstance(table, Mapping):
            return {}
        raw = dict(table.get("labels") or {})
        raw["micro"] = table.get("micro")
    elif part == ENTITIES:
        raw = dict(scores)
    else:
        return {}
    out = {label: score for label, value in raw.items() if (score := _score(value)) is not None}
    return out if "micro" in out else {}


def micro_f1(scores: Mapping[str, Any]) -> float | None:
    """The held-out micro F1 of a model version's entities (None when it has no scores)."""
    micro = held_out(scores).get("micro")
    return micro.f1 if micro else None


class Stats:
    """Figures over one store (``store.stats``)."""

    def __init__(self, store: Store):
        self._store = store
        self._t = store.tables

    def counts(self) -> dict[str, Any]:
        """Figures for ``hakam stats`` and the status bar."""
        Decision = self._t.Decision
        by_status = self._store.documents.count_by_status()
        actions = dict(Decision.select(Decision.action, pw.fn.COUNT(Decision.id)).group_by(Decision.action).tuples())
        labels, types = self.item_counts()
        return {
            "documents": sum(by_status.values()),
            "reviewed": by_status.get(REVIEWED, 0),
            "ignored": by_status.get(IGNORED, 0),
            "to_review": by_status.get(TODO, 0),
            "decisions": sum(actions.values()),
            "decisions_by_action": dict(sorted(actions.items())),
            "pending_suggestions": self._store.suggestions.pending_count(),
            "entities_by_label": labels,
            "events_by_type": types,
        }

    # -- progress and pace --------------------------------------------------------
    def reviewed_per_day(self) -> list[DayCount]:
        """Documents currently marked reviewed, by the local day they were reviewed."""
        Document = self._t.Document
        query = Document.select(Document.reviewed_at).where(
            (Document.status == REVIEWED) & Document.reviewed_at.is_null(False)
        )
        days = Counter(datetime.fromtimestamp(at).date() for (at,) in query.tuples())
        out, total = [], 0
        for day in sorted(days):
            total += days[day]
            out.append(DayCount(day, days[day], total))
        return out

    def actions_per_hour(self) -> dict[str, list[HourCount]]:
        """Reviewer actions (decision batches, undo and redo included) per hour, per annotator.
        Hours are counted here, not in SQL, so that both backends round alike."""
        Decision = self._t.Decision
        query = Decision.select(Decision.annotator, pw.fn.MIN(Decision.at)).group_by(Decision.annotator, Decision.batch)
        hours: Counter[tuple[str, int]] = Counter((who, int(at // HOUR)) for who, at in query.tuples())
        out: dict[str, list[HourCount]] = defaultdict(list)
        for (who, index), count in sorted(hours.items()):
            out[who].append(HourCount(index * HOUR, count))
        return dict(out)

    def item_counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """Accepted entities per label and accepted events per type."""
        SpanItem, EventItem = self._t.SpanItem, self._t.EventItem
        labels = (SpanItem.select(SpanItem.label, pw.fn.COUNT(SpanItem.id)).where(SpanItem.status == ACCEPTED)
                  .group_by(SpanItem.label).tuples())  # fmt: skip
        types = (EventItem.select(EventItem.type, pw.fn.COUNT(EventItem.id)).where(EventItem.status == ACCEPTED)
                 .group_by(EventItem.type).tuples())  # fmt: skip
        return dict(sorted(labels)), dict(sorted(types))

    # -- suggestion quality ---------------------------------------------------------
    def _first_snapshots(self) -> dict[tuple[str, int], dict[str, Any]]:
        """The state of each span/event item before its first decision, when it was a suggestion."""
        Decision = self._t.Decision
        first = (
            Decision.select(pw.fn.MIN(Decision.id))
            .where(Decision.target.in_(["span", "event"]))
            .group_by(Decision.target, Decision.item_id)
        )
        out = {}
        query = Decision.select(Decision.target, Decision.item_id, Decision.before).where(Decision.id.in_(first))
        for target, item_id, before in query.tuples():
            if before:
                snap = orjson.loads(before)
                if snap.get("status") == PENDING:
                    out[(target, item_id)] = snap
        return out

    def acceptance(self) -> tuple[dict[str, Outcome], dict[str, Outcome], dict[str, Outcome]]:
        """Suggestion outcomes by suggested entity label, by suggested event type, and by
        the suggesting model (its ``source``, ``name@version``). Superseded suggestions
        and undone additions are not counted."""
        SpanItem, EventItem, Decision = self._t.SpanItem, self._t.EventItem, self._t.Decision
        origins = self._first_snapshots()
        by_label: dict[str, Outcome] = {}
        by_type: dict[str, Outcome] = {}
        by_model: dict[str, Outcome] = {}
        closed = (SUPERSEDED, VOID)
        for target, table, name, out in (("span", SpanItem, SpanItem.label, by_label),
                                         ("event", EventItem, EventItem.type, by_type)):  # fmt: skip
            decided = Decision.select(Decision.item_id).where(Decision.target == target)
            # Suggestions nobody decided on yet: counted in SQL (most rows of a large store).
            untouched = (table.select(name, table.source, pw.fn.COUNT(table.id))
                         .where((table.status == PENDING) & table.suggestion.is_null(False) & table.id.not_in(decided))
                         .group_by(name, table.source).tuples())  # fmt: skip
            for label, source, count in untouched:
                for key, where in ((label, out), (source or UNKNOWN_SOURCE, by_model)):
                    where.setdefault(key, Outcome()).pending += count
            label_key = "label" if target == "span" else "type"
            rows = table.select(table.id, table.start, table.end, name, table.status, table.source,
                                table.suggestion).where(table.status.not_in(closed) & table.id.in_(decided)).tuples()  # fmt: skip
            for item_id, start, end, label, status, source, suggestion in rows:
                origin = origins.get((target, item_id))
                if origin is None:
                    if status != PENDING or suggestion is None:
                        continue  # added by hand or imported
                    origin = {"start": start, "end": end, label_key: label, "source": source}
                kept_offsets = (origin["start"], origin["end"]) == (start, end)
                outcome = _outcome_of(status, origin[label_key] == label, kept_offsets)
                _bump(out, origin[label_key], outcome)
                _bump(by_model, origin.get("source") or UNKNOWN_SOURCE, outcome)
        return dict(sorted(by_label.items())), dict(sorted(by_type.items())), dict(sorted(by_model.items()))

    def learning_curve(self) -> list[CurvePoint]:
        """Held-out F1 of each trained version against the reviewed documents it learnt from."""
        points = []
        for m in self._store.models.versions():
            f1 = micro_f1(m.scores)
            if f1 is not None and m.train_documents > 0:
                point = CurvePoint(m.id, m.name, m.version, m.kind, m.train_documents, f1, m.active, m.created_at)
                points.append(point)
        return sorted(points, key=lambda p: (p.train_documents, p.created_at))

    def summary(self) -> Summary:
        entities, events = self.item_counts()
        by_label, by_type, by_model = self.acceptance()
        return Summary(
            self.reviewed_per_day(), self.actions_per_hour(), entities, events,
            by_label, by_type, by_model, self.learning_curve(),
        )  # fmt: skip
