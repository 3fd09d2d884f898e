"""``Store``: the one object callers use to read and write a Hakam database."""

from __future__ import annotations

import getpass
import hashlib
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
import peewee as pw

from hakam.core.model import Argument, Document as CoreDocument, Event, Span
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
    Suggestion,
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
    """A Hakam database. Every write method commits before it returns."""

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
        if Document.select().where(Document.text_hash == digest).exists():
            return None
        ext_id = doc.id or digest[:16]
        if Document.select().where(Document.ext_id == ext_id).exists():
            ext_id = f"{ext_id}-{digest[:8]}"
        with self._lock:
            return Document.insert(
                ext_id=ext_id,
                text=doc.text,
                text_hash=digest,
                meta=orjson.dumps(doc.meta).decode(),
                imported_at=time.time(),
            ).execute()

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
            return ModelVersion.insert(name=name, version=version, kind=kind, created_at=time.time(), **fields).execute()

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
        with self._lock, database.atomic():
            SpanItem.delete().where((SpanItem.document == document_id) & (SpanItem.status == PENDING)).execute()
            stale = EventItem.select(EventItem.id).where((EventItem.document == document_id) & (EventItem.status == PENDING))
            EventItem.delete().where(EventItem.id.in_(stale)).execute()
            Suggestion.delete().where(Suggestion.document == document_id).execute()
            decided = {(r.start, r.end, r.label) for r in SpanItem.select().where(SpanItem.document == document_id)}
            decided_events = {(r.start, r.end, r.type) for r in EventItem.select().where(EventItem.document == document_id)}
            added = 0
            for span in spans:
                if span.key in decided:
                    continue
                decided.add(span.key)
                sid = Suggestion.insert(document=document_id, kind="span", start=span.start, end=span.end,
                                        label=span.label, score=span.score, source=span.source,
                                        model=model_id, created_at=now).execute()  # fmt: skip
                SpanItem.insert(document=document_id, start=span.start, end=span.end, label=span.label,
                                status=PENDING, score=span.score, source=span.source, suggestion=sid).execute()  # fmt: skip
                added += 1
            for event in events:
                key = (event.trigger.start, event.trigger.end, event.type)
                if key in decided_events:
                    continue
                decided_events.add(key)
                payload = {"arguments": [[a.role, a.span.start, a.span.end] for a in event.arguments],
                           "attributes": event.attributes}  # fmt: skip
                sid = Suggestion.insert(document=document_id, kind="event", start=key[0], end=key[1],
                                        label=event.type, score=event.score, source=event.source, model=model_id,
                                        payload=orjson.dumps(payload).decode(), created_at=now).execute()  # fmt: skip
                eid = EventItem.insert(document=document_id, type=event.type, start=key[0], end=key[1],
                                       status=PENDING, score=event.score, source=event.source, suggestion=sid,
                                       attributes=orjson.dumps(event.attributes).decode()).execute()  # fmt: skip
                for role, start, end in payload["arguments"]:
                    ArgumentItem.insert(event=eid, role=role, start=start, end=end).execute()
                added += 1
            if uncertainty is not None:
                Document.update(uncertainty=uncertainty).where(Document.id == document_id).execute()
        return added

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
        now = time.time()
        who = annotator or self.annotator
        by_span = span_annotators or {}
        with self._lock:
            for span in doc.spans:
                SpanItem.insert(document=document_id, start=span.start, end=span.end, label=span.label,
                                status=item_status, score=span.score, source=span.source or "import",
                                annotator=by_span.get(span.key, who), updated_at=reviewed_at or now).execute()  # fmt: skip
            for event in doc.events:
                eid = EventItem.insert(document=document_id, type=event.type, start=event.trigger.start,
                                       end=event.trigger.end, status=item_status, score=event.score,
                                       source=event.source or "import", attributes=orjson.dumps(event.attributes).decode(),
                                       annotator=who, updated_at=reviewed_at or now).execute()  # fmt: skip
                for arg in event.arguments:
                    ArgumentItem.insert(event=eid, role=arg.role, start=arg.span.start, end=arg.span.end).execute()
            if status is not None:
                Document.update(status=status, reviewed_at=reviewed_at or now, reviewed_by=who).where(
                    Document.id == document_id
                ).execute()

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
        view = self.document(document_id)
        spans = [Span(s.start, s.end, s.label, s.score, s.source) for s in self.spans(document_id) if s.status == ACCEPTED]
        events = [
            Event(e.type, Span(e.start, e.end, e.type), tuple(Argument(a.role, Span(a.start, a.end, a.role)) for a in e.arguments),
                  dict(e.attributes), e.score, e.source)  # fmt: skip
            for e in self.events(document_id)
            if e.status == ACCEPTED
        ]
        return CoreDocument(view.text, view.ext_id, view.meta, spans, events)

    def span_annotators(self, document_id: int) -> dict[tuple[int, int, str], str | None]:
        return {(r.start, r.end, r.label): r.annotator for r in SpanItem.select().where(
            (SpanItem.document == document_id) & (SpanItem.status == ACCEPTED))}  # fmt: skip

    def decisions(self, document_id: int | None = None) -> list[dict[str, Any]]:
        query = Decision.select().order_by(Decision.id)
        if document_id is not None:
            query = query.where(Decision.document == document_id)
        return [
            {"id": d.id, "document": d.document_id, "batch": d.batch, "action": d.action, "target": d.target,
             "item_id": d.item_id, "before": orjson.loads(d.before) if d.before else None,
             "after": orjson.loads(d.after) if d.after else None, "annotator": d.annotator, "at": d.at,
             "reverts": d.reverts}  # fmt: skip
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
    return SpanView(row.id, row.document_id, row.start, row.end, row.label, row.status, row.score, row.source, row.annotator)


def _event_view(row: EventItem) -> EventView:
    args = tuple(ArgumentView(a.role, a.start, a.end) for a in row.arguments.order_by(ArgumentItem.id))
    return EventView(row.id, row.document_id, row.type, row.start, row.end, row.status, args,
                     orjson.loads(row.attributes), row.score, row.source, row.annotator)  # fmt: skip
