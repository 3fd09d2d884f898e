"""A store with reviewed documents, decisions by two annotators over three days,
and three trained model versions (built from the sample articles in resources/)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import orjson
import pytest

from hakam.core.model import Span
from hakam.io.markup import parse_markup
from hakam.resources import resource_path
from hakam.store import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DAY = 86400.0


def scores(f1: float) -> str:
    """Held-out scores as hakam.suggest.training records them."""
    micro = {"p": f1 + 0.02, "r": f1 - 0.02, "f1": f1}
    crf = {"entities": {"micro": micro, "labels": {"GPE": {"p": 0.9, "r": 0.8, "f1": 0.85}}},
           "triggers_typed": {"micro": {"p": 0.5, "r": 0.4, "f1": 0.44}, "labels": {"AIRSTRIKE": {"p": 0.5, "r": 0.4, "f1": 0.44}}}}  # fmt: skip
    return orjson.dumps({"held_out_documents": 1, "crf": crf}).decode()


def fill(store: Store, documents: int = 6) -> Store:
    """Suggest the gold spans of each sample (every third with a wrong label), then review."""
    paths = sorted(resource_path("samples", "markup").glob("*.txt"))[:documents]
    now = time.time()
    for n, path in enumerate(paths):
        doc = parse_markup(path.read_text(encoding="utf-8"), path.stem)
        doc_id = store.documents.add(doc)
        source = "rules@1" if n < 3 else "crf@2"
        wrong = [Span(s.start, s.end, "LOC" if i % 3 == 2 else s.label, 0.8, source) for i, s in enumerate(doc.spans)]
        store.suggestions.replace(doc_id, wrong, [e for e in doc.events][:2])
        if n == len(paths) - 1:
            continue  # one left to review
        store.annotator = "amal" if n % 2 else "badr"
        store.decisions.forget_history()
        for i, (item, gold) in enumerate(
            zip(store.items.spans(doc_id), sorted(doc.spans, key=lambda s: (s.start, s.end)))
        ):
            if i % 5 == 4:
                store.decisions.reject(item.id)
            elif item.label != gold.label:
                store.decisions.relabel(item.id, gold.label)
            else:
                store.decisions.accept(item.id)
        for event in store.items.events(doc_id):
            store.decisions.accept_event(event.id)
        store.decisions.mark_reviewed(doc_id)
        when = now - (2 - n // 2) * DAY + n * 600
        Decision, Document = store.tables.Decision, store.tables.Document
        Decision.update(at=when + (Decision.id % 97) * 90 - (Decision.id % 2) * 7200).where(
            Decision.document == doc_id
        ).execute()
        Document.update(reviewed_at=when).where(Document.id == doc_id).execute()
    for version, docs, f1, active in (("1", 2, 0.41, False), ("2", 4, 0.58, True), ("3", 5, 0.63, False)):
        store.models.register("crf", version, "crf", scores=scores(f1), train_documents=docs, active=active)
    return store


@pytest.fixture
def filled_store(tmp_path: Path) -> Store:
    return fill(Store(tmp_path / "dash.sqlite", annotator="amal"))
