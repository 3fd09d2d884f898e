"""Ids are never reused, stale undo/redo is refused, stores are independent,
writers wait for each other (issue 12, defects 1–3)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tests.store.conftest import TEXT

from hakam.core.model import Document, Span
from hakam.store import ACCEPTED, PENDING, DecisionError, Store, StoreError, StoreUnavailable
from hakam.store import database as store_database


def test_redo_after_a_refresh_never_overwrites_another_suggestion(store: Store, doc_id: int) -> None:
    damascus = store.items.spans(doc_id)[0]
    store.decisions.accept(damascus.id)
    store.decisions.undo()
    store.suggestions.replace(doc_id, [Span(0, 4, "ORG", 0.5, "crf@2")])  # Ctrl+R
    [fresh] = store.items.spans(doc_id)
    with pytest.raises(DecisionError, match="cannot redo accept: the span changed since"):
        store.decisions.redo()
    assert [(s.id, s.start, s.end, s.label, s.status) for s in store.items.spans(doc_id)] == [
        (fresh.id, 0, 4, "ORG", PENDING)
    ]
    assert fresh.id > damascus.id  # the old ids are not handed out again
    assert not store.decisions.can_redo()  # the stale step is dropped, not refused forever


def test_undo_is_refused_when_someone_else_changed_the_item(store: Store, doc_id: int) -> None:
    damascus = store.items.spans(doc_id)[0]
    store.decisions.accept(damascus.id)
    colleague = Store(store.path, annotator="badr")
    colleague.decisions.relabel(damascus.id, "LOC")
    with pytest.raises(DecisionError, match="changed since"):
        store.decisions.undo()
    assert store.items.span(damascus.id).label == "LOC"
    assert [d["action"] for d in store.decisions.log(doc_id)] == ["accept", "relabel"]


def test_an_undone_addition_keeps_its_row_and_its_id_is_never_reused(store: Store, doc_id: int) -> None:
    added = store.decisions.add_span(doc_id, 0, 4, "DATE").span_ids[0]
    store.decisions.undo()
    assert added not in {s.id for s in store.items.spans(doc_id, include_closed=True)}
    again = store.decisions.add_span(doc_id, 5, 13, "ORG").span_ids[0]
    assert again > added
    store.decisions.undo()
    store.decisions.undo()  # nothing else to undo: the first addition was undone already
    store.decisions.redo()
    assert store.items.span(again).status == ACCEPTED
    assert store.items.span(added).status == "void"  # still there for the log, hidden everywhere


def test_every_logged_item_row_still_exists_after_refreshes(store: Store, doc_id: int) -> None:
    store.decisions.reject(store.items.spans(doc_id)[1].id)
    store.decisions.accept(store.items.spans(doc_id)[0].id)
    for _ in range(3):
        store.suggestions.replace(doc_id, [Span(0, 4, "ORG"), Span(44, 48, "GPE")])
    logged = {d["item_id"] for d in store.decisions.log() if d["target"] == "span"}
    for item_id in logged:
        store.items.span(item_id)  # raises when a row was deleted
    counts = store.stats.counts()
    assert counts["pending_suggestions"] == 2  # superseded rows are not counted


def test_edited_events_and_spans_say_so_in_their_source(store: Store, doc_id: int) -> None:
    event = store.items.events(doc_id)[0]
    store.decisions.accept_event(event.id)
    assert store.items.event(event.id).source == "rules@1"
    store.decisions.retype_event(event.id, "SHELLING")
    store.decisions.set_attribute(event.id, "fatalities", "5")
    assert store.items.event(event.id).source == "rules@1+edited"
    damascus, _, ministry = store.items.spans(doc_id)
    store.decisions.accept(damascus.id)
    store.decisions.relabel(ministry.id, "GPE")
    assert store.items.span(damascus.id).source == "rules@1"
    assert store.items.span(ministry.id).source == "rules@1+edited"
    assert store.items.span(store.decisions.add_span(doc_id, 0, 4, "DATE").span_ids[0]).source == "manual"
    store.decisions.undo()
    store.decisions.undo()
    assert store.items.span(ministry.id).source == "rules@1"  # undo restores the source too


def test_two_stores_in_one_process_are_independent(new_db) -> None:
    first_db = new_db("first")
    first = Store(first_db, annotator="amal")
    one = first.documents.add(Document("نص أول", "one"))
    second = Store(new_db("second"), annotator="badr")
    second.documents.add(Document("نص ثان", "two"))
    second.documents.add(Document("نص ثالث", "three"))
    first.suggestions.replace(one, [Span(0, 2, "GPE")])
    first.decisions.accept(first.items.spans(one)[0].id)
    assert [d.ext_id for d in first.documents.find()] == ["one"]
    assert [d.ext_id for d in second.documents.find()] == ["two", "three"]
    assert second.decisions.log() == [] and len(first.decisions.log()) == 1
    assert Store(first_db).stats.counts()["decisions"] == 1


def test_an_unreadable_schema_version_is_refused_clearly(new_db) -> None:
    db = new_db()
    Store(db).settings.set("schema_version", "two")
    with pytest.raises(StoreError, match="unreadable schema version 'two'"):
        Store(db)


def test_a_version_2_database_gets_ids_that_are_never_reused(tmp_path: Path) -> None:
    db = tmp_path / "v2.sqlite"
    store = Store(db, annotator="amal")
    doc = store.documents.add(Document(TEXT, "d"))
    store.suggestions.replace(doc, [Span(20, 24, "GPE"), Span(25, 28, "DATE")])
    store.decisions.accept(store.items.spans(doc)[0].id)
    store.close()
    con = sqlite3.connect(db)
    rows = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINC%'").fetchall()
    for name, sql in rows:
        con.execute(sql.replace(" AUTOINCREMENT", "").replace(f'"{name}"', f'"{name}_old"', 1))
        con.execute(f'INSERT INTO "{name}_old" SELECT * FROM "{name}"')
        con.execute(f'DROP TABLE "{name}"')
        con.execute(f'ALTER TABLE "{name}_old" RENAME TO "{name}"')
    con.execute("UPDATE setting SET value = '2' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    upgraded = Store(db, annotator="amal")
    assert upgraded.settings.get("schema_version") == str(store_database.SCHEMA_VERSION)
    tables = upgraded.db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    assert all("AUTOINCREMENT" in sql for name, sql in tables if name not in ("setting", "sqlite_sequence"))
    assert [(s.label, s.status) for s in upgraded.items.spans(doc)] == [("GPE", ACCEPTED), ("DATE", PENDING)]
    assert upgraded.decisions.undo() is not None and upgraded.items.spans(doc)[0].status == PENDING


# -- writers from two processes ---------------------------------------------------------
HOLD_LOCK = textwrap.dedent(
    """
    import sqlite3, sys, time
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    con.execute("INSERT INTO setting (key, value) VALUES ('held', 'yes')")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    con.execute("COMMIT")
    """
)


def hold_write_lock(db: Path, seconds: float) -> subprocess.Popen:
    """Another process (an import, say) holding SQLite's write lock for ``seconds``."""
    process = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db), str(seconds)], stdout=subprocess.PIPE,
                               text=True)  # fmt: skip
    assert process.stdout is not None and process.stdout.readline().strip() == "locked"
    return process


