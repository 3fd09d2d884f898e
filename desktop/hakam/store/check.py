"""``hakam check [--repair]``: is a SQLite database sound, and what can be saved from a damaged one
(as Anki's Check Database).

``check`` reads the file with plain ``sqlite3`` (a damaged file may not open as a
``Store``): SQLite's ``integrity_check`` and ``foreign_key_check``, the schema
version and every table, then row by row that texts are UTF-8 and match their
hash, that JSON columns parse, and that the decision log agrees with the
current state (the last ``after`` of each item is what the item holds now).

``repair`` never touches the damaged file: it builds a NEW database, copies
every row that can still be read, fixes what can be fixed (an unreadable
``meta`` becomes ``{}``), rebuilds items whose rows were lost from the last
decision on them in the log, and reports what was lost.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from hakam.store.tables import SUPERSEDED, VOID

# Parents before children, so that a child whose parent was lost can be left out.
TABLES = ("setting", "document", "model_version", "suggestion", "span_item", "event_item", "argument_item", "decision")
_PARENTS = {"suggestion": ("document_id",), "span_item": ("document_id",), "event_item": ("document_id",),
            "argument_item": ("event_id",), "decision": ("document_id",)}  # fmt: skip
_PARENT_TABLE = {"document_id": "document", "event_id": "event_item"}
_JSON = {"document": ("meta",), "suggestion": ("payload",), "event_item": ("attributes",),
         "decision": ("before", "after"), "model_version": ("scores",)}  # fmt: skip
_CHUNK = 200
_SHOWN = 20  # problems listed one by one; the rest are counted


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)  # what was checked / copied / lost

    def add(self, problem: str) -> None:
        self.counts["problems"] += 1
        if len(self.problems) < _SHOWN:
            self.problems.append(problem)

    @property
    def sound(self) -> bool:
        return not self.counts["problems"]


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.text_factory = bytes  # decode ourselves: a damaged text must not stop the scan
    return connection


def _decode(value: Any) -> Any:
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [_decode(row[1]) for row in connection.execute(f'PRAGMA table_info("{table}")')]


def _rows(connection: sqlite3.Connection, table: str, report: Report) -> Iterator[dict[str, Any]]:
    """Every readable row (a chunk that fails is read row by row; a row that fails is counted lost)."""
    key = "rowid"
    columns = _columns(connection, table)
    select = ", ".join(f'"{c}"' for c in columns)
    try:
        top = connection.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0] or 0
    except sqlite3.DatabaseError as error:
        report.add(f"{table}: cannot be read ({error})")
        return
    for first in range(1, top + 1, _CHUNK):
        last = first + _CHUNK - 1
        try:
            chunk = connection.execute(f'SELECT {select} FROM "{table}" WHERE {key} BETWEEN ? AND ? ORDER BY {key}',
                                       (first, last)).fetchall()  # fmt: skip
        except sqlite3.DatabaseError:
            chunk = []
            for rowid in range(first, last + 1):
                try:
                    chunk += connection.execute(f'SELECT {select} FROM "{table}" WHERE {key} = ?', (rowid,)).fetchall()
                except sqlite3.DatabaseError:
                    report.counts[f"{table} rows unreadable"] += 1
        for row in chunk:
            yield dict(zip(columns, row))


def _clean(table: str, row: dict[str, Any], report: Report, fix: bool) -> dict[str, Any] | None:
    """The row with texts decoded and JSON checked; None when it cannot be kept."""
    out: dict[str, Any] = {}
    ident = row.get("id", row.get("key"))
    for name, value in row.items():
        if isinstance(value, bytes) and not (table == "model_version" and name == "blob"):
            try:
                value = value.decode("utf-8")
            except UnicodeDecodeError:
                if table == "document" and name == "text_hash":  # made again from the text below
                    out[name] = None
                    continue
                report.add(f"{table} {_decode_loose(ident)}: {name} is not UTF-8 (damaged)")
                return None
        out[name] = value
    for name in _JSON.get(table, ()):
        if out.get(name) is None:
            continue
        try:
            orjson.loads(out[name])
        except orjson.JSONDecodeError:
            if table == "decision":
                report.add(f"decision {ident}: {name} is not JSON (damaged)")
                return None
            report.add(f"{table} {ident}: {name} is not JSON" + ("; reset to {}" if fix else ""))
            out[name] = "{}"
    if table == "document" and isinstance(out.get("text"), str):
        digest = hashlib.sha256(out["text"].encode("utf-8")).hexdigest()
        if digest != out.get("text_hash"):
            report.add(f"document {ident} ({out.get('ext_id')}): the text does not match its hash (changed by damage)"
                       + ("; kept with a new hash, check it" if fix else ""))  # fmt: skip
            out["text_hash"] = digest
    return out


def _decode_loose(value: Any) -> Any:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def _sqlite_checks(connection: sqlite3.Connection, report: Report) -> None:
    try:
        result = [_decode_loose(r[0]) for r in connection.execute("PRAGMA integrity_check(50)")]
    except sqlite3.DatabaseError as error:
        result = [str(error)]
    if result != ["ok"]:
        for line in (part for row in result for part in str(row).splitlines()):
            if line.strip() and not line.startswith("***"):
                report.add(f"integrity: {line.strip()}")
    try:
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as error:
        report.add(f"foreign keys: cannot be checked ({error})")
        return
    for table, rowid, parent, _ in broken:
        report.add(f"{_decode_loose(table)} row {rowid} points at a missing {_decode_loose(parent)}")


def _state(row: dict[str, Any], target: str) -> tuple:
    if target == "document":
        return (row.get("status"),)
    return (row.get("type" if target == "event" else "label"), row.get("start"), row.get("end"), row.get("status"))


def _log_agrees(last: dict | None, row: dict[str, Any] | None, target: str) -> bool:
    if last is None:
        return row is None or row.get("status") == VOID
    if row is None:
        return False
    if target != "document" and last.get("status") == "pending" and row.get("status") == SUPERSEDED:
        return True  # refreshed suggestions close untouched pending items without a decision
    return _state(last, target) == _state(row, target)


def _last_afters(decisions: list[dict[str, Any]]) -> dict[tuple[str, int], dict | None]:
    last: dict[tuple[str, int], dict | None] = {}
    for decision in sorted(decisions, key=lambda d: d["id"]):
        last[decision["target"], decision["item_id"]] = orjson.loads(decision["after"]) if decision["after"] else None
    return last


def quick_check(path: Path | str) -> list[str]:
    """SQLite's ``quick_check`` (the page structure, not the rows): its problems, empty when sound."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = [str(row[0]) for row in connection.execute("PRAGMA quick_check(20)")]
    except sqlite3.DatabaseError as error:
        rows = [str(error)]
    finally:
        connection.close()
    return [] if rows == ["ok"] else [line for row in rows for line in row.splitlines() if line.strip()]


