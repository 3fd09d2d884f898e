"""Acknowledged decisions survive kill -9; older databases open and upgrade."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from hakam.core.model import Document, Span
from hakam.store import Store, StoreError, StoreUnavailable
from hakam.store.database import SCHEMA_VERSION

WRITER = textwrap.dedent(
    """
    import sys
    from hakam.core.model import Document, Span
    from hakam.store import Store
    store = Store(sys.argv[1], annotator="w")
    doc = store.documents.add(Document("نص " * 400, "d"))
    store.suggestions.replace(doc, [Span(i * 4, i * 4 + 2, "GPE") for i in range(400)])
    for item in store.items.spans(doc):
        store.decisions.accept(item.id)
        print(item.id, flush=True)  # acknowledged only after the commit returned
    """
)


def test_every_acknowledged_decision_survives_kill_9(new_db) -> None:
    db = new_db("kill")
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True)
    acknowledged = []
    assert process.stdout is not None
    for line in process.stdout:
        acknowledged.append(int(line))
        if len(acknowledged) == 60:
            os.kill(process.pid, signal.SIGKILL)
            break
    process.wait()
    store = Store(db, annotator="w")
    accepted = {d["item_id"] for d in store.decisions.log() if d["action"] == "accept"}
    assert set(acknowledged) <= accepted
    assert all(store.items.span(item).status == "accepted" for item in acknowledged)


def _make_v1(path: Path) -> int:
    store = Store(path)
    document_id = store.documents.add(Document("غارة على حلب", "old"))
    store.suggestions.replace(document_id, [Span(9, 12, "GPE")])
    store.decisions.accept(store.items.spans(document_id)[0].id)
    store.close()
    con = sqlite3.connect(path)
    con.executescript(
        """
        DROP INDEX IF EXISTS document_uncertainty;
        ALTER TABLE document DROP COLUMN uncertainty;
        ALTER TABLE document DROP COLUMN position;
        UPDATE setting SET value = '1' WHERE key = 'schema_version';
        """
    )
    con.commit()
    con.close()
    return document_id


def test_a_version_1_database_opens_and_upgrades(tmp_path: Path) -> None:
    db = tmp_path / "v1.sqlite"
    document_id = _make_v1(db)
    store = Store(db)
    assert store.settings.get("schema_version") == str(SCHEMA_VERSION)
    assert store.documents.get(document_id).position == 0
    assert store.items.spans(document_id)[0].status == "accepted"
    store.documents.set_position(document_id, 5)
    assert store.documents.get(document_id).position == 5


def test_a_newer_database_is_refused_clearly(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite"
    Store(db).settings.set("schema_version", "99")
    with pytest.raises(StoreError, match="newer than this Hakam"):
        Store(db)


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite"
    db.write_text("not a database at all, just some notes\n" * 100)
    with pytest.raises(StoreError, match="notes.sqlite"):
        Store(db)


def test_wal_and_foreign_keys_are_on(tmp_path: Path) -> None:
    store = Store(tmp_path / "p.sqlite")
    assert store.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_every_acknowledged_decision_survives_a_server_crash_and_the_store_reconnects(pg_server) -> None:
    store = Store(pg_server.new_database(), annotator="amal")
    doc = store.documents.add(Document("نص " * 50, "d"))
    store.suggestions.replace(doc, [Span(i * 4, i * 4 + 2, "GPE") for i in range(10)])
    items = [s.id for s in store.items.spans(doc)]
    for item in items[:5]:
        store.decisions.accept(item)
    pg_server.restart(immediate=True)  # pg_ctl stop -m immediate: a crash, no clean shutdown
    for item in items[5:]:  # the old connection is gone: reopened before the first write
        store.decisions.accept(item)
    again = Store(store.path, annotator="amal")
    assert [d["item_id"] for d in again.decisions.log()] == items
    assert {s.status for s in again.items.spans(doc)} == {"accepted"}


def test_a_write_while_the_server_is_down_is_refused_as_unavailable_then_works(pg_server) -> None:
    store = Store(pg_server.new_database(), annotator="amal")
    doc = store.documents.add(Document("نص " * 5, "d"))
    store.suggestions.replace(doc, [Span(0, 2, "GPE")])
    [item] = store.items.spans(doc)
    pg_server.stop(immediate=True)
    try:
        with pytest.raises(StoreUnavailable, match="database unavailable"):
            store.decisions.accept(item.id)
    finally:
        pg_server.start()
    store.decisions.accept(item.id)
    assert [d["action"] for d in store.decisions.log()] == ["accept"]
