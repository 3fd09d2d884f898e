"""Long imports commit in batches, so another writer never waits for a whole file;
a bad record anywhere in the file still writes nothing (issue 12, defect 2)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import orjson
import pytest

from hakam.io import importer
from hakam.io.errors import InputError
from hakam.store import Store


def articles(path: Path, count: int, bad_at: int | None = None) -> Path:
    lines = []
    for i in range(count):
        record = {"id": f"n{i}", "text": f"خبر رقم {i} عن حلب", "spans": [{"start": 12, "end": 15, "label": "GPE"}]}
        if i == bad_at:
            record["spans"] = [{"start": 12, "end": 99, "label": "GPE"}]
        lines.append(orjson.dumps(record))
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_each_batch_commits_and_frees_the_database_for_other_writers(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(importer, "BATCH", 2)
    store = Store(tmp_path / "h.sqlite")
    seen = []

    def between_batches(_file: str, done: int) -> None:
        other = sqlite3.connect(store.path, timeout=0, isolation_level=None)  # another process would wait 0 s
        other.execute("BEGIN IMMEDIATE")  # fails with "database is locked" inside a transaction
        seen.append((done, other.execute("SELECT COUNT(*) FROM document").fetchone()[0]))
        other.execute("ROLLBACK")
        other.close()

    summary = importer.import_paths(store, [articles(tmp_path / "a.jsonl", 5)], progress=between_batches)
    assert summary.documents == 5 and summary.suggestions == 5
    assert seen[:3] == [(2, 2), (4, 4), (5, 5)]  # committed batch by batch


def test_a_bad_record_in_a_later_batch_still_writes_nothing(tmp_path: Path, new_db, monkeypatch) -> None:
    monkeypatch.setattr(importer, "BATCH", 2)
    store = Store(new_db())
    with pytest.raises(InputError, match=r"a\.jsonl:5: span 12\.\.99"):
        importer.import_paths(store, [articles(tmp_path / "a.jsonl", 6, bad_at=4)])
    assert store.documents.ids() == []
    summary = importer.import_paths(store, [tmp_path / "a.jsonl"], skip_invalid=True)
    assert summary.documents == 5 and len(summary.skipped) == 1