def test_a_writer_waits_for_another_process_instead_of_failing(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.sqlite", annotator="amal")
    doc_id = store.documents.add(Document(TEXT, "d"))
    store.suggestions.replace(doc_id, [Span(20, 24, "GPE")])
    damascus = store.items.spans(doc_id)[0]
    store.items.span(damascus.id)  # a read first, as the desk does: the old code failed on upgrading it
    holder = hold_write_lock(store.path, 1.0)
    store.decisions.accept(damascus.id)
    assert holder.wait() == 0
    assert store.items.span(damascus.id).status == ACCEPTED
    assert store.settings.get("held") == "yes"  # the other process's write is kept too


def test_a_write_that_cannot_wait_long_enough_raises_store_unavailable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_database, "BUSY_TIMEOUT", 0.1)
    impatient = Store(tmp_path / "h.sqlite", annotator="amal")
    doc_id = impatient.documents.add(Document(TEXT, "d"))
    impatient.suggestions.replace(doc_id, [Span(20, 24, "GPE")])
    holder = hold_write_lock(impatient.path, 1.5)
    with pytest.raises(StoreUnavailable, match="database unavailable"):
        impatient.decisions.accept(impatient.items.spans(doc_id)[0].id)
    assert holder.wait() == 0
    assert impatient.decisions.log() == []  # nothing half-written
    impatient.decisions.accept(impatient.items.spans(doc_id)[0].id)  # and the store carries on
    assert len(impatient.decisions.log()) == 1
