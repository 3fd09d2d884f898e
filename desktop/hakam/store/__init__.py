"""The database of documents, suggestions and reviewer decisions (peewee; SQLite or PostgreSQL).

``Store(location)`` opens one; its managers do the work: ``store.documents``,
``store.items``, ``store.suggestions``, ``store.decisions``, ``store.models``,
``store.stats``, ``store.settings``.
"""

from hakam.store.database import StoreError, default_db_path, is_url
from hakam.store.decisions import DecisionError
from hakam.store.models import ModelInfo
from hakam.store.store import Store, StoreUnavailable
from hakam.store.tables import ACCEPTED, DELETED, IGNORED, MANUAL, PENDING, REJECTED, REVIEWED, TODO
from hakam.store.views import ArgumentView, Change, DocumentView, EventView, SpanView

__all__ = [
    "ACCEPTED", "DELETED", "IGNORED", "MANUAL", "PENDING", "REJECTED", "REVIEWED", "TODO",
    "ArgumentView", "Change", "DecisionError", "DocumentView", "EventView", "ModelInfo", "SpanView",
    "Store", "StoreError", "StoreUnavailable", "default_db_path", "is_url",
]  # fmt: skip
