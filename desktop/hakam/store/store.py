"""``Store``: the one object callers use to read and write a Hakam database."""

from __future__ import annotations

import getpass
import hashlib
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson
import peewee as pw

from hakam.core.model import Argument, Event, Span
from hakam.core.model import Document as CoreDocument
from hakam.core.schema import Schema, load_schema, parse_schema
from hakam.store.database import connect
from hakam.store.decisions import DecisionLog
from hakam.store.tables import (
    ACCEPTED,
    PENDING,
    REVIEWED,
    TODO,
    ArgumentItem,
    Decision,
    Document,
    EventItem,
    ModelVersion,
    Setting,
    SpanItem,
    database,
)
from hakam.store.views import ArgumentView, DocumentView, EventView, SpanView


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "annotator"


class Store(DecisionLog):
    """A Hakam database. Every write method commits before it returns.

    The tables are bound through one process-wide ``DatabaseProxy``: opening a Store
    binds them to its file, so a process works on one database at a time."""

    def __init__(self, path: Path | str, annotator: str | None = None, schema: Schema | None = None):
        self.path = Path(path)
        self.db = connect(self.path)
        self.annotator = annotator or self.setting("annotator") or default_annotator()
        self._lock = threading.RLock()
        self._undo = self._redo = None
        stored = self.setting("schema_toml")
        if schema is not None:
            self.schema = schema
            self.set_setting("schema_toml", schema.to_toml())
        elif stored:
            self.schema = parse_schema(stored, f"{self.path} (stored schema)")
        else:
            self.schema = load_schema()
            self.set_setting("schema_toml", self.schema.to_toml())

    def set_annotator(self, name: str) -> None:
        """Record ``name`` on decisions from now on; undo and redo follow the annotator."""
        self.set_setting("annotator", name)
        self.annotator = name
        self._undo = self._redo = None

    def decisions_since(self, seconds: float) -> int:
        return Decision.select().where(Decision.at >= seconds).count()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction for a bulk write (an import): all of it or nothing."""
        with self._lock, database.atomic():
            yield

    # -- settings ---------------------------------------------------------------
    def setting(self, key: str) -> str | None:
        row = Setting.get_or_none(Setting.key == key)
        return row.value if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self._lock:
            Setting.replace(key=key, value=value).execute()

    def update_schema(self, schema: Schema) -> None:
        self.schema = schema
        self.set_setting("schema_toml", schema.to_toml())

    # -- documents ---------------------------------------------------------------
    def add_document(self, doc: CoreDocument) -> int | None:
        """Insert a document; ``None`` when the same text is already stored."""
        digest = text_hash(doc.text)
        if self._sql("SELECT 1 FROM document WHERE text_hash = ?", (digest,)).fetchone():
            return None
        ext_id = doc.id or digest[:16]
        if self._sql("SELECT 1 FROM document WHERE ext_id = ?", (ext_id,)).fetchone():
            ext_id = f"{ext_id}-{digest[:8]}"
        with self._lock:
            return self._sql(
                "INSERT INTO document (ext_id, text, text_hash, meta, status, imported_at, position)"
                " VALUES (?, ?, ?, ?, ?, ?, 0)",
                (ext_id, doc.text, digest, orjson.dumps(doc.meta).decode(), TODO, time.time()),
            ).lastrowid

    def document(self, document_id: int) -> DocumentView:
        return _document_view(Document.get_by_id(document_id))

    def document_by_ext_id(self, ext_id: str) -> DocumentView | None:
        row = Document.get_or_none(Document.ext_id == ext_id)
        return _document_view(row) if row else None

    def documents(
        self,
        status: str | None = None,
        search: str | None = None,
        order: str = "import",
        limit: int | None = None,
    ) -> list[DocumentView]:
        """The queue: filter by status and text, in import order or most uncertain first."""
        query = Document.select()
        if status:
            query = query.where(Document.status == status)
        if search:
            query = query.where(Document.text.contains(search) | Document.ext_id.contains(search))
        if order == "uncertain":
            query = query.order_by(Document.uncertainty.desc(nulls="LAST"), Document.id)
        else:
            query = query.order_by(Document.id)
        if limit:
            query = query.limit(limit)
        return [_document_view(row) for row in query]

    def document_ids(self, status: str | None = None) -> list[int]:
        query = Document.select(Document.id).order_by(Document.id)
        if status:
            query = query.where(Document.status == status)
        return [row.id for row in query]

    def set_position(self, document_id: int, position: int) -> None:
        with self._lock:
            Document.update(position=position).where(Document.id == document_id).execute()
            Setting.replace(key=f"last_document:{self.annotator}", value=str(document_id)).execute()

    def last_document(self) -> int | None:
        value = self.setting(f"last_document:{self.annotator}")
        return int(value) if value and Document.get_or_none(Document.id == int(value)) else None

    # -- suggestions -------------------------------------------------------------
    def model_version(self, name: str, version: str, kind: str, **fields: Any) -> int:
        """Id of the model version, registering it on first use."""
        row = ModelVersion.get_or_none((ModelVersion.name == name) & (ModelVersion.version == version))
        if row:
            return row.id
        with self._lock:
            return ModelVersion.insert(
                name=name, version=version, kind=kind, created_at=time.time(), **fields
            ).execute()

    def _sql(self, sql: str, params: tuple = ()) -> Any:
        """Raw SQL for the bulk paths (peewee's query builder costs ~0.3 ms a row);
        ``?`` becomes the backend's placeholder."""
        return self.db.execute_sql(sql.replace("?", self.db.param), params)

    def replace_suggestions(
        self,
        document_id: int,
        spans: Iterable[Span],
        events: Iterable[Event] = (),
        model_id: int | None = None,
        uncertainty: float | None = None,
    ) -> int:
        """Put fresh suggestions on a document: untouched pending items are replaced,
        and nothing a reviewer decided on comes back. Returns the items added."""
        now = time.time()
        sql = self._sql
        with self._lock, database.atomic():
            sql("DELETE FROM span_item WHERE document_id = ? AND status = ?", (document_id, PENDING))
            sql("DELETE FROM event_item WHERE document_id = ? AND status = ?", (document_id, PENDING))
            sql("DELETE FROM suggestion WHERE document_id = ?", (document_id,))
            decided = set(
                sql("SELECT start, end, label FROM span_item WHERE document_id = ?", (document_id,)).fetchall()
            )
            decided_events = set(
                sql("SELECT start, end, type FROM event_item WHERE document_id = ?", (document_id,)).fetchall()
            )
            fresh = []
            for span in spans:
                if span.key not in decided:
                    decided.add(span.key)
                    fresh.append(span)
            cursor = self.db.cursor()
            cursor.executemany(
                "INSERT INTO suggestion (document_id, kind, start, end, label, score, source, model_id, payload,"
                " created_at) VALUES (?, 'span', ?, ?, ?, ?, ?, ?, '{}', ?)".replace("?", self.db.param),
                [(document_id, s.start, s.end, s.label, s.score, s.source, model_id, now) for s in fresh],
            )
            ids = [row[0] for row in sql("SELECT id FROM suggestion WHERE document_id = ? AND kind = 'span' ORDER BY id",
                                         (document_id,))]  # fmt: skip
            cursor.executemany(
                "INSERT INTO span_item (document_id, start, end, label, status, score, source, suggestion_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)".replace("?", self.db.param),
                [(document_id, s.start, s.end, s.label, PENDING, s.score, s.source, sid) for s, sid in zip(fresh, ids)],
            )
            added = len(fresh)
            for event in events:
                key = (event.trigger.start, event.trigger.end, event.type)
                if key in decided_events:
                    continue
                decided_events.add(key)
                arguments = [[a.role, a.span.start, a.span.end] for a in event.arguments]
                payload = orjson.dumps({"arguments": arguments, "attributes": event.attributes}).decode()
                sid = sql("INSERT INTO suggestion (document_id, kind, start, end, label, score, source, model_id, payload,"
                          " created_at) VALUES (?, 'event', ?, ?, ?, ?, ?, ?, ?, ?)",
                          (document_id, *key, event.score, event.source, model_id, payload, now)).lastrowid  # fmt: skip
                self._insert_event(document_id, event, PENDING, None, None, sid)
                added += 1
            if uncertainty is not None:
                sql("UPDATE document SET uncertainty = ? WHERE id = ?", (uncertainty, document_id))
        return added

    def _insert_event(self, document_id: int, event: Event, status: str, annotator: str | None,
                      updated_at: float | None, suggestion_id: int | None = None) -> None:  # fmt: skip
        eid = self._sql(
            "INSERT INTO event_item (document_id, type, start, end, status, attributes, score, source, suggestion_id,"
            " annotator, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document_id, event.type, event.trigger.start, event.trigger.end, status,
             orjson.dumps(event.attributes).decode(), event.score, event.source, suggestion_id, annotator, updated_at),
        ).lastrowid  # fmt: skip
        for arg in event.arguments:
            self._sql("INSERT INTO argument_item (event_id, role, start, end) VALUES (?, ?, ?, ?)",
                      (eid, arg.role, arg.span.start, arg.span.end))  # fmt: skip

    def add_reviewed(
        self,
        document_id: int,
        doc: CoreDocument,
        annotator: str | None = None,
        status: str | None = REVIEWED,
        item_status: str = ACCEPTED,
        reviewed_at: float | None = None,
        span_annotators: dict[tuple[int, int, str], str] | None = None,
    ) -> None:
        """Store annotations that were reviewed elsewhere (imported): no decision is
        logged, since nobody decided here. ``status`` None leaves the document's as is."""
        at = reviewed_at or time.time()
        who = annotator or self.annotator
        by_span = span_annotators or {}
        with self._lock, database.atomic():
            for span in doc.spans:
                self._sql("INSERT INTO span_item (document_id, start, end, label, status, score, source, annotator,"
                          " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          (document_id, span.start, span.end, span.label, item_status, span.score,
                           span.source or "import", by_span.get(span.key, who), at))  # fmt: skip
            for event in doc.events:
                self._insert_event(document_id, replace(event, source=event.source or "import"), item_status, who, at)
            if status is not None:
                self._sql("UPDATE document SET status = ?, reviewed_at = ?, reviewed_by = ? WHERE id = ?",
                          (status, at, who, document_id))  # fmt: skip

    # -- reading items ---------------------------------------------------------------
    def spans(self, document_id: int, include_closed: bool = False) -> list[SpanView]:
        """Span items of a document: pending and accepted (and rejected/deleted on request)."""
        query = SpanItem.select().where(SpanItem.document == document_id)
        if not include_closed:
            query = query.where(SpanItem.status.in_([PENDING, ACCEPTED]))
        return [_span_view(row) for row in query.order_by(SpanItem.start, SpanItem.end, SpanItem.id)]

    def span(self, item_id: int) -> SpanView:
        return _span_view(SpanItem.get_by_id(item_id))

    def events(self, document_id: int, include_closed: bool = False) -> list[EventView]:
        query = EventItem.select().where(EventItem.document == document_id)
        if not include_closed:
            query = query.where(EventItem.status.in_([PENDING, ACCEPTED]))
        return [_event_view(row) for row in query.order_by(EventItem.start, EventItem.id)]

    def event(self, item_id: int) -> EventView:
        return _event_view(EventItem.get_by_id(item_id))

    def reviewed_document(self, document_id: int) -> CoreDocument:
        """The document with its accepted spans and events, as plain core data."""
        return self.accepted_annotations(self.document(document_id))[0]

    def accepted_annotations(self, view: DocumentView) -> tuple[CoreDocument, dict[tuple[int, int, str], str | None]]:
        """Accepted spans and events of a document, and who made each span (raw SQL: export reads every document)."""
        rows = self._sql("SELECT start, end, label, score, source, annotator FROM span_item"
                         " WHERE document_id = ? AND status = ? ORDER BY start, end, id", (view.id, ACCEPTED)).fetchall()  # fmt: skip
        spans = [Span(start, end, label, score, source) for start, end, label, score, source, _ in rows]
        annotators = {(start, end, label): who for start, end, label, _, _, who in rows}
        arguments: dict[int, list[Argument]] = {}
        for event_id, role, start, end in self._sql(
            "SELECT a.event_id, a.role, a.start, a.end FROM argument_item a JOIN event_item e ON a.event_id = e.id"
            " WHERE e.document_id = ? AND e.status = ? ORDER BY a.id", (view.id, ACCEPTED)):  # fmt: skip
            arguments.setdefault(event_id, []).append(Argument(role, Span(start, end, role)))
        events = [
            Event(kind, Span(start, end, kind), tuple(arguments.get(eid, ())), orjson.loads(attributes), score, source)
            for eid, kind, start, end, attributes, score, source in self._sql(
                "SELECT id, type, start, end, attributes, score, source FROM event_item"
                " WHERE document_id = ? AND status = ? ORDER BY start, id",
                (view.id, ACCEPTED),
            )  # fmt: skip
        ]
        return CoreDocument(view.text, view.ext_id, view.meta, spans, events), annotators

    def span_annotators(self, document_id: int) -> dict[tuple[int, int, str], str | None]:
        return self.accepted_annotations(self.document(document_id))[1]

    def decisions(self, document_id: int | None = None) -> list[dict[str, Any]]:
        query = Decision.select().order_by(Decision.id)
        if document_id is not None:
            query = query.where(Decision.document == document_id)
        return [
            {
                "id": d.id,
                "document": d.document_id,
                "batch": d.batch,
                "action": d.action,
                "target": d.target,
                "item_id": d.item_id,
                "before": orjson.loads(d.before) if d.before else None,
                "after": orjson.loads(d.after) if d.after else None,
                "annotator": d.annotator,
                "at": d.at,
                "reverts": d.reverts,
            }  # fmt: skip
            for d in query
        ]

    def counts(self) -> dict[str, Any]:
        """Figures for ``hakam stats`` and the status bar."""
        by_status = dict(Document.select(Document.status, pw.fn.COUNT(Document.id)).group_by(Document.status).tuples())
        actions = dict(Decision.select(Decision.action, pw.fn.COUNT(Decision.id)).group_by(Decision.action).tuples())
        labels = dict(SpanItem.select(SpanItem.label, pw.fn.COUNT(SpanItem.id)).where(SpanItem.status == ACCEPTED)
                      .group_by(SpanItem.label).tuples())  # fmt: skip
        types = dict(EventItem.select(EventItem.type, pw.fn.COUNT(EventItem.id)).where(EventItem.status == ACCEPTED)
                     .group_by(EventItem.type).tuples())  # fmt: skip
        pending = SpanItem.select().where(SpanItem.status == PENDING).count()
        return {
            "documents": sum(by_status.values()),
            "reviewed": by_status.get(REVIEWED, 0),
            "ignored": by_status.get("ignored", 0),
            "to_review": by_status.get(TODO, 0),
            "decisions": sum(actions.values()),
            "decisions_by_action": dict(sorted(actions.items())),
            "pending_suggestions": pending,
            "entities_by_label": dict(sorted(labels.items())),
            "events_by_type": dict(sorted(types.items())),
        }


def _document_view(row: Document) -> DocumentView:
    return DocumentView(row.id, row.ext_id, row.text, orjson.loads(row.meta), row.status, row.position,
                        row.reviewed_at, row.reviewed_by, row.uncertainty)  # fmt: skip


def _span_view(row: SpanItem) -> SpanView:
    return SpanView(
        row.id, row.document_id, row.start, row.end, row.label, row.status, row.score, row.source, row.annotator
    )


def _event_view(row: EventItem) -> EventView:
    args = tuple(ArgumentView(a.role, a.start, a.end) for a in row.arguments.order_by(ArgumentItem.id))
    return EventView(row.id, row.document_id, row.type, row.start, row.end, row.status, args,
                     orjson.loads(row.attributes), row.score, row.source, row.annotator)  # fmt: skip
