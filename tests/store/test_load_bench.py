"""The load benchmark's bookkeeping: writers really write, and it finds every
acknowledged decision in the log (speed is read from its JSON, not asserted here)."""

from __future__ import annotations

import pytest

from hakam.bench.store_load import run_load
from hakam.store import Store


def test_writers_decide_and_nothing_acknowledged_is_lost(new_db) -> None:
    location = new_db("load")
    result = run_load(location, writers=2, seconds=1.0, rate=0)
    assert result["decisions_committed"] > 10 and result["decisions_lost"] == 0 and result["errors"] == {}
    store = Store(location)
    annotators = {d["annotator"] for d in store.decisions.log()}
    assert annotators == {"load-0", "load-1"}
    assert len(store.decisions.batches()) >= result["decisions_committed"]


def test_it_refuses_a_database_that_holds_documents(new_db) -> None:
    from hakam.core.model import Document

    location = new_db("busy")
    Store(location).documents.add(Document("نص موجود", "kept"))
    with pytest.raises(ValueError, match="give it an empty database"):
        run_load(location, writers=1, seconds=0.5, rate=5)
