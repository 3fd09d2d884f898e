"""Peewee tables, made once per open database (``make_tables``), so two stores in
one process never share a binding.

Decisions are an append-only log; ``SpanItem``/``EventItem``/``ArgumentItem``
hold the current state that the log produced (updated in the same transaction
as each decision). Item rows are never deleted: a refreshed suggestion is closed
as ``superseded``, an undone addition as ``void``; both are hidden from reads.
Ids come from the database (AUTOINCREMENT on SQLite, sequences on PostgreSQL),
so an id is never handed out twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import peewee as pw

# Document review status.
TODO, REVIEWED, IGNORED = "todo", "reviewed", "ignored"
# Item status: a suggestion waiting for review, or a reviewer's verdict.
PENDING, ACCEPTED, REJECTED, DELETED = "pending", "accepted", "rejected", "deleted"
# Closed rows nobody sees: a pending suggestion replaced by fresh ones, an undone addition.
SUPERSEDED, VOID = "superseded", "void"
VISIBLE = (PENDING, ACCEPTED)
SHOWN_CLOSED = (PENDING, ACCEPTED, REJECTED, DELETED)
# ``source`` of an item a reviewer changed (retyped, resized, arguments, attributes).
MANUAL = "manual"


class _AutoIncrementField(pw.AutoField):
    """SQLite's AUTOINCREMENT: the id of a deleted last row is not handed out again."""

    def ddl(self, ctx: pw.Context) -> pw.NodeList:
        return pw.NodeList((super().ddl(ctx), pw.SQL("AUTOINCREMENT")))


@dataclass(frozen=True, slots=True)
class Tables:
    """One database's model classes. Typed ``Any``: they are made at run time, so their
    fields are unknown to a type checker (peewee's stubs would flag every one)."""

    Setting: Any
    Document: Any
    ModelVersion: Any
    Suggestion: Any
    SpanItem: Any
    EventItem: Any
    ArgumentItem: Any
    Decision: Any
    Assignment: Any

    @property
    def all(self) -> list[Any]:
        return [self.Setting, self.Document, self.ModelVersion, self.Suggestion, self.SpanItem, self.EventItem,
                self.ArgumentItem, self.Decision, self.Assignment]  # fmt: skip


def make_tables(db: pw.Database) -> Tables:
    """Model classes bound to ``db`` alone."""
    Id = _AutoIncrementField if isinstance(db, pw.SqliteDatabase) else pw.AutoField

    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Setting(Base):
        key = pw.CharField(primary_key=True)
        value = pw.TextField()

    class Document(Base):
        id = Id()
        ext_id = pw.CharField(unique=True)
        text = pw.TextField()
        text_hash = pw.CharField(unique=True, max_length=64)
        meta = pw.TextField(default="{}")  # JSON
        status = pw.CharField(default=TODO, index=True)
        imported_at = pw.DoubleField()
        reviewed_at = pw.DoubleField(null=True)
        reviewed_by = pw.CharField(null=True)
        # v2: reading position for resume, and review-queue rank (lower = review first).
        position = pw.IntegerField(default=0)
        uncertainty = pw.DoubleField(null=True, index=True)

    class ModelVersion(Base):
        id = Id()
        name = pw.CharField()
        version = pw.CharField()
        kind = pw.CharField()  # rules | crf | bert | ensemble
        created_at = pw.DoubleField()
        scores = pw.TextField(default="{}")  # JSON: held-out P/R/F1
        train_documents = pw.IntegerField(default=0)
        blob = pw.BlobField(null=True)  # crfsuite model file bytes, never pickle
        active = pw.BooleanField(default=False)

        class Meta:
            indexes = ((("name", "version"), True),)

    class Suggestion(Base):
        """What a model proposed: spans (``kind='span'``) and event triggers with arguments."""

        id = Id()
        document = pw.ForeignKeyField(Document, backref="suggestions", on_delete="CASCADE", index=True)
        kind = pw.CharField()  # span | event
        start = pw.IntegerField()
        end = pw.IntegerField()
        label = pw.CharField()
        score = pw.DoubleField(null=True)
        source = pw.CharField(null=True)
        model = pw.ForeignKeyField(ModelVersion, null=True, on_delete="SET NULL")
        payload = pw.TextField(default="{}")  # JSON: event arguments and attributes
        created_at = pw.DoubleField()

    class SpanItem(Base):
        id = Id()
        document = pw.ForeignKeyField(Document, backref="span_items", on_delete="CASCADE", index=True)
        start = pw.IntegerField()
        end = pw.IntegerField()
        label = pw.CharField()
        status = pw.CharField(default=PENDING)
        score = pw.DoubleField(null=True)
        source = pw.CharField(null=True)
        suggestion = pw.ForeignKeyField(Suggestion, null=True, on_delete="SET NULL")
        annotator = pw.CharField(null=True)
        updated_at = pw.DoubleField(null=True)
        # v4: whose layer the item is in: an annotator's name, "curated", or "" (one-person use)
        layer = pw.CharField(default="", index=True, constraints=[pw.SQL("DEFAULT ''")])

    class EventItem(Base):
        id = Id()
        document = pw.ForeignKeyField(Document, backref="event_items", on_delete="CASCADE", index=True)
        type = pw.CharField()
        start = pw.IntegerField()  # trigger
        end = pw.IntegerField()
        status = pw.CharField(default=PENDING)
        attributes = pw.TextField(default="{}")  # JSON
        score = pw.DoubleField(null=True)
        source = pw.CharField(null=True)
        suggestion = pw.ForeignKeyField(Suggestion, null=True, on_delete="SET NULL")
        annotator = pw.CharField(null=True)
        updated_at = pw.DoubleField(null=True)
        layer = pw.CharField(default="", index=True, constraints=[pw.SQL("DEFAULT ''")])  # v4, as SpanItem.layer

    class ArgumentItem(Base):
        id = Id()
        event = pw.ForeignKeyField(EventItem, backref="arguments", on_delete="CASCADE", index=True)
        role = pw.CharField()
        start = pw.IntegerField()
        end = pw.IntegerField()

    class Decision(Base):
        """One reviewer action. Never updated or deleted; undo appends its inverse."""

        id = Id()
        document = pw.ForeignKeyField(Document, backref="decisions", on_delete="CASCADE", index=True)
        batch = pw.IntegerField(index=True)  # decisions made by one action share a batch
        action = pw.CharField()  # accept reject relabel resize add delete event-* review ignore undo redo …
        target = pw.CharField()  # span | event | document
        item_id = pw.IntegerField()
        before = pw.TextField(null=True)  # JSON snapshot, null = did not exist
        after = pw.TextField(null=True)
        annotator = pw.CharField()
        at = pw.DoubleField(index=True)
        reverts = pw.IntegerField(null=True)  # batch undone (undo) or re-applied (redo)

    class Assignment(Base):
        """v4, team mode: a document dealt to an annotator, and how far they got with it."""

        id = Id()
        document = pw.ForeignKeyField(Document, backref="assignments", on_delete="CASCADE", index=True)
        annotator = pw.CharField(index=True)
        status = pw.CharField(default=TODO)  # todo | reviewed | ignored, for this annotator
        reviewed_at = pw.DoubleField(null=True)

        class Meta:
            indexes = ((("document", "annotator"), True),)

    return Tables(Setting, Document, ModelVersion, Suggestion, SpanItem, EventItem, ArgumentItem, Decision, Assignment)
