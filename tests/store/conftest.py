from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hakam.core.model import Argument, Document, Event, Span
from hakam.store import Store

TEXT = "قصفت الطائرات مدينة دمشق أمس، وقالت وزارة الدفاع إن 5 أشخاص قتلوا."


@pytest.fixture
def store(new_db: Callable[..., Path | str]) -> Iterator[Store]:
    """A new store, on SQLite and on PostgreSQL."""
    store = Store(new_db(), annotator="amal")
    yield store
    store.close()


@pytest.fixture
def doc_id(store: Store) -> int:
    document_id = store.documents.add(Document(TEXT, "doc-1", {"date": "2025-03-02"}))
    damascus = Span(20, 24, "GPE", 0.9, "rules@1")
    store.suggestions.replace(
        document_id,
        [damascus, Span(25, 28, "DATE", 0.8, "rules@1"), Span(36, 48, "ORG", 0.7, "rules@1")],
        [Event("AIRSTRIKE", Span(0, 4, "AIRSTRIKE"), (Argument("PLACE", damascus),), {}, 0.6, "rules@1")],
    )
    return document_id