def check(path: Path | str) -> Report:
    """Everything in the module doc; nothing is written."""
    report = Report()
    path = Path(path)
    if not path.is_file():
        report.add(f"{path}: no such file")
        return report
    connection = _connect(path)
    try:
        _sqlite_checks(connection, report)
        present = {_decode(r[0]) for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in TABLES:
            if table not in present:
                report.add(f"the {table} table is missing")
        rows = {t: [r for r in (_clean(t, row, report, False) for row in _rows(connection, t, report)) if r is not None]
                for t in TABLES if t in present}  # fmt: skip
    except sqlite3.DatabaseError as error:
        report.add(f"cannot be read: {error}")
        return report
    finally:
        connection.close()
    _check_content(rows, report)
    return report


def _check_content(rows: dict[str, list[dict[str, Any]]], report: Report) -> None:
    settings = {r["key"]: r["value"] for r in rows.get("setting", [])}
    version = settings.get("schema_version")
    if version is None or not str(version).isdigit() or int(version) < 1:
        report.add(f"schema version {version!r} is not a version this Hakam wrote")
    if "schema_toml" in settings:
        from hakam.core.schema import SchemaError, parse_schema

        try:
            parse_schema(settings["schema_toml"], "stored schema")
        except SchemaError as error:
            report.add(str(error))
    for table, found in rows.items():
        report.counts[f"{table} rows"] = len(found)
    for table, lost in [(k, v) for k, v in report.counts.items() if k.endswith("rows unreadable")]:
        report.add(f"{table}: {lost}")
    by_target = {"span": {r["id"]: r for r in rows.get("span_item", [])},
                 "event": {r["id"]: r for r in rows.get("event_item", [])},
                 "document": {r["id"]: r for r in rows.get("document", [])}}  # fmt: skip
    for (target, item), last in _last_afters(rows.get("decision", [])).items():
        if target in by_target and not _log_agrees(last, by_target[target].get(item), target):
            report.add(f"{target} {item}: the decision log says {_state(last, target) if last else 'none'}, "
                       f"the item holds {_state(by_target[target][item], target) if item in by_target[target] else 'nothing'}")  # fmt: skip


def repair(source: Path | str, target: Path | str) -> Report:
    """Copy what can be read from ``source`` into a new database ``target`` (see the module doc)."""
    from hakam.store.store import Store

    source, target = Path(source), Path(target)
    if target.exists():
        raise FileExistsError(f"{target} exists; the repaired copy goes to a new file")
    report = Report()
    connection = _connect(source)
    Store(target).close()  # a fresh database of this version: its tables, then filled below
    out = sqlite3.connect(target)
    copied: dict[str, set[Any]] = defaultdict(set)
    try:
        out.execute("DELETE FROM setting")
        present = {_decode(r[0]) for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        decisions: list[dict[str, Any]] = []
        for table in TABLES:
            if table not in present:
                report.add(f"the {table} table was lost")
                continue
            wanted = set(_columns(out, table))
            for raw in _rows(connection, table, report):
                row = _clean(table, raw, report, True)
                if row is None:
                    report.counts[f"{table} rows lost"] += 1
                    continue
                orphan = next((c for c in _PARENTS.get(table, ()) if row.get(c) not in copied[_PARENT_TABLE[c]]), None)
                if orphan:
                    report.counts[f"{table} rows lost"] += 1
                    continue
                row = {**_defaults(table), **{k: v for k, v in row.items() if k in wanted}}  # an older source
                names = ", ".join(f'"{k}"' for k in row)
                try:
                    out.execute(
                        f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(row))})', tuple(row.values())
                    )
                except sqlite3.IntegrityError as error:
                    report.add(f"{table} {row.get('id', row.get('key'))}: left out ({error})")
                    report.counts[f"{table} rows lost"] += 1
                    continue
                copied[table].add(row.get("id", row.get("key")))
                report.counts[f"{table} rows copied"] += 1
                if table == "decision":
                    decisions.append(row)
        _rebuild_from_log(out, decisions, copied, report)
        if "schema_toml" not in copied["setting"]:
            _schema_from_items(out)
            report.add("the stored schema was lost; made again from the default one and the labels the items use")
        if "schema_version" not in copied["setting"]:
            from hakam.store.database import SCHEMA_VERSION

            out.execute("INSERT INTO setting (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            report.add("the schema version was lost; set to this Hakam's")
        out.commit()
    finally:
        out.close()
        connection.close()
    Store(target).close()  # opens (and upgrades, when the source was older) as any database
    return report


@functools.cache
def _defaults(table: str) -> dict[str, Any]:
    """Column defaults of this version's table (rows of an older database lack newer columns)."""
    import peewee as pw

    from hakam.store.tables import make_tables

    model = next(m for m in make_tables(pw.SqliteDatabase(None)).all if m._meta.table_name == table)
    return {
        f.column_name: f.default for f in model._meta.sorted_fields if f.default is not None and not callable(f.default)
    }


def _rebuild_from_log(out: sqlite3.Connection, decisions: list[dict[str, Any]], copied: dict[str, set[Any]],
                      report: Report) -> None:  # fmt: skip
    """Items whose rows were lost come back as the last decision on them left them."""
    for (target, item), last in _last_afters(decisions).items():
        if last is None or target not in ("span", "event"):
            continue
        table = "span_item" if target == "span" else "event_item"
        if item in copied[table] or last.get("document") not in copied["document"]:
            continue
        if target == "span":
            fields = ("start", "end", "label", "status", "score", "source", "annotator", "updated_at")
            values = {name: last.get(name) for name in fields}
        else:
            fields = ("type", "start", "end", "status", "score", "source", "annotator", "updated_at")
            values = {name: last.get(name) for name in fields}
            values["attributes"] = orjson.dumps(last.get("attributes") or {}).decode()
        values = {**_defaults(table), **values, "id": item, "document_id": last["document"]}
        values["layer"] = last.get("layer") or ""  # v4: whose layer the item is in
        names = ", ".join(f'"{k}"' for k in values)
        out.execute(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(values))})', tuple(values.values()))
        for role, start, end in last.get("arguments", []) if target == "event" else []:
            out.execute(
                'INSERT INTO argument_item (event_id, role, start, "end") VALUES (?, ?, ?, ?)', (item, role, start, end)
            )
        copied[table].add(item)
        report.counts[f"{target}s rebuilt from the log"] += 1


def _schema_from_items(out: sqlite3.Connection) -> None:
    from hakam.core.schema import load_schema, name_problem

    def used(sql: str) -> list[str]:
        return sorted({row[0] for row in out.execute(sql) if isinstance(row[0], str) and not name_problem(row[0])})

    default = load_schema()
    labels = [n for n in used("SELECT DISTINCT label FROM span_item") if n not in default.events]
    types = [n for n in used("SELECT DISTINCT type FROM event_item") if n not in default.entities and n not in labels]
    schema = default.extended(entities=labels, events=types, roles=used("SELECT DISTINCT role FROM argument_item"))
    out.execute("INSERT INTO setting (key, value) VALUES ('schema_toml', ?)", (schema.to_toml(),))
