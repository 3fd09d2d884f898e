"""Export documents from the store, in a deterministic order (import order).

A file is written to a temporary name beside the target and renamed at the
end, so an interrupted export never leaves half a file where a good one was.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from hakam.io.formats import WriteOptions, writer
from hakam.io.records import ExportRecord
from hakam.store import IGNORED, PENDING, REVIEWED, Store

_ANSWERS = {REVIEWED: "accept", IGNORED: "ignore"}


def export_records(store: Store, include_all: bool = False, with_suggestions: bool = False) -> Iterator[ExportRecord]:
    """Reviewed and ignored documents (every document with ``include_all``)."""
    for view in store.documents.find():
        if not include_all and view.status not in _ANSWERS:
            continue
        suggestions = []
        if with_suggestions:
            from hakam.core.model import Span

            suggestions = [Span(s.start, s.end, s.label, s.score, s.source)
                           for s in store.items.spans(view.id) if s.status == PENDING]  # fmt: skip
        doc, annotators = store.items.accepted(view)
        yield ExportRecord(doc, _ANSWERS.get(view.status), view.reviewed_by, view.reviewed_at, annotators, suggestions)  # type: ignore[arg-type]


def suggestion_records(records: Iterator[ExportRecord]) -> Iterator[ExportRecord]:
    """Each record with its pending span suggestions in place of its accepted annotations."""
    from hakam.core.model import Document

    for record in records:
        doc = Document(record.doc.text, record.doc.id, record.doc.meta, list(record.suggestions))
        yield ExportRecord(doc, None, None, None)  # type: ignore[arg-type]


def export(
    store: Store,
    out: Path | str,
    fmt: str = "hakam",
    include_all: bool = False,
    progress: Callable[[int], None] | None = None,
    suggestions: bool = False,
) -> int:
    """Write documents to ``out`` (``-`` for stdout); returns how many. ``suggestions``:
    their pending span suggestions instead of their accepted annotations."""
    chosen = writer(fmt)
    options = WriteOptions(schema=store.schema)
    records = export_records(store, include_all, with_suggestions=fmt == "labelstudio" or suggestions)
    if suggestions:
        records = suggestion_records(records)
    if progress:
        records = _counting(records, progress)
    if chosen.folder:
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        return chosen.write(records, folder, options)
    if str(out) == "-":
        return chosen.write(records, sys.stdout, options)
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            count = chosen.write(records, stream, options)
        os.replace(temp, target)
    except BaseException:
        os.unlink(temp)
        raise
    return count


def _counting(records: Iterator[ExportRecord], progress: Callable[[int], None]) -> Iterator[ExportRecord]:
    for count, record in enumerate(records, 1):
        yield record
        if count % 100 == 0:
            progress(count)
