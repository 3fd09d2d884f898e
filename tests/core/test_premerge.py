"""Curation pre-merge: agreed regions go to the curated layer, the rest are listed with who chose what."""

from __future__ import annotations

import pytest

from hakam.core.model import Argument, Event, Layer, LayeredDocument, Span
from hakam.core.premerge import premerge

TEXT = "قصفت الطائرات مدينة دمشق أمس، وقالت وزارة الدفاع إن 5 أشخاص قتلوا."
DAMASCUS, YESTERDAY, MINISTRY = Span(20, 24, "GPE"), Span(25, 28, "DATE"), Span(36, 48, "ORG")


def doc(**layers: Layer) -> LayeredDocument:
    return LayeredDocument(TEXT, dict(layers))


def test_unanimous_takes_what_everyone_marked_and_lists_each_other_reading_with_its_annotators() -> None:
    merged = premerge(doc(amal=Layer((DAMASCUS, YESTERDAY, MINISTRY)), badr=Layer((DAMASCUS, MINISTRY)),
                          omar=Layer((DAMASCUS, Span(36, 41, "ORG")))))  # fmt: skip
    assert merged.spans == [DAMASCUS]
    assert merged.chosen_by[DAMASCUS.key] == ("amal", "badr", "omar")
    yesterday, ministry = merged.differences
    assert (yesterday.start, yesterday.end, yesterday.chosen) == (25, 28, None)
    assert [(r.items, r.annotators) for r in yesterday.readings] == [((), ("badr", "omar")), ((YESTERDAY,), ("amal",))]
    assert [(r.items, r.annotators) for r in ministry.readings] == [
        ((MINISTRY,), ("amal", "badr")), ((Span(36, 41, "ORG"),), ("omar",))]  # fmt: skip


def test_majority_takes_the_reading_of_more_than_half_and_still_lists_the_difference() -> None:
    merged = premerge(doc(amal=Layer((DAMASCUS, YESTERDAY, MINISTRY)), badr=Layer((DAMASCUS, MINISTRY)),
                          omar=Layer((DAMASCUS, Span(36, 41, "ORG")))), "majority")  # fmt: skip
    assert merged.spans == [DAMASCUS, MINISTRY]  # the date: two of three marked nothing
    assert merged.chosen_by[MINISTRY.key] == ("amal", "badr")
    assert [d.chosen for d in merged.differences] == [0, 0]


def test_a_tie_is_a_dispute_even_by_majority() -> None:
    merged = premerge(doc(amal=Layer((DAMASCUS,)), badr=Layer((Span(20, 24, "LOC"),))), "majority")
    assert merged.spans == [] and merged.differences[0].chosen is None
    assert {r.annotators for r in merged.differences[0].readings} == {("amal",), ("badr",)}


def test_overlapping_spans_form_one_region_read_whole() -> None:
    # amal: two spans; badr: one span covering both — one difference, two readings.
    amal = Layer((Span(36, 41, "ORG"), Span(42, 48, "ORG")))
    merged = premerge(doc(amal=amal, badr=Layer((MINISTRY,))))
    (difference,) = merged.differences
    assert (difference.start, difference.end) == (36, 48)
    assert [(r.items, r.annotators) for r in difference.readings] == [(amal.spans, ("amal",)), ((MINISTRY,), ("badr",))]


def test_events_agree_only_with_the_same_type_trigger_arguments_and_attributes() -> None:
    strike = Event("AIRSTRIKE", Span(0, 4, "AIRSTRIKE"), (Argument("PLACE", DAMASCUS),), {"negated": False})
    without_place = Event("AIRSTRIKE", Span(0, 4, "AIRSTRIKE"), (), {"negated": False})
    killing = Event("KILLING", Span(61, 66, "KILLING"))
    merged = premerge(doc(amal=Layer(events=(strike, killing)), badr=Layer(events=(without_place, killing))))
    assert merged.events == [killing]
    (difference,) = merged.differences
    assert difference.kind == "event" and [r.items for r in difference.readings] == [(strike,), (without_place,)]
    assert difference.as_dict()["readings"][0]["items"][0]["type"] == "AIRSTRIKE"


def test_one_annotator_or_full_agreement_leaves_no_difference() -> None:
    assert premerge(doc(amal=Layer((DAMASCUS,)))).differences == []
    same = premerge(doc(amal=Layer((DAMASCUS, MINISTRY)), badr=Layer((MINISTRY, DAMASCUS))))
    assert same.spans == [DAMASCUS, MINISTRY] and same.differences == []


def test_an_unknown_strategy_is_refused() -> None:
    with pytest.raises(ValueError, match="unanimous or majority"):
        premerge(doc(amal=Layer()), "consensus")
