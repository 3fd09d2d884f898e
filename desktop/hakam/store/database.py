"""Opening the database: location (a SQLite file or a PostgreSQL URL), connection
settings, schema version and migrations."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import peewee as pw
from platformdirs import user_data_path
from playhouse.migrate import SchemaMigrator, migrate

from hakam.store.tables import Tables, make_tables

SCHEMA_VERSION = 4
URL_SCHEMES = ("postgresql://", "postgres://")
# Seconds a writer waits for another process's write lock before giving up.
BUSY_TIMEOUT = 10
# WAL lets the desk read while a background worker writes; synchronous=FULL makes
# every committed decision survive a crash of the machine, not only of Hakam.
PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "synchronous": "full", "cache_size": -32_000}


class StoreError(RuntimeError):
    pass


def default_db_path() -> Path | str:
    """``$HAKAM_DB`` (a file or a PostgreSQL URL) or ``hakam.sqlite`` in the user's data folder."""
    override = os.environ.get("HAKAM_DB")
    if override:
        return override if is_url(override) else Path(override)
    return user_data_path("hakam", appauthor=False) / "hakam.sqlite"


def is_url(location: Path | str) -> bool:
    return isinstance(location, str) and location.startswith(URL_SCHEMES)


def describe(location: Path | str) -> str:
    """The location for messages, without a password."""
    if not is_url(location):
        return str(location)
    scheme, rest = str(location).split("://", 1)
    credentials, at, host = rest.rpartition("@")
    return f"{scheme}://{credentials.split(':')[0]}{at}{host}"


def open_database(location: Path | str) -> pw.Database:
    """An unconnected peewee database for a file path or a ``postgresql://`` URL.

    SQLite write transactions start with ``BEGIN IMMEDIATE``: a writer takes the
    lock first and waits up to ``BUSY_TIMEOUT`` for it, instead of failing at once
    when another process wrote since its read began."""
    if is_url(location):
        url = str(location).replace("postgres://", "postgresql://", 1)
        return pw.PostgresqlDatabase(url, autoconnect=True)
    path = Path(location)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    pragmas = dict(PRAGMAS, busy_timeout=int(BUSY_TIMEOUT * 1000))
    return pw.SqliteDatabase(
        str(path), pragmas=pragmas, timeout=BUSY_TIMEOUT, lock_type="IMMEDIATE", check_same_thread=False
    )


