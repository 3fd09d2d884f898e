"""CRF training from a reviewed store, the model blob, activation, refreshing suggestions,
and the learned gazetteer."""

from __future__ import annotations

import pytest

from hakam.core.model import Document, Span
from hakam.core.scoring import evaluate
from hakam.store import Store
from hakam.suggest import learned
from hakam.suggest.crf import CrfError, CrfSuggester, Featurizer, _echoes, pack, train_models, unpack
from hakam.suggest.ensemble import Ensemble
from hakam.suggest.stacking import Choice, Policy
from hakam.suggest.training import (
    activate,
    active_crf,
    refresh_suggestions,
    split,
    suggester_for_store,
    train_from_store,
)

from .synthetic import corpus


@pytest.fixture(scope="module")
def featurize() -> Featurizer:
    return Featurizer()


@pytest.fixture(scope="module")
def trained(featurize) -> bytes:
    blob = train_models(corpus(24, 1, "a"), featurize)
    assert blob is not None
    return blob


def _pers_f1(result) -> float:
    return result["entities"]["labels"].get("PERS", {"f1": 0.0})["f1"]


def test_crf_learns_names_no_list_holds(trained, featurize):
    test = corpus(8, 2, "b")  # names never seen in training
    crf = CrfSuggester(trained, "t", featurize)
    rules_only = evaluate(test, featurize.rules.suggest)
    combined = evaluate(test, Ensemble([featurize.rules, crf]).suggest)
    assert _pers_f1(evaluate(test, crf.suggest)) > 0.8
    assert combined["entities"]["micro"]["f1"] >= rules_only["entities"]["micro"]["f1"]
    assert combined["triggers_typed"]["labels"]["AIRSTRIKE"]["recall"] == 1.0


def test_blob_round_trip(trained, featurize):
    parts, header = unpack(trained)
    assert header["documents"] == 24 and unpack(pack(parts, 24)) == (parts, header)
    doc = corpus(1, 3, "b")[0]
    one = CrfSuggester(trained, "t", featurize).suggest(Document(doc.text))
    two = CrfSuggester(bytes(trained), "t").suggest(Document(doc.text))
    assert one == two and all(0 < s.score <= 1 for s in one[0])
    with pytest.raises(CrfError):
        unpack(b"not a model")


def test_fifty_documents_or_more_hold_one_fifth_out():
    from hakam.suggest.training import held_out_folds

    assert [len(held) for _, held in held_out_folds(corpus(60, 4, "a"))] == [12]
    folds = held_out_folds(corpus(12, 4, "a"))
    assert len(folds) == 5 and sorted(d.id for _, held in folds for d in held) == sorted(
        d.id for d in corpus(12, 4, "a")
    )


def test_split_is_deterministic():
    docs = corpus(10, 4, "a")
    train, held = split(docs)
    assert len(held) == 2 and len(train) == 8
    assert [d.id for d in split(list(reversed(docs)))[1]] == [d.id for d in held]


@pytest.fixture()
def store(tmp_path) -> Store:
    store = Store(tmp_path / "t.sqlite", annotator="test")
    for doc in corpus(15, 5, "a"):
        document_id = store.documents.add(Document(doc.text, doc.id, doc.meta))
        store.items.add_reviewed(document_id, doc)
    for doc in corpus(3, 6, "b"):
        store.documents.add(Document(doc.text, doc.id, doc.meta))
    yield store
    store.close()


def test_train_from_store_saves_and_activates(store):
    stages = []
    result = train_from_store(store, progress=lambda stage, done, total: stages.append(stage))
    assert result.model_version_id and result.train_documents == 15
    assert result.held_out == 15 and result.scores["folds"] == 5  # under 50 documents each is held out once
    assert result.scores["crf"]["entities"]["micro"]["f1"] > 0.8
    assert "done" in stages and result.learned_names > 0
    row = store.models.info(result.model_version_id)
    assert row.kind == "crf" and row.active and row.train_documents == 15
    assert isinstance(active_crf(store), CrfSuggester)
    second = train_from_store(store, activate_model=False)
    assert not store.models.info(second.model_version_id).active
    activate(store, second.model_version_id)
    assert store.models.info(second.model_version_id).active
    assert not store.models.info(result.model_version_id).active


