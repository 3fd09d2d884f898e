"""Export documents from the store, in a deterministic order (import order).

Documents are read one at a time, so memory stays flat however many there are.
Outputs are atomic (``hakam.io.atomic``): an interrupted export never leaves
half a file, or half a brat folder, where a good one was.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from hakam.io.atomic import atomic_file, atomic_folder
from hakam.io.formats import WriteOptions, writer
from hakam.io.records import ExportRecord
from hakam.store import IGNORED, PENDING, REVIEWED, Store

_ANSWERS = {REVIEWED: "accept", IGNORED: "ignore"}


def export_records(store: Store, include_all: bool = False, with_suggestions: bool = False) -> Iterator[ExportRecord]:
    """Reviewed and ignored documents (every document with ``include_all``), a few at a time."""
    for view in store.documents.each(() if include_all else tuple(_ANSWERS)):
        if not include_all and view.status not in _ANSWERS:
            continue
        suggestions = []
        if with_suggestions:
            from hakam.core.model import Span

            suggestions = [Span(s.start, s.end, s.label, s.score, s.source)
                           for s in store.items.spans(view.id) if s.status == PENDING]  # fmt: skip
        doc, annotators = store.items.accepted(view)
        yield ExportRecord(doc, _ANSWERS.get(view.status), view.reviewed_by, view.reviewed_at, annotators, suggestions)  # type: ignore[arg-type]


def export(
    store: Store,
    out: Path | str,
    fmt: str = "hakam",
    include_all: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write documents to ``out`` (``-`` for stdout); returns how many."""
    chosen = writer(fmt)
    options = WriteOptions(schema=store.schema)
    records = export_records(store, include_all, with_suggestions=fmt == "labelstudio")
    if progress:
        records = _counting(records, progress)
    if chosen.folder:
        with atomic_folder(Path(out)) as folder:
            return chosen.write(records, folder, options)
    if str(out) == "-":
        return chosen.write(records, sys.stdout, options)
    with atomic_file(Path(out)) as stream:
        return chosen.write(records, stream, options)


def _counting(records: Iterator[ExportRecord], progress: Callable[[int], None]) -> Iterator[ExportRecord]:
    for count, record in enumerate(records, 1):
        yield record
        if count % 100 == 0:
            progress(count)
