"""Argument and attribute scores of ``evaluate``: trigger matched, exact span, same role."""

from __future__ import annotations

from hakam.core.model import Argument, Document, Event, Span
from hakam.core.scoring import evaluate

TEXT = "قتل ثلاثة في غارة على حولا أمس ثم غارة أخرى على صور"
PLACE = Span(TEXT.index("حولا"), TEXT.index("حولا") + 4, "GPE")
TIME = Span(TEXT.index("أمس"), TEXT.index("أمس") + 3, "DATE")
OTHER_PLACE = Span(TEXT.index("صور"), len(TEXT), "GPE")
FIRST = Span(TEXT.index("غارة"), TEXT.index("غارة") + 4, "AIRSTRIKE")
SECOND = Span(TEXT.rindex("غارة"), TEXT.rindex("غارة") + 4, "AIRSTRIKE")


def _scores(gold_events, suggested_events):
    gold = Document(TEXT, "d", {}, [], gold_events)
    return evaluate([gold], lambda doc: ([], suggested_events))


def test_arguments_per_role():
    gold = [Event("AIRSTRIKE", FIRST, (Argument("PLACE", PLACE), Argument("TIME", TIME)), {"fatalities": 3})]
    suggested = [Event("AIRSTRIKE", FIRST, (Argument("PLACE", PLACE), Argument("AGENT", TIME)), {"fatalities": 4})]
    scores = _scores(gold, suggested)
    arguments = scores["arguments"]
    assert arguments["labels"]["PLACE"]["tp"] == 1
    assert arguments["labels"]["TIME"]["fn"] == 1 and arguments["labels"]["AGENT"]["fp"] == 1  # same span, other role
    assert arguments["micro"]["precision"] == 0.5 and arguments["micro"]["recall"] == 0.5
    assert scores["attributes"]["fatalities"] == {"scored": 1, "right": 0, "missed": 0, "wrong": 1, "extra": 0,
                                                  "accuracy": 0.0}  # fmt: skip


def test_an_argument_counts_only_on_its_trigger_and_on_main_mentions():
    gold = [
        Event("AIRSTRIKE", FIRST, (Argument("PLACE", PLACE),)),
        Event("AIRSTRIKE", SECOND),
    ]  # SECOND: a further mention
    suggested = [
        Event("AIRSTRIKE", SECOND, (Argument("PLACE", PLACE), Argument("PLACE", OTHER_PLACE))),
        Event("KILLING", Span(0, 3, "KILLING"), (Argument("PLACE", PLACE),)),  # no gold trigger there
    ]
    arguments = _scores(gold, suggested)["arguments"]
    assert arguments["micro"]["tp"] == 0 and arguments["micro"]["fp"] == 0 and arguments["micro"]["fn"] == 1
