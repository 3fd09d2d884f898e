"""Model versions (``store.models``): registered suggesters, their held-out scores,
trained model files, and which one is active."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from hakam.store.store import Store


@dataclass(frozen=True, slots=True)
class ModelInfo:
    id: int
    name: str
    version: str
    kind: str
    created_at: float
    train_documents: int
    active: bool
    scores: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return f"{self.name} {self.version}"


def _model_info(row: Any) -> ModelInfo:
    try:
        scores = orjson.loads(row.scores or "{}")
    except orjson.JSONDecodeError:
        scores = {}
    return ModelInfo(row.id, row.name, row.version, row.kind, row.created_at, row.train_documents or 0,
                     bool(row.active), scores if isinstance(scores, dict) else {})  # fmt: skip


class Models:
    def __init__(self, store: Store):
        self._store = store
        self._table = store.tables.ModelVersion

    def register(self, name: str, version: str, kind: str, **fields: Any) -> int:
        """Id of the model version, registering it on first use (``fields``: scores,
        train_documents, blob, active)."""
        ModelVersion = self._table
        with self._store.atomic():
            row = ModelVersion.get_or_none((ModelVersion.name == name) & (ModelVersion.version == version))
            if row:
                return row.id
            return ModelVersion.insert(
                name=name, version=version, kind=kind, created_at=time.time(), **fields
            ).execute()

    def versions(self, kind: str | None = None) -> list[ModelInfo]:
        """Registered model versions, oldest first (without their blobs)."""
        ModelVersion = self._table
        fields = [f for f in ModelVersion._meta.sorted_fields if f.name != "blob"]
        query = ModelVersion.select(*fields).order_by(ModelVersion.created_at, ModelVersion.id)
        if kind:
            query = query.where(ModelVersion.kind == kind)
        return [_model_info(row) for row in query]

    def count(self, kind: str) -> int:
        return self._table.select().where(self._table.kind == kind).count()

    def info(self, model_id: int) -> ModelInfo | None:
        return next((m for m in self.versions() if m.id == model_id), None)

    def active(self, kind: str | None = None) -> ModelInfo | None:
        """The active version (of ``kind``); the newest when several are marked active."""
        active = [m for m in self.versions(kind) if m.active]
        return active[-1] if active else None

    def activate(self, model_id: int) -> None:
        """Make ``model_id`` the active version of its kind (any other becomes inactive)."""
        ModelVersion = self._table
        with self._store.atomic():
            row = ModelVersion.get_by_id(model_id)
            ModelVersion.update(active=False).where(ModelVersion.kind == row.kind).execute()
            ModelVersion.update(active=True).where(ModelVersion.id == model_id).execute()

    def blob(self, model_id: int) -> bytes | None:
        """The trained model file of a version (None when it has none)."""
        ModelVersion = self._table
        blob = ModelVersion.select(ModelVersion.blob).where(ModelVersion.id == model_id).scalar()
        return bytes(blob) if blob else None

    def active_blob(self, kind: str) -> tuple[str, bytes] | None:
        """(version, model file) of the newest active version of ``kind`` that has a file."""
        ModelVersion = self._table
        row = (ModelVersion.select(ModelVersion.version, ModelVersion.blob)
               .where((ModelVersion.kind == kind) & ModelVersion.active).order_by(ModelVersion.id.desc()).first())  # fmt: skip
        return (row.version, bytes(row.blob)) if row and row.blob else None
