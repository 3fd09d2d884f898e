"""Every action is one committed decision; state follows the log; undo appends."""

from __future__ import annotations

import pytest
from tests.store.conftest import TEXT

from hakam.store import ACCEPTED, DELETED, PENDING, REJECTED, REVIEWED, TODO, DecisionError, Store


def spans(store: Store, doc_id: int) -> dict[str, tuple[str, str]]:
    return {TEXT[s.start : s.end]: (s.label, s.status) for s in store.items.spans(doc_id, include_closed=True)}


def test_suggestions_arrive_pending(store: Store, doc_id: int) -> None:
    assert spans(store, doc_id) == {
        "دمشق": ("GPE", PENDING),
        "أمس": ("DATE", PENDING),
        "وزارة الدفاع": ("ORG", PENDING),
    }
    [event] = store.items.events(doc_id)
    assert (event.type, event.status, event.arguments[0].role) == ("AIRSTRIKE", PENDING, "PLACE")


def test_accept_reject_relabel_resize_delete_add(store: Store, doc_id: int) -> None:
    damascus, yesterday, ministry = store.items.spans(doc_id)
    change = store.decisions.accept(damascus.id)
    assert change.ranges == ((20, 24),) and change.action == "accept"
    store.decisions.reject(yesterday.id)
    store.decisions.relabel(ministry.id, "GPE")
    store.decisions.relabel(ministry.id, "ORG")
    store.decisions.resize(damascus.id, 14, 24)
    store.decisions.delete(damascus.id)
    store.decisions.add_span(doc_id, 20, 24, "GPE")
    assert spans(store, doc_id) == {
        "مدينة دمشق": ("GPE", DELETED), "أمس": ("DATE", REJECTED), "وزارة الدفاع": ("ORG", ACCEPTED),
        "دمشق": ("GPE", ACCEPTED),
    }  # fmt: skip
    actions = [d["action"] for d in store.decisions.log(doc_id) if d["target"] == "span"]
    assert actions == ["accept", "reject", "relabel", "relabel", "resize", "delete", "add"]
    assert all(d["annotator"] == "amal" for d in store.decisions.log(doc_id))


def test_an_argument_follows_its_entity_in_the_same_batch(store: Store, doc_id: int) -> None:
    damascus = store.items.spans(doc_id)[0]
    [event] = store.items.events(doc_id)
    assert [(a.role, a.start, a.end) for a in event.arguments] == [("PLACE", damascus.start, damascus.end)]
    change = store.decisions.resize(damascus.id, 14, 24)
    assert change.event_ids == (event.id,)
    assert [(a.role, a.start, a.end) for a in store.items.event(event.id).arguments] == [("PLACE", 14, 24)]
    assert len({d["batch"] for d in store.decisions.log(doc_id)}) == 1
    store.decisions.relabel(damascus.id, "LOC")
    assert [(a.start, a.end) for a in store.items.event(event.id).arguments] == [(14, 24)]
    store.decisions.delete(damascus.id)
    assert store.items.event(event.id).arguments == ()
    store.decisions.undo()
    assert [(a.role, a.start, a.end) for a in store.items.event(event.id).arguments] == [("PLACE", 14, 24)]
    store.decisions.undo()
    store.decisions.undo()
    assert [(a.start, a.end) for a in store.items.event(event.id).arguments] == [(damascus.start, damascus.end)]
    assert store.items.span(damascus.id).start == damascus.start


def test_each_decision_records_before_and_after(store: Store, doc_id: int) -> None:
    damascus = store.items.spans(doc_id)[0]
    store.decisions.relabel(damascus.id, "LOC")
    [decision] = store.decisions.log(doc_id)
    assert decision["before"]["label"] == "GPE" and decision["before"]["status"] == PENDING
    assert decision["after"]["label"] == "LOC" and decision["after"]["status"] == ACCEPTED


def test_undo_is_a_new_decision_and_redo_reapplies(store: Store, doc_id: int) -> None:
    damascus = store.items.spans(doc_id)[0]
    store.decisions.relabel(damascus.id, "LOC")
    change = store.decisions.undo()
    assert change is not None and change.action == "undo"
    assert store.items.span(damascus.id).label == "GPE" and store.items.span(damascus.id).status == PENDING
    assert [d["action"] for d in store.decisions.log(doc_id)] == ["relabel", "undo"]
    store.decisions.redo()
    assert store.items.span(damascus.id).label == "LOC"
    assert store.decisions.undo() is not None and store.decisions.undo() is None  # nothing left to undo


