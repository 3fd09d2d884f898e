"""``Store``: one open Hakam database. The work is done by small managers behind it
(``store.documents``, ``store.items``, ``store.suggestions``, ``store.decisions``,
``store.models``, ``store.stats``, ``store.settings``), as Anki's collection hands
work to ``col.decks`` and ``col.sched``."""

from __future__ import annotations

import getpass
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import peewee as pw

from hakam.core.schema import Schema, load_schema, parse_schema
from hakam.store.analytics import Stats
from hakam.store.database import StoreError, connect, describe
from hakam.store.decisions import Decisions
from hakam.store.documents import Documents
from hakam.store.items import Items
from hakam.store.models import Models
from hakam.store.suggestions import Suggestions
from hakam.store.team import Team


class StoreUnavailable(StoreError):
    """The database could not take a write now (locked too long, server gone); try again later."""


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "annotator"


class Settings:
    """Key-value settings stored in the database (``store.settings``)."""

    def __init__(self, store: Store):
        self._store = store
        self._table = store.tables.Setting

    def get(self, key: str) -> str | None:
        row = self._table.get_or_none(self._table.key == key)
        return row.value if row else None

    def set(self, key: str, value: str) -> None:
        with self._store.atomic():
            self._table.insert(key=key, value=value).on_conflict(
                conflict_target=[self._table.key], update={self._table.value: value}
            ).execute()


class Store:
    """A Hakam database: a SQLite file or a ``postgresql://`` URL. Every write commits
    before it returns. Stores are independent: each has its own tables and connection."""

    def __init__(self, location: Path | str, annotator: str | None = None, schema: Schema | None = None):
        self.path = location  # a file path, or a URL for PostgreSQL
        self.db, self.tables = connect(location)
        self._lock = threading.RLock()
        self.settings = Settings(self)
        self.documents = Documents(self)
        self.items = Items(self)
        self.suggestions = Suggestions(self)
        self.decisions = Decisions(self)
        self.models = Models(self)
        self.stats = Stats(self)
        self.team = Team(self)
        self.annotator = annotator or self.settings.get("annotator") or default_annotator()
        if self.is_postgresql:  # a team member is who the server says they are
            from hakam.store import roles

            user, group = roles.member_of(self)
            if group is not None:
                self.annotator = user
                self.team.curate(group == roles.CURATOR)
        if schema is not None:
            self.update_schema(schema)
        elif not self.reload_schema():
            self.update_schema(load_schema())

    @property
    def name(self) -> str:
        """The location for messages (no password)."""
        return describe(self.path)

    @property
    def is_postgresql(self) -> bool:
        return isinstance(self.db, pw.PostgresqlDatabase)

    def set_annotator(self, name: str) -> None:
        """Record ``name`` on decisions from now on; undo and redo follow the annotator."""
        self.settings.set("annotator", name)
        self.annotator = name
        self.decisions.forget_history()

    def reload_schema(self) -> bool:
        """Read the stored schema again (after a transaction that changed it rolled back);
        False when none is stored."""
        stored = self.settings.get("schema_toml")
        if stored:
            self.schema = parse_schema(stored, f"{self.name} (stored schema)")
        return bool(stored)

    def update_schema(self, schema: Schema) -> None:
        self.schema = schema
        self.settings.set("schema_toml", schema.to_toml())

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One write transaction: all of it or nothing. A server connection lost since
        the last call (the server restarted) is reopened; a write the database cannot
        take now raises ``StoreUnavailable`` and nothing of it is kept."""
        with self._lock:
            outermost = not self.db.in_transaction()
            try:
                with self._begin(outermost):
                    yield
            except (pw.OperationalError, pw.InterfaceError) as error:
                if not outermost:
                    raise
                raise StoreUnavailable(f"{self.name}: database unavailable ({str(error).strip()})") from error

    def _begin(self, outermost: bool) -> ExitStack:
        """``db.atomic()``, entered. A connection the server dropped fails at BEGIN,
        before anything of the transaction was sent: it is reopened and BEGIN sent again."""
        stack = ExitStack()
        try:
            stack.enter_context(self.db.atomic())
        except (pw.OperationalError, pw.InterfaceError):
            if not (outermost and self.is_postgresql):
                raise
            try:
                self.db.close()
            except pw.PeeweeException:
                pass  # the old connection is gone anyway
            stack.enter_context(self.db.atomic())
        return stack

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        """Raw SQL for the bulk paths (peewee's query builder costs ~0.3 ms a row).
        Write ``?`` for parameters (it becomes the backend's placeholder, so the SQL
        itself must hold no ``?`` or ``%``) and quote ``"end"``, reserved in PostgreSQL."""
        return self.db.execute_sql(sql.replace("?", self.db.param), params)
