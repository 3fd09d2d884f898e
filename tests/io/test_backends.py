"""SQLite and PostgreSQL behind one API: the same work gives the same export bytes."""

from __future__ import annotations

import re
from pathlib import Path

import orjson

from hakam.io.exporter import export
from hakam.io.importer import import_paths
from hakam.store import Store

TEXT = "قصفت الطائرات مدينة دمشق أمس، وقالت وزارة الدفاع إن 5 أشخاص قتلوا."
RECORD = {
    "id": "d1", "text": TEXT, "meta": {"date": "2025-03-02"},
    "spans": [{"start": 20, "end": 24, "label": "GPE", "score": 0.123456789012345, "source": "rules@1"},
              {"start": 25, "end": 28, "label": "DATE", "score": 0.5, "source": "rules@1"},
              {"start": 36, "end": 48, "label": "ORG", "score": 0.25, "source": "rules@1"}],
    "events": [{"type": "AIRSTRIKE", "trigger": {"start": 0, "end": 4}, "score": 0.6, "source": "rules@1",
                "arguments": [{"role": "PLACE", "start": 20, "end": 24}]}],
}  # fmt: skip


def review(store: Store) -> None:
    [doc] = store.documents.ids()
    damascus, yesterday, ministry = store.items.spans(doc)
    store.decisions.accept(damascus.id)
    store.decisions.reject(yesterday.id)
    store.decisions.relabel(ministry.id, "GPE")
    store.decisions.add_span(doc, 53, 58, "PERS")
    event = store.items.events(doc)[0]
    store.decisions.set_attribute(event.id, "fatalities", "5")
    store.decisions.undo()
    store.decisions.redo()
    store.decisions.mark_reviewed(doc)


def test_sqlite_and_postgresql_export_the_same_bytes(tmp_path: Path, pg_server) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(orjson.dumps(RECORD) + b"\n")
    outputs, scores = [], []
    for location in (tmp_path / "h.sqlite", pg_server.new_database()):
        store = Store(location, annotator="amal")
        import_paths(store, [source])
        review(store)
        out = tmp_path / f"out-{len(outputs)}.jsonl"
        export(store, out)
        scores.append(store.items.spans(store.documents.ids()[0])[0].score)
        outputs.append(re.sub(rb'"reviewed_at":"[^"]+"', b'"reviewed_at":""', out.read_bytes()))  # the clock differs
        store.close()
    assert outputs[0] == outputs[1]
    [line] = [orjson.loads(line) for line in outputs[0].splitlines()]
    assert [(s["label"], s["source"]) for s in line["spans"]] == [("GPE", "rules@1"), ("GPE", "rules@1+edited"),
                                                                  ("PERS", "manual")]  # fmt: skip
    assert scores == [0.123456789012345] * 2  # doubles on both, not PostgreSQL's 4-byte REAL
