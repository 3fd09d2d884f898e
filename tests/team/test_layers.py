"""Team mode on one database (each test on SQLite and on a PostgreSQL server): each annotator's decisions stay in their own layer over
shared suggestions; undo is per annotator; a document is done when all it was dealt to
reviewed it; one-person use is unchanged."""

from __future__ import annotations

import pytest

from hakam.core.model import Document, Span
from hakam.store import ACCEPTED, PENDING, REJECTED, REVIEWED, TODO, DecisionError, Store

TEXT = "قصفت الطائرات مدينة دمشق أمس، وقالت وزارة الدفاع إن 5 أشخاص قتلوا."
DAMASCUS, YESTERDAY = Span(20, 24, "GPE", 0.9, "rules@1"), Span(25, 28, "DATE", 0.8, "rules@1")


@pytest.fixture
def team(new_db) -> tuple[Store, Store, int]:
    db = new_db("team")
    lead = Store(db, annotator="lead")
    document_id = lead.documents.add(Document(TEXT, "doc-1"))
    lead.suggestions.replace(document_id, [DAMASCUS, YESTERDAY])
    lead.team.assign({document_id: ["amal", "badr"]})
    lead.close()
    return Store(db, annotator="amal"), Store(db, annotator="badr"), document_id


def states(store: Store, document_id: int) -> dict[tuple[int, int, str], str]:
    return {(s.start, s.end, s.label): s.status for s in store.items.spans(document_id, include_closed=True)}


def test_each_annotator_decides_on_the_same_suggestions_apart(team) -> None:
    amal, badr, doc = team
    assert states(amal, doc) == states(badr, doc) == {DAMASCUS.key: PENDING, YESTERDAY.key: PENDING}
    amal_damascus = next(s for s in amal.items.spans(doc) if s.label == "GPE")
    amal.decisions.accept(amal_damascus.id)
    badr.decisions.reject(next(s for s in badr.items.spans(doc) if s.label == "GPE").id)
    badr.decisions.relabel(next(s for s in badr.items.spans(doc) if s.label == "DATE").id, "LOC")
    assert states(amal, doc) == {DAMASCUS.key: ACCEPTED, YESTERDAY.key: PENDING}
    assert states(badr, doc) == {DAMASCUS.key: REJECTED, (25, 28, "LOC"): ACCEPTED}
    with pytest.raises(DecisionError, match="another annotator's layer"):
        badr.decisions.accept(amal_damascus.id)
    # Undo is per annotator: badr's undo takes back the relabel, amal's accept stays.
    badr.decisions.undo()
    assert states(badr, doc)[YESTERDAY.key] == PENDING
    assert states(amal, doc)[DAMASCUS.key] == ACCEPTED
    amal.decisions.undo()
    assert states(amal, doc)[DAMASCUS.key] == PENDING and states(badr, doc)[DAMASCUS.key] == REJECTED


def test_added_spans_and_fresh_suggestions_stay_in_their_layers(team) -> None:
    amal, badr, doc = team
    amal.decisions.add_span(doc, 36, 48, "ORG")
    badr.decisions.accept(next(s for s in badr.items.spans(doc) if s.label == "GPE").id)
    assert (36, 48, "ORG") not in states(badr, doc)
    # A new model run: every layer gets what it has not decided on, nothing decided comes back.
    amal.suggestions.replace(doc, [DAMASCUS, Span(53, 54, "DATE")])
    assert states(amal, doc)[(53, 54, "DATE")] == PENDING and states(badr, doc)[(53, 54, "DATE")] == PENDING
    assert states(badr, doc)[DAMASCUS.key] == ACCEPTED and states(amal, doc)[DAMASCUS.key] == PENDING
    assert states(amal, doc)[(36, 48, "ORG")] == ACCEPTED
    assert list(states(badr, doc).values()).count(PENDING) == 1  # the old pending date was superseded


def test_a_document_is_done_for_the_team_when_everyone_it_was_dealt_to_reviewed_it(team) -> None:
    amal, badr, doc = team
    amal.decisions.mark_reviewed(doc)
    assert amal.team.status_of(doc, "amal") == REVIEWED and amal.documents.get(doc).status == TODO
    badr.decisions.mark_reviewed(doc)
    assert badr.documents.get(doc).status == REVIEWED
    badr.decisions.undo()
    assert badr.documents.get(doc).status == TODO and badr.team.status_of(doc, "badr") == TODO
    members = {m.name: (m.assigned, m.reviewed, m.pending) for m in amal.team.members()}
    assert members == {"amal": (1, 1, 0), "badr": (1, 0, 1)}


def test_layered_documents_feed_agreement(team) -> None:
    from hakam.core.agreement import agreement

    amal, badr, doc = team
    amal.decisions.accept_all(doc)
    badr.decisions.accept(next(s for s in badr.items.spans(doc) if s.label == "GPE").id)
    for store in (amal, badr):
        store.decisions.mark_reviewed(doc)
    (layered,) = amal.team.layered()
    assert {n: [s.key for s in layer.spans] for n, layer in layered.layers.items()} == {
        "amal": [DAMASCUS.key, YESTERDAY.key], "badr": [DAMASCUS.key]}  # fmt: skip
    pair = agreement([layered]).pairs[0]
    assert (pair.spans.both, pair.spans.only_a, pair.spans.only_b) == (1, 1, 0)


def test_one_person_use_is_unchanged_and_their_work_becomes_their_layer(new_db) -> None:
    db = new_db("solo")
    solo = Store(db, annotator="amal")
    doc = solo.documents.add(Document(TEXT, "doc-1"))
    solo.suggestions.replace(doc, [DAMASCUS])
    solo.decisions.accept(solo.items.spans(doc)[0].id)
    solo.decisions.mark_reviewed(doc)
    assert solo.team.layer == "" and solo.documents.get(doc).status == REVIEWED
    solo.set_annotator("amal")
    solo.team.enable()
    assert solo.team.layer == "amal" and states(solo, doc) == {DAMASCUS.key: ACCEPTED}
    assert solo.team.status_of(doc, "amal") == REVIEWED
    other = Store(db, annotator="badr")
    assert states(other, doc) == {DAMASCUS.key: PENDING}  # badr starts from the suggestions


def test_an_annotators_queue_is_their_assignments_with_their_own_status(new_db) -> None:
    db = new_db("q")
    lead = Store(db, annotator="lead")
    first, second = (lead.documents.add(Document(f"{TEXT} {n}", f"d{n}")) for n in (1, 2))
    lead.team.assign({first: ["amal", "badr"], second: ["badr"]})
    amal, badr = Store(db, annotator="amal"), Store(db, annotator="badr")
    assert [v.id for v in amal.documents.find()] == [first] and amal.documents.ids() == [first]
    badr.decisions.mark_reviewed(first)
    assert [(v.id, v.status) for v in badr.documents.find()] == [(first, REVIEWED), (second, TODO)]
    assert [v.id for v in amal.documents.find(status=TODO)] == [first]  # amal has not reviewed it yet
    assert badr.documents.ids(TODO) == [second]


def test_training_reads_the_curated_layer_else_a_reviewer_s(team) -> None:
    amal, badr, doc = team
    amal.decisions.accept_all(doc)
    amal.decisions.mark_reviewed(doc)
    owner = Store(amal.path, annotator="lead")
    assert [s.label for s in owner.items.reviewed_document(doc).spans] == ["GPE", "DATE"]  # amal's
    owner.team.write_curated(doc, [DAMASCUS], [], {DAMASCUS.key: ("amal",)})
    assert [s.label for s in owner.items.reviewed_document(doc).spans] == ["GPE"]  # the curated layer
