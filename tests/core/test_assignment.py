"""Dealing documents: k different annotators each, balanced loads and pairs, reproducible."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hakam.core.assignment import deal


@given(st.integers(0, 60), st.integers(2, 6), st.data())
def test_every_document_gets_k_different_annotators_and_loads_differ_by_one_at_most(docs, people, data) -> None:
    names = [f"a{i}" for i in range(people)]
    k = data.draw(st.integers(1, people))
    dealt = deal(list(range(docs)), names, k, seed=data.draw(st.integers(0, 99)))
    assert list(dealt) == list(range(docs))
    assert all(len(set(chosen)) == k and set(chosen) <= set(names) for chosen in dealt.values())
    loads = Counter(name for chosen in dealt.values() for name in chosen)
    assert max(loads[n] for n in names) - min(loads[n] for n in names) <= 1
    assert sum(loads.values()) == docs * k


def test_pairs_share_documents_evenly() -> None:
    dealt = deal(list(range(60)), ["amal", "badr", "omar", "rana"], 2, seed=3)
    pairs = Counter(frozenset(chosen) for chosen in dealt.values())
    assert len(pairs) == 6  # all six pairs of four annotators meet
    assert max(pairs.values()) - min(pairs.values()) <= 1


def test_the_same_seed_deals_the_same_way_another_seed_differently() -> None:
    documents, names = [f"doc-{i}" for i in range(30)], ["amal", "badr", "omar"]
    assert deal(documents, names, 2, seed=7) == deal(documents, names, 2, seed=7)
    assert deal(documents, names, 2, seed=7) != deal(documents, names, 2, seed=8)


def test_existing_load_is_evened_out() -> None:
    dealt = deal(list(range(6)), ["amal", "badr", "omar"], 1, load={"amal": 4})
    loads = Counter(name for chosen in dealt.values() for name in chosen)
    assert loads == {"badr": 3, "omar": 3}  # amal already has 4: the others catch up first
    totals = {n: loads[n] + (4 if n == "amal" else 0) for n in ("amal", "badr", "omar")}
    assert max(totals.values()) - min(totals.values()) <= 1


@pytest.mark.parametrize("k", [0, 4])
def test_per_document_must_fit_the_team(k: int) -> None:
    with pytest.raises(ValueError, match="between 1 and the number of annotators"):
        deal([1, 2], ["amal", "badr", "omar"], k)


def test_a_name_given_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="named twice"):
        deal([1], ["amal", "amal"], 1)


def test_every_pair_of_the_team_can_be_compared() -> None:
    names = ["a", "b", "c", "d", "e"]
    dealt = deal(list(range(50)), names, 3, seed=1)
    met = {frozenset(p) for chosen in dealt.values() for p in itertools.combinations(chosen, 2)}
    assert len(met) == 10
