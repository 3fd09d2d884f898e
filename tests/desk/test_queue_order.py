"""`hakam gui --order uncertain`: the queue puts the least certain documents first."""

from __future__ import annotations

from hakam.desk.app import build_window
from hakam.store import Store


def test_uncertain_order_ranks_the_queue_by_the_models_uncertainty(qtbot, store: Store) -> None:
    ids = store.documents.ids()
    for rank, document_id in enumerate(ids):
        store.suggestions.replace(document_id, [], [], uncertainty=rank / 10)  # later = less certain
    window = build_window(store, ask_annotator=False, order="uncertain")
    qtbot.addWidget(window)
    assert window.queue.ids() == list(reversed(ids))
    window.queue.set_order("import")
    assert window.queue.ids() == ids
