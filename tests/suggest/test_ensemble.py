"""The ensemble: overlaps resolved by score then length, sources kept, a trained member decides."""

from __future__ import annotations

from hakam.core.model import Argument, Document, Event, Span
from hakam.suggest.ensemble import Ensemble, merge_events, merge_spans
from hakam.suggest.stacking import Policy


class Fixed:
    def __init__(self, name, spans, events=()):
        self.name, self.version = name, "1"
        self.spans, self.events = spans, list(events)

    def suggest(self, doc):
        return list(self.spans), list(self.events)


def test_best_score_wins_an_overlap():
    a = [Span(0, 5, "ORG", 0.9, "a@1")]
    b = [Span(0, 9, "ORG", 0.6, "b@1"), Span(20, 25, "GPE", 0.7, "b@1")]
    merged = merge_spans([a, b])
    assert [(s.start, s.end, s.source) for s in merged] == [(0, 5, "a@1"), (20, 25, "b@1")]


def test_longer_span_wins_a_tie():
    merged = merge_spans([[Span(0, 5, "ORG", 0.8, "a@1")], [Span(0, 9, "ORG", 0.8, "b@1")]])
    assert [(s.end, s.source) for s in merged] == [(9, "b@1")]


def test_agreement_raises_the_score():
    merged = merge_spans([[Span(0, 5, "GPE", 0.6, "a@1")], [Span(0, 5, "GPE", 0.5, "b@1")]])
    assert len(merged) == 1 and merged[0].score == 0.8 and merged[0].source == "a@1"


def test_events_keep_arguments_from_either_side():
    place = Argument("PLACE", Span(10, 14, "GPE"))
    with_args = Event("AIRSTRIKE", Span(0, 5, "AIRSTRIKE"), (place,), {"fatalities": 3}, 0.6, "rules@1")
    bare = Event("AIRSTRIKE", Span(0, 5, "AIRSTRIKE"), (), {}, 0.9, "crf@1")
    merged = merge_events([[with_args], [bare]])
    assert len(merged) == 1
    assert merged[0].source == "crf@1" and merged[0].arguments == (place,) and merged[0].attributes == {"fatalities": 3}


def test_ensemble_of_suggesters():
    ensemble = Ensemble([Fixed("a", [Span(0, 4, "GPE", 0.9, "a@1")]), Fixed("b", [Span(2, 8, "ORG", 0.5, "b@1")])])
    spans, events = ensemble.suggest(Document("abcdefghij"))
    assert [(s.label, s.source) for s in spans] == [("GPE", "a@1")] and events == []
    assert ensemble.version == "a@1+b@1"


class Judge(Fixed):
    """A trained member that rates the others' spans (as the CRF does) and decides by its policy."""

    def __init__(self, name, spans, events=(), verdict=0.0):
        super().__init__(name, spans, events)
        self.verdict = verdict
        self.policy = Policy({}, frozenset({"span:ORG", "span:PERS", "event:KILLING"}))

    def suggest_and_judge(self, doc, spans, triggers):
        return list(self.spans), list(self.events), [self.verdict for _ in spans], [1.0 for _ in triggers]


def test_a_trained_member_decides():
    trigger = Span(20, 25, "KILLING", 0.8, "a@1")
    agent = Argument("AGENT", Span(10, 16, "ORG"))
    rules = Fixed("a", [Span(0, 4, "GPE", 0.9, "a@1"), Span(10, 16, "ORG", 0.9, "a@1")],
                  [Event("KILLING", trigger, (agent,), {}, 0.8, "a@1")])  # fmt: skip
    judge = Judge("crf", [Span(12, 16, "ORG", 0.9, "crf@1")])
    spans, events = Ensemble([rules, judge]).suggest(Document("x" * 30))
    # ORG is the model's: its boundary wins; GPE it never learned: the rules lead there
    assert [(s.start, s.end, s.label, s.source) for s in spans] == [(0, 4, "GPE", "a@1"), (12, 16, "ORG", "crf@1")]
    assert spans[0].score == 0.45  # (0.9 + the model's confidence 0) / 2
    assert events[0].score == 0.9 and events[0].arguments[0].span == spans[1]  # narrowed to the kept name


def test_no_argument_from_inside_a_kept_name():
    text = "غارة قرب مقر قوات الأمم المتحدة المؤقتة في لبنان"
    place = Span(text.index("لبنان"), len(text), "GPE", 0.6, "a@1")
    unifil = Span(text.index("قوات"), len(text), "ORG", 0.9, "b@1")
    strike = Event("AIRSTRIKE", Span(0, 4, "AIRSTRIKE", 0.9, "a@1"), (Argument("PLACE", place),), {}, 0.9, "a@1")
    judged = Ensemble([Fixed("a", [place], [strike]), Fixed("b", [unifil])])
    spans, events = judged.suggest(Document(text))
    assert [s.label for s in spans] == ["ORG"] and events[0].arguments == ()
