"""Damaged databases are detected, refused with a clear line, and repaired into a new file
(``hakam check [--repair]``, issue 16)."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
from pathlib import Path

import orjson
import pytest

from hakam.cli import main
from hakam.core.model import Argument, Document, Event, Span
from hakam.store import Store
from hakam.store.check import check, repair

TEXT = "قصفت الطائرات مدينة دمشق أمس، وقالت وزارة الدفاع إن 5 أشخاص قتلوا."


def _reviewed_db(path: Path, documents: int = 1) -> Path:
    store = Store(path, annotator="amal")
    for n in range(documents):
        document_id = store.documents.add(Document(f"{TEXT} {n}", f"doc-{n}", {"n": n}))
        store.suggestions.replace(document_id, [Span(20, 24, "GPE", 0.9, "rules@1"), Span(25, 28, "DATE", 0.8, "rules@1")],
                                  [Event("AIRSTRIKE", Span(0, 4, "AIRSTRIKE"), (Argument("PLACE", Span(20, 24, "PLACE")),))])  # fmt: skip
        spans = store.items.spans(document_id)
        store.decisions.accept(spans[0].id)
        store.decisions.relabel(spans[1].id, "LOC")
        store.decisions.accept_event(store.items.events(document_id)[0].id)
        store.decisions.mark_reviewed(document_id)
    store.close()
    return path


def _sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


def test_a_sound_database_checks_clean(tmp_path: Path, capsys) -> None:
    db = _reviewed_db(tmp_path / "db.sqlite")
    assert check(db).sound
    assert main(["--db", str(db), "check"]) == 0
    assert "sound" in capsys.readouterr().out


def test_the_log_and_the_items_must_agree(tmp_path: Path, capsys) -> None:
    db = _reviewed_db(tmp_path / "db.sqlite")
    _sql(db, "UPDATE span_item SET label = 'ORG' WHERE label = 'LOC'")
    report = check(db)
    assert not report.sound and any("the decision log says ('LOC'" in p for p in report.problems)
    assert main(["--db", str(db), "check"]) == 1
    assert "1 problems" in capsys.readouterr().out


def test_repair_rebuilds_lost_items_from_the_log_into_a_new_file(tmp_path: Path, capsys) -> None:
    db = _reviewed_db(tmp_path / "db.sqlite")
    _sql(db, "DELETE FROM span_item WHERE label = 'LOC'", "DELETE FROM event_item")
    before = db.read_bytes()
    out = tmp_path / "fixed.sqlite"
    assert main(["--db", str(db), "check", "--repair", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "rebuilt from the decision log: events 1, spans 1" in printed, printed
    assert db.read_bytes() == before  # the damaged file is never changed
    store = Store(out)
    spans = {(s.start, s.end, s.label, s.status) for s in store.items.spans(1)}
    events = store.items.events(1)
    store.close()
    assert (25, 28, "LOC", "accepted") in spans and events[0].status == "accepted"
    assert [(a.role, a.start, a.end) for a in events[0].arguments] == [("PLACE", 20, 24)]
    assert check(out).sound


def test_flipped_bytes_are_found_and_what_can_be_read_is_saved(tmp_path: Path, capsys) -> None:
    db = _reviewed_db(tmp_path / "db.sqlite", documents=120)
    data = bytearray(db.read_bytes())
    rng = random.Random(7)
    for _ in range(40):  # data pages only: page 1 holds the file header and the table list
        data[rng.randrange(4096 * 2, len(data))] ^= 0xFF
    db.write_bytes(data)
    shot = ["gui", "--screenshot", str(tmp_path / "shot.png")]
    for command in (["stats"], ["export", str(tmp_path / "out.jsonl")], shot, ["check"]):
        code = main(["--db", str(db), *command])
        err = capsys.readouterr().err
        assert "Traceback" not in err and "unexpected error" not in err, err
        assert code in (0, 1)
    out = tmp_path / "fixed.sqlite"
    assert main(["--db", str(db), "check", "--repair", "--out", str(out)]) == 0
    assert "repaired copy" in capsys.readouterr().out
    assert main(["--db", str(out), "export", "--all", str(tmp_path / "saved.jsonl")]) == 0
    saved = (tmp_path / "saved.jsonl").read_text(encoding="utf-8").splitlines()
    assert 60 < len(saved) <= 120  # most documents survive forty flipped bytes


def test_repair_never_overwrites(tmp_path: Path, capsys) -> None:
    db = _reviewed_db(tmp_path / "db.sqlite")
    assert main(["--db", str(db), "check", "--repair", "--out", str(db)]) == 1
    assert "exists; the repaired copy goes to a new file" in capsys.readouterr().err
    with pytest.raises(FileExistsError):
        repair(db, db)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("UPDATE setting SET value = '2b' WHERE key = 'schema_version'", "unreadable schema version '2b'"),
        ("UPDATE setting SET value = '0' WHERE key = 'schema_version'", "unreadable schema version '0'"),
        ("DROP TABLE decision", "the database has lost its decision table"),
        ("DROP TABLE setting", "the database has lost its schema version"),
        ("UPDATE document SET meta = 'not json'", "a stored value is damaged (not JSON"),
    ],
)
def test_a_damaged_structure_is_one_clear_line(tmp_path: Path, capsys, damage: str, message: str) -> None:
    db = _reviewed_db(tmp_path / "db.sqlite")
    _sql(db, damage)
    assert main(["--db", str(db), "export", str(tmp_path / "out.jsonl")]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1, err
    assert main(["--db", str(db), "check"]) == 1


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path, capsys) -> None:
    db = tmp_path / "photos.sqlite"
    _sql(db, "CREATE TABLE album (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO album (name) VALUES ('x')")
    before = db.read_bytes()
    assert main(["--db", str(db), "stats"]) == 1
    assert "not a Hakam database (it holds other tables: album)" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_an_empty_file_and_a_folder_in_the_settings_are_said(tmp_path: Path, monkeypatch, capsys) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert main(["--db", str(empty), "stats"]) == 0
    assert "was an empty file (0 bytes): a new Hakam database was made in it" in capsys.readouterr().err
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_bytes(orjson.dumps({"version": 1, "database": str(tmp_path)}))
    monkeypatch.setenv("HAKAM_CONFIG", str(config))
    monkeypatch.delenv("HAKAM_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["stats"]) == 0
    assert "settings: database: a file, not a folder; using ''" in capsys.readouterr().err


def test_a_read_only_database_is_one_line(tmp_path: Path, capsys) -> None:
    """Root writes through file permissions: as root the file is made immutable (chattr +i)."""
    db = _reviewed_db(tmp_path / "db.sqlite")
    source = tmp_path / "a.txt"
    source.write_text("نص جديد", encoding="utf-8")
    before = db.read_bytes()
    if os.geteuid() == 0:
        if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode:
            pytest.skip("running as root on a file system without chattr +i: cannot make a file read-only")
    else:
        db.chmod(0o444)
    try:
        assert main(["--db", str(db), "import", str(source)]) == 1
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(db)], check=True)
    err = capsys.readouterr().err
    assert "the database is read-only" in err and len(err.strip().splitlines()) == 1, err
    assert db.read_bytes() == before
