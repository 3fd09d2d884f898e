"""Import files into the store: every record of a file is checked first, then the
file is written in batches of ``BATCH`` documents, one transaction each, so that
reviewers writing to the same database never wait long.

A bad record stops the file with an ``InputError`` naming file and line, and
nothing from that file is written (the check comes before any write); with
``skip_invalid`` the record is skipped and reported instead. Readers stream, so
memory stays flat on large files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from hakam.core.model import Argument, Event, Span
from hakam.io.errors import InputError
from hakam.io.formats import ReadOptions, detect, reader
from hakam.io.records import IGNORE, REJECT, ImportRecord
from hakam.io.validate import check_record, unknown_labels
from hakam.store import IGNORED, REJECTED, REVIEWED, Store

Progress = Callable[[str, int], None]  # (file, documents read so far)
BATCH = 500  # documents per transaction


@dataclass(slots=True)
class ImportSummary:
    formats: dict[str, str] = field(default_factory=dict)  # file -> format used
    documents: int = 0
    duplicates: int = 0
    spans: int = 0
    events: int = 0
    suggestions: int = 0
    trimmed: int = 0
    mapped: int = 0
    skipped: list[str] = field(default_factory=list)
    added_labels: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the readers did beyond the files' structure

    def as_dict(self) -> dict[str, object]:
        return {
            "formats": self.formats, "documents": self.documents, "duplicates": self.duplicates,
            "spans": self.spans, "events": self.events, "suggestions": self.suggestions,
            "trimmed": self.trimmed, "mapped": self.mapped, "skipped": len(self.skipped),
            "added_labels": self.added_labels, "notes": self.notes,
        }  # fmt: skip


def _mapped(record: ImportRecord, label_map: Mapping[str, str]) -> ImportRecord:
    """Rename labels, event types and roles by ``label_map``."""
    if not label_map:
        return record

    def span(s: Span) -> Span:
        return replace(s, label=label_map.get(s.label, s.label))

    def event(e: Event) -> Event:
        args = tuple(Argument(label_map.get(a.role, a.role), a.span) for a in e.arguments)
        return replace(e, type=label_map.get(e.type, e.type), trigger=span(e.trigger), arguments=args)

    before = [s.label for s in record.doc.spans + record.suggested_spans]
    record.mapped += sum(1 for label in before if label in label_map)
    record.doc.spans = [span(s) for s in record.doc.spans]
    record.suggested_spans = [span(s) for s in record.suggested_spans]
    record.doc.events = [event(e) for e in record.doc.events]
    record.suggested_events = [event(e) for e in record.suggested_events]
    record.claimed_texts = {(s, e, label_map.get(lbl, lbl)): t for (s, e, lbl), t in record.claimed_texts.items()}
    record.span_annotators = {(s, e, label_map.get(lbl, lbl)): a for (s, e, lbl), a in record.span_annotators.items()}
    return record


def _write(store: Store, record: ImportRecord, reviewed: bool, summary: ImportSummary) -> None:
    document_id = store.documents.add(record.doc)
    if document_id is None:
        summary.duplicates += 1
        return
    summary.documents += 1
    if record.answer == IGNORE:
        store.items.add_reviewed(document_id, record.doc, record.annotator, status=IGNORED, reviewed_at=record.timestamp,
                           span_annotators=record.span_annotators)  # fmt: skip
    elif record.answer == REJECT:
        store.items.add_reviewed(document_id, record.doc, record.annotator, status=None, item_status=REJECTED,
                           reviewed_at=record.timestamp, span_annotators=record.span_annotators)  # fmt: skip
    elif reviewed or record.answer == "accept":
        store.items.add_reviewed(document_id, record.doc, record.annotator, status=REVIEWED, reviewed_at=record.timestamp,
                           span_annotators=record.span_annotators)  # fmt: skip
        summary.spans += len(record.doc.spans)
        summary.events += len(record.doc.events)
    else:
        summary.suggestions += store.suggestions.replace(document_id, record.doc.spans, record.doc.events)
    if record.suggested_spans or record.suggested_events:
        summary.suggestions += store.suggestions.replace(document_id, record.suggested_spans, record.suggested_events)
    summary.trimmed += record.trimmed
    summary.mapped += record.mapped


def import_file(
    store: Store,
    path: Path,
    fmt: str = "auto",
    reviewed: bool = False,
    skip_invalid: bool = False,
    options: ReadOptions = ReadOptions(),
    label_map: Mapping[str, str] | None = None,
    add_labels: bool = False,
    progress: Progress | None = None,
    summary: ImportSummary | None = None,
) -> ImportSummary:
    summary = summary or ImportSummary()
    if not path.exists():
        raise InputError(path, None, "no such file or folder")
    chosen = detect(path) if fmt == "auto" else reader(fmt)
    summary.formats[str(path)] = chosen.name
    partial = ImportSummary()
    try:
        _read_into(store, lambda: chosen.read(path, options), path, reviewed, skip_invalid, label_map or {},
                   add_labels, progress, partial)  # fmt: skip
    except BaseException:
        store.reload_schema()  # a rolled-back batch may have added labels
        raise
    _merge(summary, partial)
    notes = getattr(chosen, "notes", None)
    summary.notes += notes(path, options) if notes else []
    return summary


def _checked(items: Iterable, label_map: Mapping[str, str], schema, skip_invalid: bool,
             unknown: Counter[tuple[str, str]], skipped: list[str] | None) -> Iterator[ImportRecord]:  # fmt: skip
    """The valid records, mapped; bad ones raise (or are listed in ``skipped`` and left out)."""
    for item in items:
        try:
            if isinstance(item, InputError):
                raise item
            record = _mapped(item, label_map)
            check_record(record)
        except InputError as error:
            if not skip_invalid:
                raise
            if skipped is not None:
                skipped.append(str(error))
            continue
        unknown.update(unknown_labels(record, schema))
        yield record


def _read_into(store: Store, read: Callable[[], Iterable], path: Path, reviewed: bool, skip_invalid: bool,
               label_map: Mapping[str, str], add_labels: bool, progress: Progress | None,
               partial: ImportSummary) -> None:  # fmt: skip
    """Check every record (nothing written), then read the file again and write it
    ``BATCH`` documents a transaction."""
    unknown: Counter[tuple[str, str]] = Counter()
    for _ in _checked(read(), label_map, store.schema, skip_invalid, unknown, partial.skipped):
        pass
    if unknown and not add_labels:
        listed = ", ".join(f"{kind} {name} ({count})" for (kind, name), count in unknown.most_common())
        raise InputError(path, None, f"unknown {listed}; use --map FROM=TO or --add-labels")
    records = _checked(read(), label_map, store.schema, True, Counter(), None)  # the bad ones are listed already
    done, written = 0, BATCH
    while written == BATCH:
        written = 0
        with store.atomic():
            if unknown:
                _add_to_schema(store, unknown, partial)
                unknown = Counter()
            for record in records:
                _write(store, record, reviewed, partial)
                written += 1
                if written == BATCH:
                    break
        done += written
        if progress:
            progress(str(path), done)


def _add_to_schema(store: Store, missing: Counter[tuple[str, str]], summary: ImportSummary) -> None:
    new = {kind: sorted({name for k, name in missing if k == kind}) for kind in ("label", "event type", "role")}
    store.update_schema(store.schema.extended(entities=new["label"], events=new["event type"], roles=new["role"]))
    summary.added_labels += [name for names in new.values() for name in names if name not in summary.added_labels]


def _merge(total: ImportSummary, part: ImportSummary) -> None:
    for name in ("documents", "duplicates", "spans", "events", "suggestions", "trimmed", "mapped"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.skipped += part.skipped
    total.added_labels += [label for label in part.added_labels if label not in total.added_labels]


def import_paths(store: Store, paths: Iterable[Path | str], **kwargs) -> ImportSummary:
    """Import each path (file or folder) in turn; see ``import_file`` for the options."""
    summary = ImportSummary()
    for path in paths:
        import_file(store, Path(path), summary=summary, **kwargs)
    return summary
