"""Documents (``store.documents``): adding texts, finding them, the queue, resume."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import orjson
import peewee as pw

from hakam.core.model import Document as CoreDocument
from hakam.store.tables import TODO
from hakam.store.views import DocumentView

if TYPE_CHECKING:
    from hakam.store.store import Store


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_view(row: Any) -> DocumentView:
    return DocumentView(row.id, row.ext_id, row.text, orjson.loads(row.meta), row.status, row.position,
                        row.reviewed_at, row.reviewed_by, row.uncertainty)  # fmt: skip


class Documents:
    def __init__(self, store: Store):
        self._store = store
        self._table = store.tables.Document

    def add(self, doc: CoreDocument) -> int | None:
        """Insert a document; ``None`` when the same text is already stored."""
        sql = self._store.execute
        digest = text_hash(doc.text)
        with self._store.atomic():
            if sql("SELECT 1 FROM document WHERE text_hash = ?", (digest,)).fetchone():
                return None
            ext_id = doc.id or digest[:16]
            if sql("SELECT 1 FROM document WHERE ext_id = ?", (ext_id,)).fetchone():
                ext_id = f"{ext_id}-{digest[:8]}"
            return sql(
                "INSERT INTO document (ext_id, text, text_hash, meta, status, imported_at, position)"
                " VALUES (?, ?, ?, ?, ?, ?, 0) RETURNING id",
                (ext_id, doc.text, digest, orjson.dumps(doc.meta).decode(), TODO, time.time()),
            ).fetchone()[0]

    def id_of_text(self, text: str) -> int | None:
        """The id of the document with exactly this text."""
        row = self._store.execute("SELECT id FROM document WHERE text_hash = ?", (text_hash(text),)).fetchone()
        return row[0] if row else None

    def get(self, document_id: int) -> DocumentView:
        return document_view(self._table.get_by_id(document_id))

    def has_ext_id(self, ext_id: str) -> bool:
        """Whether a document has this id (one indexed lookup: imports ask for every record)."""
        return self._store.execute("SELECT 1 FROM document WHERE ext_id = ?", (ext_id,)).fetchone() is not None

    def by_ext_id(self, ext_id: str) -> DocumentView | None:
        row = self._table.get_or_none(self._table.ext_id == ext_id)
        return document_view(row) if row else None

    def find(
        self,
        status: str | None = None,
        search: str | None = None,
        order: str = "import",
        limit: int | None = None,
    ) -> list[DocumentView]:
        """The queue: filter by status and text, in import order or most uncertain first. In
        team mode an annotator's queue holds their assignments, with their own status."""
        Document = self._table
        mine = self._assignments()
        if mine:
            A = self._store.tables.Assignment
            query = Document.select(Document, A.status.alias("own_status")).join(A, on=(A.document == Document.id))
            query = query.where(A.annotator == self._store.annotator).objects()
            if status:
                query = query.where(A.status == status)
        else:
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
        if mine:
            return [replace(document_view(row), status=row.own_status) for row in query]
        return [document_view(row) for row in query]

    def _assignments(self) -> bool:
        """True in team mode for an annotator (not the curator): their queue is their assignments."""
        team = self._store.team
        return team.enabled and team.layer not in ("", "curated")

    def each(self, statuses: Sequence[str] = (), batch: int = 500) -> Iterator[DocumentView]:
        """Documents in import order (of ``statuses``, else all), read ``batch`` rows at a
        time so that memory stays flat however many there are (export)."""
        Document, last = self._table, 0
        while True:
            query = Document.select().where(Document.id > last)
            if statuses:
                query = query.where(Document.status.in_(list(statuses)))
            rows = list(query.order_by(Document.id).limit(batch))
            yield from (document_view(row) for row in rows)
            if len(rows) < batch:
                return
            last = rows[-1].id

    def ids(self, status: str | None = None) -> list[int]:
        if self._assignments():
            return [view.id for view in self.find(status)]
        Document = self._table
        query = Document.select(Document.id).order_by(Document.id)
        if status:
            query = query.where(Document.status == status)
        return [row_id for (row_id,) in query.tuples()]

    def count_by_status(self) -> dict[str, int]:
        Document = self._table
        return dict(Document.select(Document.status, pw.fn.COUNT(Document.id)).group_by(Document.status).tuples())

    def set_position(self, document_id: int, position: int) -> None:
        """Remember the reading position, and this document as the annotator's last one."""
        with self._store.atomic():
            self._table.update(position=position).where(self._table.id == document_id).execute()
            self._store.settings.set(f"last_document:{self._store.annotator}", str(document_id))

    def last_opened(self) -> int | None:
        """The document this annotator had open last (None when gone or never)."""
        value = self._store.settings.get(f"last_document:{self._store.annotator}")
        return int(value) if value and self._table.get_or_none(self._table.id == int(value)) else None