def test_training_can_be_stopped(store):
    result = train_from_store(store, should_stop=lambda: True)
    assert result.stopped and result.model_version_id is None


def test_refresh_suggestions_ranks_the_queue(store):
    train_from_store(store)
    suggester = suggester_for_store(store)
    assert [m.name for m in suggester.members] == ["rules", "crf"]
    assert refresh_suggestions(store, suggester) == 3
    queue = store.documents.find(status="todo", order="uncertain")
    assert all(view.uncertainty is not None and view.uncertainty >= 0 for view in queue)
    assert all(store.items.spans(view.id) for view in queue)


def test_learned_gazetteer(store, tmp_path):
    assert learned.update(store) > 0
    pairs = learned.entries(store)
    invented = {
        (doc.text[s.start : s.end], s.label) for doc in corpus(15, 5, "a") for s in doc.spans if s.label == "PERS"
    }
    assert set(pairs) == invented  # every accepted name the shipped gazetteers lack, and nothing else
    assert not any(name == "دمشق" for name, _ in pairs)  # the shipped gazetteer already has it
    path = tmp_path / "learned.tsv"
    learned.write_tsv(pairs, path)
    assert sorted(learned.read_tsv(path)) == sorted(pairs)
    from hakam.suggest.rules import RuleSuggester

    name = pairs[0][0]
    spans, _ = RuleSuggester(pairs).suggest(Document(f"وقال {name} إن الوضع هادئ"))
    assert any(s.label == pairs[0][1] for s in spans)


def test_a_name_mostly_left_untagged_is_not_learned(tmp_path):
    store = Store(tmp_path / "p.sqlite", annotator="test")
    text = "وقال زوربان إن القافلة وصلت. ثم قال زوربان إن الطريق مفتوح. وأكد زوربان ذلك."
    doc = Document(text, "p1", {}, [Span(text.index("زوربان"), text.index("زوربان") + 6, "PERS")])
    store.items.add_reviewed(store.documents.add(Document(text, "p1")), doc)
    assert learned.collect(store) == []  # tagged once in three mentions
    store.close()


def test_the_stacking_policy_travels_in_the_model_blob(trained):
    parts, _ = unpack(trained)
    policy = Policy({"span:PERS": Choice("model", 0.25)}, frozenset({"span:PERS"}))
    assert CrfSuggester(pack(parts, 3, policy.as_json())).policy == policy
    assert CrfSuggester(pack(parts, 3)).policy.choices == {}  # no held-out documents: the defaults


def test_a_tagged_name_is_tagged_where_it_recurs():
    from hakam.core.tokenize import tokenize

    text = "قال ليوناردو اليوم ثم وليوناردو ذهب"
    tokens = tokenize(text)
    start = text.index("ليوناردو")
    echoes = _echoes(text, tokens, [("PERS", start, start + 8, 0.8)])
    again = text.index("وليوناردو") + 1
    assert echoes == [("PERS", again, again + 8, 0.72)]


def test_features_mark_knowledge_base_names_and_first_name_chains(featurize):
    text = "قال سامر كلوني إن الأمم المتحدة ستجتمع في دمشق"
    tokens, features = featurize(Document(text))
    at = {text[t.start : t.end]: k for k, t in enumerate(tokens)}
    assert "gz=B-ORG" in features[at["الأمم"]] and "gz=I-ORG" in features[at["المتحدة"]]
    assert "-1:gz=B-ORG" in features[at["المتحدة"]] and "1:gz=I-ORG" in features[at["الأمم"]]
    assert "gz=B-GPE" in features[at["دمشق"]]
    assert not any(f.startswith("gz=") for f in features[at["ستجتمع"]])
    assert "after_first_name_unknown" in features[at["كلوني"]]
    assert "-2:first_name" in features[at["إن"]]
