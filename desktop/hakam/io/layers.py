"""Annotators' layers read straight from exported files, for agreement without a database.

Each reviewed record is one annotator's layer on its text: the annotator is the one the
file names (``_annotator_id``, Label Studio's ``completed_by``, doccano's user), else the
file's name. Documents are matched by their exact text. Rejected and ignored records are
not reviewed, so they hold no layer; a second record of the same annotator on the same text
replaces the first (the later answer stands)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hakam.core.model import Layer, LayeredDocument
from hakam.io.errors import InputError
from hakam.io.formats import ReadOptions, detect, reader
from hakam.io.records import IGNORE, REJECT
from hakam.io.validate import check_record


@dataclass(slots=True)
class LayersRead:
    documents: list[LayeredDocument] = field(default_factory=list)
    records: int = 0
    not_reviewed: int = 0  # rejected or ignored records
    replaced: int = 0  # records that replaced the same annotator's earlier one


def read_layers(paths: Iterable[Path], fmt: str = "auto", options: ReadOptions = ReadOptions()) -> LayersRead:
    found: dict[str, dict[str, Layer]] = {}
    ids: dict[str, str | None] = {}
    summary = LayersRead()
    for path in paths:
        if not path.exists():
            raise InputError(path, None, "no such file or folder")
        chosen = detect(path) if fmt == "auto" else reader(fmt)
        for item in chosen.read(path, options):
            if isinstance(item, InputError):
                raise item
            check_record(item)
            summary.records += 1
            if item.answer in (REJECT, IGNORE):
                summary.not_reviewed += 1
                continue
            layers = item.layers or {item.annotator or path.stem: Layer(tuple(item.doc.spans), tuple(item.doc.events))}
            entry = found.setdefault(item.doc.text, {})
            ids.setdefault(item.doc.text, item.doc.id)
            for name, layer in layers.items():
                summary.replaced += name in entry
                entry[name] = layer
    summary.documents = [LayeredDocument(text, layers, ids[text]) for text, layers in found.items()]
    return summary