def test_undo_of_an_added_span_removes_it_and_redo_brings_it_back(store: Store, doc_id: int) -> None:
    change = store.decisions.add_span(doc_id, 0, 4, "DATE")
    item = change.span_ids[0]
    store.decisions.undo()
    assert item not in {s.id for s in store.items.spans(doc_id, include_closed=True)}
    store.decisions.redo()
    assert store.items.span(item).label == "DATE"


def test_accept_all_is_one_undoable_action(store: Store, doc_id: int) -> None:
    store.decisions.reject(store.items.spans(doc_id)[1].id)
    store.decisions.accept_all(doc_id)
    assert {s.status for s in store.items.spans(doc_id)} == {ACCEPTED}
    assert store.items.events(doc_id)[0].status == ACCEPTED
    store.decisions.undo()
    assert {s.status for s in store.items.spans(doc_id)} == {PENDING}
    assert store.items.events(doc_id)[0].status == PENDING


def test_event_editing(store: Store, doc_id: int) -> None:
    event = store.items.events(doc_id)[0]
    store.decisions.retype_event(event.id, "SHELLING")
    store.decisions.set_argument(event.id, "TIME", 25, 28)
    store.decisions.set_attribute(event.id, "fatalities", "5")
    store.decisions.set_attribute(event.id, "date", "2025-03-01")
    store.decisions.remove_argument(event.id, "PLACE", 20, 24)
    edited = store.items.event(event.id)
    assert edited.type == "SHELLING" and edited.status == ACCEPTED
    assert [(a.role, a.start, a.end) for a in edited.arguments] == [("TIME", 25, 28)]
    assert edited.attributes == {"fatalities": 5, "date": "2025-03-01"}
    for _ in range(5):
        store.decisions.undo()
    assert store.items.event(event.id).type == "AIRSTRIKE" and store.items.event(event.id).attributes == {}
    new = store.decisions.add_event(doc_id, 59, 64, "KILLING").event_ids[0]
    assert store.items.event(new).type == "KILLING"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s, d, i: s.decisions.relabel(i, "MISC"), "unknown entity label"),
        (lambda s, d, i: s.decisions.resize(i, 50, 500), "outside the text"),
        (lambda s, d, i: s.decisions.add_span(d, 5, 5, "GPE"), "outside the text"),
        (lambda s, d, i: s.decisions.accept(9999), "no span item"),
        (lambda s, d, i: s.decisions.set_attribute(s.items.events(d)[0].id, "fatalities", "-2"), "fatalities"),
        (lambda s, d, i: s.decisions.set_attribute(s.items.events(d)[0].id, "date", "yesterday"), "date"),
        (lambda s, d, i: s.decisions.set_argument(s.items.events(d)[0].id, "WITNESS", 0, 4), "unknown role"),
    ],
)
def test_bad_actions_are_refused_and_write_nothing(store: Store, doc_id: int, call, message: str) -> None:
    with pytest.raises(DecisionError, match=message):
        call(store, doc_id, store.items.spans(doc_id)[0].id)
    assert store.decisions.log(doc_id) == []


def test_document_review_status_and_resume(store: Store, doc_id: int) -> None:
    store.documents.set_position(doc_id, 17)
    store.decisions.mark_reviewed(doc_id)
    view = store.documents.get(doc_id)
    assert (view.status, view.reviewed_by) == (REVIEWED, "amal")
    store.decisions.undo()
    assert store.documents.get(doc_id).status == TODO
    again = Store(store.path, annotator="amal")
    assert again.documents.last_opened() == doc_id and again.documents.get(doc_id).position == 17
    assert again.decisions.can_redo()  # the undo history comes back from the log


def test_new_suggestions_never_bring_back_what_a_reviewer_decided(store: Store, doc_id: int) -> None:
    from hakam.core.model import Span

    damascus, yesterday, _ = store.items.spans(doc_id)
    store.decisions.reject(yesterday.id)
    store.decisions.accept(damascus.id)
    store.suggestions.replace(doc_id, [Span(25, 28, "DATE", 0.9), Span(20, 24, "GPE", 0.9), Span(0, 4, "DATE", 0.2)])
    assert spans(store, doc_id) == {"دمشق": ("GPE", ACCEPTED), "أمس": ("DATE", REJECTED), "قصفت": ("DATE", PENDING)}


def test_counts(store: Store, doc_id: int) -> None:
    store.decisions.accept_all(doc_id)
    store.decisions.mark_reviewed(doc_id)
    counts = store.stats.counts()
    assert counts["reviewed"] == 1 and counts["decisions_by_action"] == {"accept-all": 4, "review": 1}
    assert counts["entities_by_label"] == {"DATE": 1, "GPE": 1, "ORG": 1}
    assert counts["events_by_type"] == {"AIRSTRIKE": 1}
