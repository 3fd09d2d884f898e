"""Import files into the store: every record of a file is checked first, then the
file is written in batches of ``BATCH`` documents, one transaction each, so that
reviewers writing to the same database never wait long.

A bad record stops the file with an ``InputError`` naming file and line, and
nothing from that file is written (the check comes before any write); with
``skip_invalid`` the record is skipped and reported instead. Readers stream, so
memory stays flat on large files.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from hakam.core.model import Argument, Document, Event, Layer, Span
from hakam.core.schema import Schema, name_problem
from hakam.io.errors import InputError
from hakam.io.formats import ReadOptions, detect, reader
from hakam.io.records import ACCEPT, IGNORE, REJECT, ImportRecord
from hakam.io.validate import check_record, unknown_labels
from hakam.store import IGNORED, REJECTED, REVIEWED, Store

Progress = Callable[[str, int], None]  # (file, documents read so far)
BATCH = 500  # documents per transaction


@dataclass(slots=True)
class ImportSummary:
    formats: dict[str, str] = field(default_factory=dict)  # file -> format used
    documents: int = 0
    duplicates: int = 0
    layers: int = 0  # annotators' layers added (team mode)
    spans: int = 0
    events: int = 0
    suggestions: int = 0
    trimmed: int = 0
    mapped: int = 0
    skipped: list[str] = field(default_factory=list)
    added_labels: list[str] = field(default_factory=list)
    reader_notes: list[str] = field(default_factory=list)  # what the readers did beyond the files' structure
    renamed: list[str] = field(default_factory=list)  # "file:line: id X is taken; stored as Y"
    kept_in_meta: int = 0  # clashing spans with no place as items, kept in meta["unplaced_spans"]

    def as_dict(self) -> dict[str, object]:
        return {
            "formats": self.formats, "documents": self.documents, "duplicates": self.duplicates, "layers": self.layers,
            "spans": self.spans, "events": self.events, "suggestions": self.suggestions,
            "trimmed": self.trimmed, "mapped": self.mapped, "skipped": len(self.skipped),
            "added_labels": self.added_labels, "renamed": len(self.renamed), "kept_in_meta": self.kept_in_meta,
        }  # fmt: skip

    def notes(self) -> list[str]:
        """What the counts alone do not say: each skipped record, renamed id and span kept aside."""
        lines = (
            list(self.reader_notes)
            + [f"skipped {line}" for line in self.skipped]
            + [f"renamed {line}" for line in self.renamed]
        )
        if self.kept_in_meta:
            lines.append(f"{self.kept_in_meta} spans clashed with two other annotators' spans of the same label and "
                         'were kept in the documents\' meta ("unplaced_spans"), not as items')  # fmt: skip
        return lines


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
    record.layers = {who: Layer(tuple(span(s) for s in layer.spans), tuple(event(e) for e in layer.events))
                     for who, layer in record.layers.items()}  # fmt: skip
    return record


def _unplaced(record: ImportRecord) -> list[Span]:
    """Spans a reader kept in ``meta["unplaced_spans"]`` (a third clashing opinion),
    taken out of meta: as suggestions they may overlap, so they all find a place."""
    kept = record.doc.meta.get("unplaced_spans")
    if not isinstance(kept, list):
        return []
    spans, others = [], []
    for item in kept:
        if isinstance(item, list) and len(item) == 4 and isinstance(item[2], str) and \
                all(isinstance(x, int) and not isinstance(x, bool) for x in item[:2]) and 0 <= item[0] < item[1]:  # fmt: skip
            spans.append(Span(item[0], item[1], item[2], None, f"annotator:{item[3]}" if item[3] else None))
        else:
            others.append(item)
    if others:
        record.doc.meta["unplaced_spans"] = others
    else:
        del record.doc.meta["unplaced_spans"]
    return spans


def _free_id(store: Store, doc: Document) -> str | None:
    """``doc.id`` when no other document has it, else the first free ``ID-<hash>[-N]``."""
    if doc.id is None or not store.documents.has_ext_id(doc.id):
        return doc.id
    base = f"{doc.id}-{hashlib.sha256(doc.text.encode('utf-8')).hexdigest()[:8]}"
    candidate, number = base, 1
    while store.documents.has_ext_id(candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _write(store: Store, record: ImportRecord, reviewed: bool, summary: ImportSummary) -> None:
    human = (reviewed or record.answer == ACCEPT) and record.answer not in (IGNORE, REJECT)
    as_suggestions = not (reviewed or record.answer in ("accept", IGNORE, REJECT))
    extra = _unplaced(record) if as_suggestions else []
    wanted = record.doc.id
    free = _free_id(store, record.doc)
    document_id = store.documents.add(replace(record.doc, id=free) if free != wanted else record.doc)
    if document_id is None:
        added = _add_layers(store, record) if human else 0
        summary.layers += added
        summary.duplicates += not added
        return
    if free != wanted:
        summary.renamed.append(
            f"{record.path}:{record.line}: id {wanted!r} is taken by another text; stored as {free!r}"
        )
    summary.documents += 1
    summary.kept_in_meta += len(record.doc.meta.get("unplaced_spans") or [])
    if human and (len(record.layers) > 1 or store.team.enabled):
        layers = record.layers if len(record.layers) > 1 else \
            {record.annotator or store.annotator: Layer(tuple(record.doc.spans), tuple(record.doc.events))}  # fmt: skip
        for name, layer in layers.items():
            store.team.add_layer(document_id, name, layer, reviewed_at=record.timestamp)
            summary.layers += 1
        summary.spans += sum(len(layer.spans) for layer in layers.values())
        summary.events += sum(len(layer.events) for layer in layers.values())
    elif record.answer == IGNORE:
        store.items.add_reviewed(document_id, record.doc, record.annotator, status=IGNORED, reviewed_at=record.timestamp,
                           span_annotators=record.span_annotators)  # fmt: skip
    elif record.answer == REJECT:
        store.items.add_reviewed(document_id, record.doc, record.annotator, status=None, item_status=REJECTED,
                           reviewed_at=record.timestamp, span_annotators=record.span_annotators)  # fmt: skip
    elif not as_suggestions:
        store.items.add_reviewed(document_id, record.doc, record.annotator, status=REVIEWED, reviewed_at=record.timestamp,
                           span_annotators=record.span_annotators)  # fmt: skip
        summary.spans += len(record.doc.spans)
        summary.events += len(record.doc.events)
    if as_suggestions:  # one call: a second one would replace the first one's pending items
        spans = record.doc.spans + record.suggested_spans + extra
        summary.suggestions += store.suggestions.replace(
            document_id, spans, record.doc.events + record.suggested_events
        )
    elif record.suggested_spans or record.suggested_events:
        summary.suggestions += store.suggestions.replace(document_id, record.suggested_spans, record.suggested_events)
    summary.trimmed += record.trimmed
    summary.mapped += record.mapped


def _add_layers(store: Store, record: ImportRecord) -> int:
    """Reviewed work on a text already stored: each annotator who has no layer there yet
    gets theirs (team mode starts, if it had not, when it is someone other than who
    reviewed the document). Returns the layers added; 0 means a plain duplicate."""
    document_id = store.documents.id_of_text(record.doc.text)
    assert document_id is not None, "called for a text already stored"
    layers = record.layers if len(record.layers) > 1 else \
        {record.annotator or store.annotator: Layer(tuple(record.doc.spans), tuple(record.doc.events))}  # fmt: skip
    if not store.team.enabled:
        decided = store.items.decided_by(document_id)
        if decided and not decided - set(layers):
            return 0  # the same person's work again
        if not decided and len(layers) == 1:  # nobody reviewed the text yet: one-person use goes on
            store.items.add_reviewed(document_id, record.doc, next(iter(layers)), reviewed_at=record.timestamp)
            return 1
        store.team.enable()
    return sum(store.team.add_layer(document_id, name, layer, reviewed_at=record.timestamp)
               for name, layer in layers.items())  # fmt: skip


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
    summary.reader_notes += notes(path, options) if notes else []
    return summary


@dataclass(slots=True)
class _Unknown:
    """Labels, event types and roles missing from the schema: where first seen, in how many records."""

    first: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    records: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, record: ImportRecord, missing: Counter[tuple[str, str]]) -> None:
        for name in missing:
            self.first.setdefault(name, (record.path, record.line))
            self.records[name] += 1

    def error(self) -> InputError:
        (kind, name), _ = self.records.most_common(1)[0]
        path, line = self.first[kind, name]
        listed = []
        for (kind, name), count in self.records.most_common():
            where = "" if self.first[kind, name] == (path, line) else f"first at line {self.first[kind, name][1]}, "
            listed.append(f"{kind} {name} ({where}{count} record{'s' if count > 1 else ''})")
        return InputError(path, line, f"unknown {', '.join(listed)}; use --map FROM=TO or --add-labels")


def _check_new_names(record: ImportRecord, missing: Counter[tuple[str, str]], schema: Schema) -> None:
    """Names ``--add-labels`` would add must be valid in the schema file (else it could not be opened again)."""
    for kind, name in missing:
        problem = name_problem(name)
        if problem:
            raise InputError(record.path, record.line, f"{kind} {name!r} cannot be added: {problem}; "
                                                       "rename it with --map FROM=TO")  # fmt: skip
        if (kind == "label" and name in schema.events) or (kind == "event type" and name in schema.entities):
            raise InputError(record.path, record.line, f"{name!r} cannot be both an entity label and an event type; "
                                                       "rename one with --map FROM=TO")  # fmt: skip


def _checked(items: Iterable, label_map: Mapping[str, str], schema: Schema, skip_invalid: bool, add_labels: bool,
             unknown: _Unknown, skipped: list[str], bad: set[tuple[str, int | None]]) -> Iterator[ImportRecord]:  # fmt: skip
    """The valid records, mapped; bad ones raise (or are listed in ``skipped``, their
    place in ``bad``, and left out)."""
    for item in items:
        try:
            if isinstance(item, InputError):
                raise item
            record = _mapped(item, label_map)
            check_record(record)
            missing = unknown_labels(record, schema)
            if missing and add_labels:
                _check_new_names(record, missing, schema)
        except InputError as error:
            if not skip_invalid:
                raise
            skipped.append(str(error))
            bad.add((error.path, error.line))
            continue
        unknown.add(record, missing)
        yield record


def _rereading(
    items: Iterable, label_map: Mapping[str, str], bad: set[tuple[str, int | None]]
) -> Iterator[ImportRecord]:
    """The second reading: the records the check let through, mapped (not checked again)."""
    for item in items:
        if not isinstance(item, InputError) and (item.path, item.line) not in bad:
            yield _mapped(item, label_map)


def _read_into(store: Store, read: Callable[[], Iterable], path: Path, reviewed: bool, skip_invalid: bool,
               label_map: Mapping[str, str], add_labels: bool, progress: Progress | None,
               partial: ImportSummary) -> None:  # fmt: skip
    """Check every record (nothing written), then read the file again and write it
    ``BATCH`` documents a transaction."""
    unknown = _Unknown()
    bad: set[tuple[str, int | None]] = set()
    for _ in _checked(read(), label_map, store.schema, skip_invalid, add_labels, unknown, partial.skipped, bad):
        pass
    if unknown.records and not add_labels:
        raise unknown.error()
    _clash_between_new(unknown)
    records = _rereading(read(), label_map, bad)
    done, written = 0, BATCH
    while written == BATCH:
        written = 0
        with store.atomic():
            if unknown.records:
                _add_to_schema(store, unknown.records, partial)
                unknown = _Unknown()
            for record in records:
                _write(store, record, reviewed, partial)
                written += 1
                if written == BATCH:
                    break
        done += written
        if progress:
            progress(str(path), done)


def _clash_between_new(unknown: _Unknown) -> None:
    labels = {name for kind, name in unknown.records if kind == "label"}
    for kind, name in unknown.records:
        if kind == "event type" and name in labels:
            path, line = unknown.first[kind, name]
            raise InputError(path, line, f"{name!r} cannot be both an entity label and an event type; "
                                         "rename one with --map FROM=TO")  # fmt: skip


def _add_to_schema(store: Store, missing: Counter[tuple[str, str]], summary: ImportSummary) -> None:
    new = {kind: sorted({name for k, name in missing if k == kind}) for kind in ("label", "event type", "role")}
    store.update_schema(store.schema.extended(entities=new["label"], events=new["event type"], roles=new["role"]))
    summary.added_labels += [name for names in new.values() for name in names if name not in summary.added_labels]


def _merge(total: ImportSummary, part: ImportSummary) -> None:
    for name in (
        "documents",
        "duplicates",
        "layers",
        "spans",
        "events",
        "suggestions",
        "trimmed",
        "mapped",
        "kept_in_meta",
    ):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.skipped += part.skipped
    total.renamed += part.renamed
    total.added_labels += [label for label in part.added_labels if label not in total.added_labels]


def import_paths(store: Store, paths: Iterable[Path | str], **kwargs) -> ImportSummary:
    """Import each path (file or folder) in turn; see ``import_file`` for the options."""
    summary = ImportSummary()
    for path in paths:
        import_file(store, Path(path), summary=summary, **kwargs)
    return summary
