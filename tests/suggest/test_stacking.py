"""Stacking: a trained model decides by a policy chosen on held-out reviewed documents,
so the reviewers' conventions override the shipped rules'."""

from __future__ import annotations

import pytest

from hakam.core.model import Document, Span
from hakam.store import Store
from hakam.suggest.stacking import MODEL, RULES, Case, Choice, Policy, choose, stack
from hakam.suggest.training import suggester_for_store, train_from_store

from .synthetic import HEADED_TEST, HEADED_TRAIN, headed_corpus

KNOWN = frozenset({"span:ORG", "span:LOC"})


def test_the_model_leads_and_the_rules_fill_gaps_it_is_confident_about():
    model = [Span(5, 9, "ORG", 0.8, "crf")]
    rules = [Span(0, 9, "ORG", 0.9, "rules"), Span(20, 25, "ORG", 0.9, "rules"), Span(30, 35, "ORG", 0.9, "rules")]
    policy = Policy({"span:ORG": Choice(MODEL, 0.5)}, KNOWN)
    kept = stack(model, rules, [0.1, 0.7, 0.2], policy)
    # the overlapping rule span loses; of the gaps only the one the model is 0.7 sure of is filled
    assert [(s.start, s.end, s.source, s.score) for s in kept] == [(5, 9, "crf", 0.8), (20, 25, "rules", 0.8)]
    assert stack(model, rules, [0.1, 0.7, 0.2], Policy({"span:ORG": Choice(MODEL, None)}, KNOWN)) == model


def test_labels_the_model_never_learned_stay_with_the_rules():
    rules = [Span(0, 4, "DATE", 0.9, "rules")]
    kept = stack([], rules, [0.0], Policy({}, KNOWN))
    assert [(s.label, s.source) for s in kept] == [("DATE", "rules")]


def test_choose_keeps_the_rules_where_they_help_on_held_out_documents():
    gold = [Span(0, 4, "ORG"), Span(10, 14, "LOC")]
    cases = [
        Case(
            gold,
            model=[Span(0, 4, "ORG", 0.9)],  # the model misses the place
            others=[Span(0, 6, "ORG", 0.9), Span(10, 14, "LOC", 0.9), Span(20, 24, "LOC", 0.9)],
            verdicts=[0.2, 0.6, 0.05],
        )
    ]
    policy = choose(cases, KNOWN)
    assert policy.choice("span:ORG") == Choice(MODEL, None)
    assert policy.choice("span:LOC").fill is not None and 0.05 < policy.choice("span:LOC").fill <= 0.6
    assert Policy.from_json(policy.as_json()) == policy
    assert policy.choice("span:DATE").lead == RULES


def test_a_label_the_reviewers_never_use_is_dropped():
    cases = [
        Case([Span(0, 4, "LOC")], [Span(0, 4, "LOC", 0.9)], [Span(0, 4, "GPE", 0.9), Span(9, 12, "GPE", 0.9)], [0, 0])
    ]
    policy = choose(cases, KNOWN)
    assert stack(cases[0].model, cases[0].others, cases[0].verdicts, policy) == cases[0].model


@pytest.fixture()
def store(tmp_path) -> Store:
    store = Store(tmp_path / "t.sqlite", annotator="test")
    yield store
    store.close()


def _boundaries(suggester, docs) -> tuple[int, int, int]:
    """(gold spans suggested exactly, gold spans, suggestions that start with the head noun)."""
    exact = total = headed = 0
    for doc in docs:
        spans, _ = suggester.suggest(Document(doc.text, doc.id, doc.meta))
        found = {s.key for s in spans}
        exact += sum(1 for g in doc.spans if g.key in found)
        total += len(doc.spans)
        headed += sum(1 for s in spans if doc.text[s.start : s.end].split()[0] in {"تنظيم", "حركة", "وكالة", "مخيم"})
    return exact, total, headed


def test_after_a_dozen_reviewed_articles_suggestions_follow_the_reviewers(store):
    """Reviewers leave the head noun out (تنظيم [داعش], مخيم [زمزم], وكالة [رويترز]); the rules
    keep it. After training on 12 such articles, suggestions on other articles — with names
    never seen in training — draw the reviewers' boundary."""
    test = headed_corpus(8, 2, HEADED_TEST)
    exact, total, headed = _boundaries(suggester_for_store(store), test)
    assert exact == 0 and headed == total  # cold start: the rules' convention
    for doc in headed_corpus(12, 1, HEADED_TRAIN):
        document_id = store.documents.add(Document(doc.text, doc.id, doc.meta))
        store.items.add_reviewed(document_id, doc)
    result = train_from_store(store)
    assert result.scores["policy"]["known"] == sorted(KNOWN)
    exact, total, headed = _boundaries(suggester_for_store(store), test)
    assert exact >= 0.9 * total and headed == 0


def test_the_rules_keep_the_lead_unless_the_model_is_clearly_better():
    gold = [Span(10 * k, 10 * k + 4, "ORG") for k in range(200)]
    rules = [Span(10 * k, 10 * k + 4, "ORG", 0.9) for k in range(200) if k != 0]  # misses one name in 200
    near = [Span(10 * k, 10 * k + 4, "ORG", 0.9) for k in range(200)]  # finds them all: 0.25 points better
    verdicts = [0.9] * len(rules)
    assert choose([Case(gold, near, rules, verdicts)], KNOWN).choice("span:ORG").lead == RULES
    better = [Span(10 * k, 10 * k + 4, "ORG", 0.9) for k in range(200)]
    worse = [Span(10 * k, 10 * k + 4, "ORG", 0.9) for k in range(200) if k % 10]  # misses one in ten
    assert choose([Case(gold, better, worse, [0.9] * len(worse))], KNOWN).choice("span:ORG").lead == MODEL


def test_a_damaged_policy_falls_back_to_the_defaults():
    policy = Policy.from_json({"choices": {"span:ORG": ["nobody", 2], "span:PERS": ["model", 0.25]}, "known": "x"})
    assert policy.choices == {"span:PERS": Choice(MODEL, 0.25)} and policy.known == frozenset()
    assert Policy.from_json(["not", "a", "policy"]).choices == {}
