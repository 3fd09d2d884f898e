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
from hakam.store.team import CURATED

_ANSWERS = {REVIEWED: "accept", IGNORED: "ignore"}


def export_records(store: Store, include_all: bool = False, with_suggestions: bool = False,
                   layer: str | None = None, skipped: list[int] | None = None) -> Iterator[ExportRecord]:  # fmt: skip
    """Reviewed and ignored documents (every document with ``include_all``). In team mode,
    ``layer`` picks whose annotations: ``curated``, an annotator's name, or ``all`` (one
    record per layer); by default the curated layer where there is one, else the only
    annotator's once the document is done for the team (documents with several layers and
    no curated one go to ``skipped``)."""
    if not store.team.enabled:
        yield from _solo_records(store, include_all, with_suggestions)
        return
    assigned = store.team.assignments()
    for view in store.documents.each(()):
        layers = assigned.get(view.id, {})
        done = {name: row for name, row in layers.items() if row[0] in _ANSWERS or name == CURATED}
        if layer == "all":
            chosen = sorted(done)
        elif layer is not None:
            chosen = [layer] if layer in done else []
        elif CURATED in done:
            chosen = [CURATED]
        elif len(done) == 1 and view.status in _ANSWERS:  # its only annotator, and the team is done with it
            chosen = list(done)
        else:
            if len(done) > 1 and skipped is not None:
                skipped.append(view.id)
            chosen = []
        for name in chosen:
            status, reviewed_at = done[name]
            doc, annotators = store.items.accepted(view, name)
            yield ExportRecord(doc, _ANSWERS.get(status, "accept"), name, reviewed_at, annotators)


def _solo_records(store: Store, include_all: bool, with_suggestions: bool) -> Iterator[ExportRecord]:
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
    layer: str | None = None,
    skipped: list[int] | None = None,
) -> int:
    """Write documents to ``out`` (``-`` for stdout); returns how many. ``suggestions``:
    their pending span suggestions instead of their accepted annotations."""
    chosen = writer(fmt)
    options = WriteOptions(schema=store.schema)
    records = export_records(store, include_all, with_suggestions=fmt == "labelstudio" or suggestions, layer=layer,
                             skipped=skipped)  # fmt: skip
    if suggestions:
        records = suggestion_records(records)
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
