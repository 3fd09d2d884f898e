"""Readers and writers of annotation formats, one small module each, in one registry.

A reader turns a file (or folder) into ``ImportRecord``s, streaming; a writer
turns ``ExportRecord``s into a file (or folder). Neither touches the store:
``hakam.io.importer`` and ``hakam.io.exporter`` do that.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol, TextIO

from hakam.core.schema import Schema
from hakam.io.errors import InputError
from hakam.io.records import ExportRecord, ImportRecord


@dataclass(frozen=True, slots=True)
class ReadOptions:
    text_key: str = "text"  # Label Studio: which data field holds the text
    labels_file: Path | None = None  # doccano ≤1.0: label id -> name
    sentences_per_doc: int | None = None  # CoNLL: None = per -DOCSTART-, or SENTENCES_PER_DOC without any
    keep_clitics: bool = False  # CoNLL: keep proclitics inside token-level spans


@dataclass(frozen=True, slots=True)
class WriteOptions:
    schema: Schema | None = None
    extra: dict[str, str] = field(default_factory=dict)


class Reader(Protocol):
    name: str

    def sniff(self, path: Path, head: str) -> bool:
        """Whether ``path`` (with ``head``, its first few KB as text) is in this format."""

    def read(self, path: Path, options: ReadOptions) -> Iterator[ImportRecord | InputError]:
        """Records, streaming. A bad record comes as an ``InputError`` in the stream
        (so ``--skip-invalid`` can go on); a file that cannot be read at all raises."""


class Writer(Protocol):
    name: str
    folder: bool  # writes a folder (brat) rather than one file

    def write(self, records: Iterable[ExportRecord], out, options: WriteOptions) -> int:
        """Write ``records`` to ``out`` (a text stream, or a folder Path when ``folder``)."""


class JsonLinesWriter:
    """A writer of one JSON object a line, made from the function that builds it."""

    folder = False

    def __init__(self, name: str, to_json: Callable[[ExportRecord], dict[str, Any]]):
        self.name, self._to_json = name, to_json

    def write(self, records: Iterable[ExportRecord], out: TextIO, options: WriteOptions) -> int:
        from hakam.io.jsonl import dumps_line

        count = 0
        for record in records:
            out.write(dumps_line(self._to_json(record)))
            count += 1
        return count


# Format name -> module; modules are imported on first use. Auto-detection asks
# them in this order, so the specific formats come before the generic ones.
_MODULES = {
    "brat": "hakam.io.formats.brat",
    "tsv3": "hakam.io.formats.webanno_tsv",
    "conll": "hakam.io.formats.conll",
    "labelstudio": "hakam.io.formats.labelstudio",
    "prodigy": "hakam.io.formats.prodigy",
    "doccano": "hakam.io.formats.doccano",
    "hakam": "hakam.io.formats.hakam_jsonl",
    "text": "hakam.io.formats.text",
}


def _module(name: str) -> ModuleType:
    return importlib.import_module(_MODULES[name])


def reader_names() -> list[str]:
    return [n for n in _MODULES if hasattr(_module(n), "READER")]


def writer_names() -> list[str]:
    return [n for n in _MODULES if hasattr(_module(n), "WRITER")]


def reader(name: str) -> Reader:
    module = _module(name) if name in _MODULES else None
    if module is None or not hasattr(module, "READER"):
        raise InputError(name, None, f"unknown input format; known: {', '.join(reader_names())}")
    return module.READER


def writer(name: str) -> Writer:
    module = _module(name) if name in _MODULES else None
    if module is None or not hasattr(module, "WRITER"):
        raise InputError(name, None, f"unknown output format; known: {', '.join(writer_names())}")
    return module.WRITER


def head_of(path: Path, size: int = 8192, line_limit: int = 1 << 20) -> str:
    """The start of a file as text: ``size`` bytes, extended to the end of the first line
    (up to ``line_limit``) so a long first JSONL record can be parsed whole."""
    if path.is_dir():
        return ""
    with open(path, "rb") as handle:
        head = handle.read(size)
        if b"\n" not in head:
            head += handle.readline(line_limit)
    return head.decode("utf-8", errors="replace")


def detect(path: Path) -> Reader:
    """The reader for ``path`` by its extension and first record."""
    head = head_of(path)
    for name in reader_names():
        candidate = reader(name)
        if candidate.sniff(path, head):
            return candidate
    raise InputError(path, None, "cannot tell the format; pass --format")
