"""Dashboard figures from a real temporary store."""

from __future__ import annotations

from datetime import datetime

import orjson
from tests.store.conftest import TEXT

from hakam.core.model import Document, Span
from hakam.store import Store, analytics


def test_reviewed_per_day_counts_and_accumulates(store: Store, doc_id: int) -> None:
    other = store.documents.add(Document(TEXT + " ثانٍ", "doc-2"))
    store.decisions.mark_reviewed(doc_id)
    store.decisions.mark_reviewed(other)
    store.decisions.reopen(other)
    [day] = store.stats.reviewed_per_day()
    assert (day.day, day.count, day.total) == (datetime.now().date(), 1, 1)


def test_actions_per_hour_per_annotator_count_actions_not_rows(store: Store, doc_id: int) -> None:
    store.decisions.accept_all(doc_id)  # four items, one action
    store.decisions.undo()
    colleague = Store(store.path, annotator="badr")
    colleague.decisions.mark_reviewed(doc_id)
    Decision = store.tables.Decision
    Decision.update(at=7200.5).where(Decision.annotator == "badr").execute()
    per_hour = store.stats.actions_per_hour()
    assert sum(h.count for h in per_hour["amal"]) == 2
    assert per_hour["badr"] == [analytics.HourCount(7200.0, 1)]


def test_item_counts_are_accepted_items(store: Store, doc_id: int) -> None:
    damascus, yesterday, _ = store.items.spans(doc_id)
    store.decisions.accept(damascus.id)
    store.decisions.reject(yesterday.id)
    store.decisions.add_span(doc_id, 44, 48, "GPE")
    store.decisions.accept_event(store.items.events(doc_id)[0].id)
    entities, events = store.stats.item_counts()
    assert entities == {"GPE": 2} and events == {"AIRSTRIKE": 1}


def test_acceptance_by_label_type_and_model(store: Store, doc_id: int) -> None:
    damascus, yesterday, ministry = store.items.spans(doc_id)
    store.decisions.accept(damascus.id)
    store.decisions.reject(yesterday.id)
    store.decisions.relabel(ministry.id, "GPE")
    store.decisions.add_span(doc_id, 44, 48, "GPE")  # manual: not a suggestion
    store.decisions.reject_event(store.items.events(doc_id)[0].id)
    by_label, by_type, by_model = store.stats.acceptance()
    assert by_label["GPE"].accepted == 1 and by_label["GPE"].rate == 1.0
    assert by_label["DATE"].rejected == 1 and by_label["DATE"].rate == 0.0
    assert by_label["ORG"].relabelled == 1  # counted under the suggested label
    assert by_type["AIRSTRIKE"].rejected == 1
    rules = by_model["rules@1"]
    assert (rules.accepted, rules.decided, rules.pending) == (1, 4, 0)
    assert rules.rate == 0.25


def test_acceptance_survives_a_refresh_of_suggestions(store: Store, doc_id: int) -> None:
    damascus, yesterday, _ = store.items.spans(doc_id)
    store.decisions.resize(damascus.id, 14, 24)
    store.suggestions.replace(doc_id, [Span(0, 4, "ORG", 0.5, "crf@2")])  # drops old Suggestion rows
    by_label, _, by_model = store.stats.acceptance()
    assert by_label["GPE"].resized == 1
    assert by_model["rules@1"].resized == 1 and by_model["crf@2"].pending == 1
    assert by_model["crf@2"].rate is None


def test_learning_curve_and_model_versions(store: Store) -> None:
    def register(version: str, docs: int, f1: float | None, active: bool = False) -> int:
        scores = {"micro": {"precision": 0.5, "recall": 0.5, "f1": f1}} if f1 is not None else {}
        return store.models.register("crf", version, "crf", scores=orjson.dumps(scores).decode(),
                                   train_documents=docs, active=active)  # fmt: skip

    register("1", 10, 0.4)
    second = register("2", 20, 0.6, active=True)
    register("rules", 0, None)
    curve = store.stats.learning_curve()
    assert [(p.train_documents, p.f1, p.active) for p in curve] == [(10, 0.4, False), (20, 0.6, True)]
    active = store.models.active("crf")
    assert active is not None and active.id == second and active.title == "crf 2"
    assert store.models.info(second).scores["micro"]["f1"] == 0.6
    assert len(store.models.versions()) == 3


def test_held_out_scores_of_a_model_version() -> None:
    prf = {"p": 0.5, "r": 0.25, "f1": 0.3333}
    trained = {"held_out_documents": 2, "rules": {"entities": {"micro": {"p": 0, "r": 0, "f1": 0.1}}},
               "crf": {"entities": {"micro": prf, "labels": {"GPE": prf}},
                       "triggers_typed": {"micro": prf, "labels": {"AIRSTRIKE": prf}}}}  # fmt: skip
    assert analytics.held_out(trained) == {
        "micro": analytics.Score(0.5, 0.25, 0.3333),
        "GPE": analytics.Score(0.5, 0.25, 0.3333),
    }
    assert set(analytics.held_out(trained, analytics.TRIGGERS)) == {"micro", "AIRSTRIKE"}
    assert analytics.micro_f1(trained) == 0.3333  # the CRF's, not the rules'
    flat = {"GPE": {"precision": 0.5, "recall": 0.5, "f1": 0.5}, "micro": {"precision": 0.5, "recall": 0.5, "f1": 0.5}}
    assert analytics.micro_f1(flat) == 0.5 and analytics.held_out(flat)["GPE"].recall == 0.5
    assert analytics.micro_f1({}) is None and analytics.micro_f1({"GPE": {"f1": 0.3}}) is None


def test_summary_on_an_empty_store(store: Store) -> None:
    summary = store.stats.summary()
    assert summary.reviewed_per_day == [] and summary.learning_curve == []
    assert summary.acceptance_by_model == {}
