"""The sample articles shipped in ``resources/samples/markup`` (``hakam demo``, and
Help → Load the sample articles in the desk): added as plain documents, without
their gold annotations, so the suggester has something to propose. Idempotent."""

from __future__ import annotations

from dataclasses import replace

from hakam.io.markup import parse_markup
from hakam.resources import resource_path
from hakam.store import Store


def add_samples(store: Store) -> list[int]:
    """Ids of the samples added (those already stored are skipped)."""
    added = []
    with store.atomic():
        for path in sorted(resource_path("samples", "markup").glob("*.txt")):
            sample = parse_markup(path.read_text(encoding="utf-8"), default_id=path.stem)
            document_id = store.documents.add(replace(sample, spans=[], events=[]))
            if document_id is not None:
                added.append(document_id)
    return added
