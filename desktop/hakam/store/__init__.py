"""The local database of documents, suggestions and reviewer decisions (peewee)."""

from hakam.store.database import StoreError, default_db_path
from hakam.store.decisions import DecisionError
from hakam.store.store import Store
from hakam.store.tables import ACCEPTED, DELETED, IGNORED, PENDING, REJECTED, REVIEWED, TODO
from hakam.store.views import ArgumentView, Change, DocumentView, EventView, SpanView

__all__ = [
    "ACCEPTED", "DELETED", "IGNORED", "PENDING", "REJECTED", "REVIEWED", "TODO",
    "ArgumentView", "Change", "DecisionError", "DocumentView", "EventView", "SpanView",
    "Store", "StoreError", "default_db_path",
]  # fmt: skip
