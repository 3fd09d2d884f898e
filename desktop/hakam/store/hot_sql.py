"""SQL text for the hot path of one reviewer decision: read the item locked, update it,
append the log row.

Peewee builds and renders a query's SQL on every call; on PostgreSQL that was over half
the CPU of one accept. Here each statement is rendered once per table (every store has
its own tables, so the caches are per store) and its text sent with ``execute_sql``.
Identifiers are double-quoted, as peewee does: ``"end"`` is reserved in PostgreSQL.
Everything off the hot path keeps the query builder.
"""

from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace
from typing import Any

import peewee as pw

# Rows in one INSERT of decisions (SQLite allows 32,766 parameters a statement).
_ROWS_PER_INSERT = 100
DECISION_COLUMNS = ("document_id", "batch", "action", "target", "item_id", "before", "after", "annotator", "at",
                    "reverts")  # fmt: skip


def _quote(name: str) -> str:
    return f'"{name}"'


def _columns(model: Any) -> tuple[str, ...]:
    return tuple(field.column_name for field in model._meta.sorted_fields)


def _locking(model: Any) -> str:
    """Rows read for a decision stay locked until it commits (PostgreSQL; SQLite's write lock covers it)."""
    return " FOR UPDATE" if isinstance(model._meta.database, pw.PostgresqlDatabase) else ""


@lru_cache(maxsize=128)
def _select(model: Any, where: str, order_by_id: bool, lock: bool) -> str:
    db = model._meta.database
    sql = (f"SELECT {', '.join(map(_quote, _columns(model)))} FROM {_quote(model._meta.table_name)}"
           f" WHERE {where.replace('?', db.param)}")  # fmt: skip
    return sql + (' ORDER BY "id"' if order_by_id else "") + (_locking(model) if lock else "")


def select(model: Any, where: str, params: tuple[Any, ...], order_by_id: bool = False,
           lock: bool = True) -> list[SimpleNamespace]:  # fmt: skip
    """Rows of ``model`` matching ``where`` (raw SQL, ``?`` parameters), locked unless told.
    A row's attributes are its column names (``document_id``), as on a peewee model instance."""
    cursor = model._meta.database.execute_sql(_select(model, where, order_by_id, lock), params)
    columns = _columns(model)
    return [SimpleNamespace(**dict(zip(columns, values, strict=True))) for values in cursor.fetchall()]


def by_id_locked(model: Any, item_id: int) -> SimpleNamespace | None:
    rows = select(model, '"id" = ?', (item_id,))
    return rows[0] if rows else None


@lru_cache(maxsize=128)
def _lock(model: Any) -> str:
    return (
        f'SELECT "id" FROM {_quote(model._meta.table_name)} WHERE "id" = {model._meta.database.param}{_locking(model)}'
    )


def lock_by_id(model: Any, item_id: int) -> None:
    """Lock row ``item_id`` until the transaction ends (PostgreSQL; SQLite's write lock covers it)."""
    if _locking(model):
        model._meta.database.execute_sql(_lock(model), (item_id,))


@lru_cache(maxsize=128)
def _update(model: Any, fields: tuple[str, ...]) -> str:
    param = model._meta.database.param
    sets = ", ".join(f"{_quote(model._meta.fields[name].column_name)} = {param}" for name in fields)
    return f'UPDATE {_quote(model._meta.table_name)} SET {sets} WHERE "id" = {param}'


def update_by_id(model: Any, item_id: int, values: dict[str, Any]) -> int:
    """Set ``values`` (by field name) on row ``item_id``; the number of rows changed."""
    sql = _update(model, tuple(values))
    return model._meta.database.execute_sql(sql, (*values.values(), item_id)).rowcount


@lru_cache(maxsize=128)
def _insert_decisions(model: Any, rows: int, sequence: str | None) -> str:
    param = model._meta.database.param
    batch = f"nextval('{sequence}')" if sequence else param
    row = "(" + ", ".join(batch if name == "batch" else param for name in DECISION_COLUMNS) + ")"
    sql = (f"INSERT INTO {_quote(model._meta.table_name)} ({', '.join(map(_quote, DECISION_COLUMNS))})"
           f" VALUES {', '.join([row] * rows)}")  # fmt: skip
    return sql + (' RETURNING "batch"' if sequence else "")


def insert_decisions(model: Any, batch: int, rows: list[tuple[Any, ...]]) -> None:
    """Append ``rows`` (``DECISION_COLUMNS`` without ``batch``) to the log as ``batch``."""
    db = model._meta.database
    for at in range(0, len(rows), _ROWS_PER_INSERT):
        chunk = rows[at : at + _ROWS_PER_INSERT]
        params = [value for row in chunk for value in (row[0], batch, *row[1:])]
        db.execute_sql(_insert_decisions(model, len(chunk), None), params)


def insert_decision_numbered(model: Any, row: tuple[Any, ...], sequence: str) -> int:
    """Append one row (as ``insert_decisions``) numbered by the PostgreSQL ``sequence`` in
    the same statement; its batch number."""
    return model._meta.database.execute_sql(_insert_decisions(model, 1, sequence), row).fetchone()[0]


@lru_cache(maxsize=128)
def _max_batch(model: Any) -> str:
    return f'SELECT MAX("batch") FROM {_quote(model._meta.table_name)}'


def last_batch(model: Any) -> int | None:
    return model._meta.database.execute_sql(_max_batch(model)).fetchone()[0]
