"""Opening the database: location, pragmas, schema version and migrations."""

from __future__ import annotations

import os
from pathlib import Path

import peewee as pw
from platformdirs import user_data_path
from playhouse.migrate import SqliteMigrator, migrate

from hakam.store.tables import TABLES, Document, Setting, database

SCHEMA_VERSION = 2
# WAL lets the desk read while a background worker writes; synchronous=FULL makes
# every committed decision survive a crash of the machine, not only of Hakam.
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 5000,
    "cache_size": -32_000,
}


class StoreError(RuntimeError):
    pass


def default_db_path() -> Path:
    """``$HAKAM_DB`` or ``hakam.sqlite`` in the user's data folder."""
    override = os.environ.get("HAKAM_DB")
    if override:
        return Path(override)
    return user_data_path("hakam", appauthor=False) / "hakam.sqlite"


def _v1_to_v2(db: pw.Database) -> None:
    migrator = SqliteMigrator(db)
    migrate(
        migrator.add_column("document", "position", Document.position),
        migrator.add_column("document", "uncertainty", Document.uncertainty),  # indexed by the field
    )


MIGRATIONS = {1: _v1_to_v2}  # from version N to N+1


def _stored_version(db: pw.Database) -> int | None:
    if not db.table_exists("setting"):
        return None
    row = Setting.get_or_none(Setting.key == "schema_version")
    return int(row.value) if row else None


def connect(path: Path | str) -> pw.SqliteDatabase:
    """Open (creating or upgrading) the database at ``path`` and bind the tables to it."""
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    db = pw.SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
    except pw.DatabaseError as error:
        raise StoreError(f"{path}: cannot open database: {error}") from None
    try:
        version = _stored_version(db)
    except pw.DatabaseError as error:
        raise StoreError(f"{path}: not a Hakam database ({error})") from None
    if version is None:
        with db.atomic():
            db.create_tables(TABLES)
            Setting.replace(key="schema_version", value=str(SCHEMA_VERSION)).execute()
    elif version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: database version {version} is newer than this Hakam ({SCHEMA_VERSION}); update Hakam"
        )
    elif version < SCHEMA_VERSION:
        _upgrade(db, version)
    return db


def _upgrade(db: pw.SqliteDatabase, version: int) -> None:
    """Run the migrations in one transaction. SQLite rebuilds a table to change a
    column, and dropping the old copy would cascade-delete rows that point at it,
    so foreign keys are off meanwhile and checked afterwards."""
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](db)
                version += 1
            Setting.replace(key="schema_version", value=str(version)).execute()
            db.create_tables(TABLES, safe=True)
            broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise StoreError(f"upgrade left {len(broken)} broken references; the database was not changed")
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")