def _refuse_foreign(path: Path) -> None:
    """Look at an existing SQLite file read-only first: opening it for Hakam switches
    it to WAL, which another program's file must not suffer."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return  # the real open says what is wrong
    try:
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    except sqlite3.Error:
        return
    finally:
        connection.close()
    tables = [name for name in names if not name.startswith("sqlite_")]
    if tables and "setting" not in tables and not {"document", "decision"} & set(tables):
        raise StoreError(f"{path}: not a Hakam database (it holds other tables: {', '.join(sorted(tables)[:5])}); "
                         "give a new file or a Hakam database")  # fmt: skip


def connect(location: Path | str) -> tuple[pw.Database, Tables]:
    """Open (creating or upgrading) the database at ``location``; its own tables."""
    where = describe(location)
    if not is_url(location) and str(location) != ":memory:":
        _refuse_foreign(Path(location))
    db = open_database(location)
    try:
        db.connect(reuse_if_open=True)
    except pw.DatabaseError as error:
        raise StoreError(f"{where}: cannot open database: {error}".strip()) from None
    tables = make_tables(db)
    try:
        stored = _stored_version(db, tables)
    except pw.DatabaseError as error:
        db.close()
        raise StoreError(f"{where}: not a Hakam database ({error})") from None
    try:
        version = None if stored is None else int(stored)
    except ValueError:
        db.close()
        raise StoreError(f"{where}: unreadable schema version {stored!r}; not a database this Hakam wrote") from None
    present = [] if version is not None else [t for t in db.get_tables() if not t.startswith("sqlite_")]
    if present:
        db.close()
        ours = {model._meta.table_name for model in tables.all}
        if set(present) <= ours:
            raise StoreError(f"{where}: the database has lost its schema version (setting table); "
                             "run 'hakam check --repair' or restore a backup")  # fmt: skip
        raise StoreError(f"{where}: not a Hakam database (it holds other tables: {', '.join(sorted(present)[:5])}); "
                         "give a new file or a Hakam database")  # fmt: skip
    if version is not None and version < 1:
        db.close()
        raise StoreError(f"{where}: unreadable schema version {stored!r}; not a database this Hakam wrote")
    if version is None:
        with db.atomic():
            db.create_tables(tables.all)
            if isinstance(db, pw.PostgresqlDatabase):
                db.execute_sql(f"CREATE SEQUENCE IF NOT EXISTS {BATCH_SEQUENCE}")
            _set_version(tables, SCHEMA_VERSION)
    elif version > SCHEMA_VERSION:
        db.close()
        raise StoreError(
            f"{where}: database version {version} is newer than this Hakam ({SCHEMA_VERSION}); update Hakam"
        )
    elif version < SCHEMA_VERSION:
        _upgrade(db, tables, version)
    missing = [model._meta.table_name for model in tables.all if not db.table_exists(model._meta.table_name)]
    if missing:
        db.close()
        raise StoreError(f"{where}: the database has lost its {', '.join(missing)} table"
                         f"{'s' if len(missing) > 1 else ''}; run 'hakam check --repair' or restore a backup")  # fmt: skip
    return db, tables


# PostgreSQL hands out decision batch numbers from a sequence (concurrent writers);
# SQLite's write lock serialises writers, so max + 1 is safe there.
BATCH_SEQUENCE = "decision_batch_seq"


def _stored_version(db: pw.Database, tables: Tables) -> str | None:
    if not db.table_exists("setting"):
        return None
    row = tables.Setting.get_or_none(tables.Setting.key == "schema_version")
    return row.value if row else None


def _set_version(tables: Tables, version: int) -> None:
    Setting = tables.Setting
    Setting.insert(key="schema_version", value=str(version)).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: str(version)}
    ).execute()


# -- migrations: from version N to N+1 ------------------------------------------------
def _v1_to_v2(db: pw.Database, tables: Tables) -> None:
    migrator = SchemaMigrator.from_database(db)
    migrate(
        migrator.add_column("document", "position", tables.Document.position),
        migrator.add_column("document", "uncertainty", tables.Document.uncertainty),  # indexed by the field
    )


def _v2_to_v3(db: pw.Database, tables: Tables) -> None:
    """SQLite ids become AUTOINCREMENT (never reused): each table is rebuilt, the
    documented SQLite way (new table, copy, drop, rename)."""
    if not isinstance(db, pw.SqliteDatabase):
        return
    plain = '"id" INTEGER NOT NULL PRIMARY KEY'
    for model in tables.all:
        name = model._meta.table_name
        found = db.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        if found is None:  # a table of a later version
            continue
        (sql,) = found
        if plain not in sql or "AUTOINCREMENT" in sql:
            continue
        rebuilt = sql.replace(plain, plain + " AUTOINCREMENT", 1).replace(f'"{name}"', f'"{name}__v3"', 1)
        db.execute_sql(rebuilt)
        db.execute_sql(f'INSERT INTO "{name}__v3" SELECT * FROM "{name}"')
        db.execute_sql(f'DROP TABLE "{name}"')
        db.execute_sql(f'ALTER TABLE "{name}__v3" RENAME TO "{name}"')


def _v3_to_v4(db: pw.Database, tables: Tables) -> None:
    """Team mode: items carry the layer they belong to (existing ones: "", one-person use);
    the assignment table is created with the others afterwards."""
    migrator = SchemaMigrator.from_database(db)
    for table, field in (("span_item", tables.SpanItem.layer), ("event_item", tables.EventItem.layer)):
        if "layer" not in {column.name for column in db.get_columns(table)}:
            migrate(migrator.add_column(table, "layer", field))


MIGRATIONS = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def _upgrade(db: pw.Database, tables: Tables, version: int) -> None:
    """Run the migrations in one transaction. SQLite rebuilds a table to change a
    column, and dropping the old copy would cascade-delete rows that point at it,
    so foreign keys are off meanwhile and checked afterwards."""
    sqlite = isinstance(db, pw.SqliteDatabase)
    if sqlite:
        db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](db, tables)
                version += 1
            _set_version(tables, version)
            db.create_tables(tables.all, safe=True)
            broken = db.execute_sql("PRAGMA foreign_key_check").fetchall() if sqlite else []
            if broken:
                raise StoreError(f"upgrade left {len(broken)} broken references; the database was not changed")
    finally:
        if sqlite:
            db.execute_sql("PRAGMA foreign_keys = ON")
