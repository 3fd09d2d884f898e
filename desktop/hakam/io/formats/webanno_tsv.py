"""WebAnno / INCEpTION TSV 3.x (one document per file), read only.

The header declares layers (``#T_SP`` span, ``#T_RL`` relation, ``#T_CH``
chain), one column per ``|`` item after the type name. Each ``#Text=``
sentence is followed by token rows ``sent-tok<TAB>begin-end<TAB>token<TAB>cells``;
sub-tokens (``1-2.1``) carry their own offsets. A cell is ``_`` (nothing), ``*``
(an annotation without value) or ``VALUE[n]`` items stacked with ``|``; ``[n]``
ties the rows of one multi-token annotation together, across sentences too.

Span layers become spans: the label is the first feature's value (the layer's
short name when it is ``*``), other features go to ``meta["tsv3"]["attributes"]``.
DKPro's linguistic layers (POS, lemma, dependency …), relations, chains and slot
features are kept cell by cell in ``meta["tsv3"]["layers"]``; zero-width
annotations, which Hakam cannot hold, in ``meta["tsv3"]["zero_width"]``.
Offsets are UTF-16 units of the document; the text is rebuilt from the
``#Text=`` lines at their offsets and every token is checked against it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hakam.core.model import Document, Span
from hakam.io.errors import InputError
from hakam.io.formats import ReadOptions
from hakam.io.formats.utf16 import Utf16
from hakam.io.records import ImportRecord

_ROW = re.compile(r"(\d+)-(\d+(?:\.\d+)?)\t(\d+)-(\d+)\t")
_ITEM = re.compile(r"^(.*?)(?:\[(\d+)\])?$", re.S)
_SPLIT_STACK = re.compile(r"(?<!\\)\|")
_ESCAPES = {"\\\\": "\\", "\\[": "[", "\\]": "]", "\\|": "|", "\\_": "_", "\\->": "->", "\\;": ";", "\\t": "\t",
            "\\n": "\n", "\\*": "*"}  # fmt: skip
_UNESCAPE = re.compile("|".join(re.escape(k) for k in _ESCAPES))
_LINGUISTIC = "de.tudarmstadt.ukp.dkpro.core.api."


def _unescape(value: str) -> str:
    return _UNESCAPE.sub(lambda m: _ESCAPES[m.group(0)], value)


@dataclass(slots=True)
class _Layer:
    kind: str  # SP, RL, CH
    type: str
    features: list[str]
    first_column: int = 0

    @property
    def entity(self) -> bool:
        return self.kind == "SP" and (not self.type.startswith(_LINGUISTIC) or ".ner." in self.type) and \
            not any(f.startswith("ROLE_") for f in self.features)  # fmt: skip

    @property
    def short(self) -> str:
        return self.type.rsplit(".", 1)[-1]


@dataclass(slots=True)
class _Annotation:
    start: int
    end: int
    values: list[str] = field(default_factory=list)


def _read(
    path: Path,
) -> tuple[list[_Layer], list[tuple[int, int, str]], list[tuple[int, str, list[str], int, int, str]]]:
    """Layers, sentences ``(line, begin, text)`` and rows ``(line, id, cells, begin, end, token)``."""
    layers: list[_Layer] = []
    sentences: list[tuple[int, int, str]] = []
    rows: list[tuple[int, str, list[str], int, int, str]] = []
    pending_text: list[str] = []
    pending_line = 0
    try:
        lines = path.read_bytes().decode("utf-8-sig").split("\n")
    except UnicodeDecodeError as error:
        raise InputError(path, None, f"not UTF-8 (byte {error.start})") from None
    if not lines or not lines[0].startswith("#FORMAT=WebAnno TSV 3"):
        raise InputError(path, 1, "not a WebAnno TSV 3 file (no #FORMAT=WebAnno TSV 3.x line)")
    column = 0
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        if line.startswith("#T_"):
            kind, _, spec = line[3:].partition("=")
            name, *features = spec.split("|")
            layers.append(_Layer(kind, name, features or [""], column))
            column += len(features or [""])
        elif line.startswith("#Text="):
            pending_text.append(line[6:])
            pending_line = pending_line or number
        elif _ROW.match(line):
            match = _ROW.match(line)
            cells = line[match.end() :].split("\t")  # type: ignore[union-attr]
            token, cells = cells[0], cells[1:]
            begin, end = int(match.group(3)), int(match.group(4))  # type: ignore[union-attr]
            if pending_text:
                sentences.append((pending_line, begin, "\n".join(pending_text)))
                pending_text, pending_line = [], 0
            rows.append((number, f"{match.group(1)}-{match.group(2)}", cells, begin, end, token))  # type: ignore[union-attr]
        elif line.strip() and not line.startswith("#"):
            raise InputError(path, number, f"cannot read {line[:60]!r}")
    return layers, sentences, rows


def _text(sentences: list[tuple[int, int, str]]) -> str:
    """The document: each sentence at its UTF-16 offset, gaps filled (a newline before a sentence)."""
    parts: list[str] = []
    units = 0
    for _, begin, sentence in sentences:
        if begin > units:
            parts.append(" " * (begin - units - 1) + ("\n" if parts else " "))
        parts.append(sentence)
        units = max(units, begin) + len(sentence.encode("utf-16-le")) // 2
    return "".join(parts)


def _record(path: Path) -> ImportRecord:
    layers, sentences, rows = _read(path)
    text = _text(sentences)
    if not text.strip():
        raise InputError(path, 1, "no #Text= sentence: the document is empty")
    units = Utf16(text)
    record = ImportRecord(Document(text, path.stem, {}), str(path), sentences[0][0] if sentences else 1)
    annotations: dict[tuple[int, str], _Annotation] = {}  # (layer, id) -> extent and values
    kept: dict[str, dict[str, str]] = {}
    zero_width: list[list[Any]] = []
    for number, token_id, cells, begin, end, token in rows:
        start, finish = units.to_code_point(begin), units.to_code_point(end)
        if start is None or finish is None or text[start:finish] != token:
            raise InputError(path, number, f"token {token_id} at {begin}-{end} is {token!r} but the text there is "
                                           f"{text[start or 0:finish or 0]!r}")  # fmt: skip
        for index, layer in enumerate(layers):
            own = cells[layer.first_column : layer.first_column + len(layer.features)]
            if not layer.entity:
                for feature, cell in zip(layer.features, own):
                    if cell != "_":
                        kept.setdefault(f"{layer.type}|{feature}", {})[token_id] = _unescape(cell)
                continue
            stacks = [[] if cell == "_" else _SPLIT_STACK.split(cell) for cell in own]
            for position in range(max((len(s) for s in stacks), default=0)):
                items = [_ITEM.match(s[position]) if position < len(s) else None for s in stacks]
                ident = next((m.group(2) for m in items if m and m.group(2)), None) or f"{token_id}#{position}"
                values = [_unescape(m.group(1)) if m else "" for m in items]
                if finish == start:
                    zero_width.append([start, layer.short] + values)
                    continue
                found = annotations.setdefault((index, ident), _Annotation(start, finish, values))
                found.start, found.end = min(found.start, start), max(found.end, finish)
    attributes = []
    for (index, _), found in annotations.items():
        layer = layers[index]
        label = found.values[0] if found.values and found.values[0] not in ("", "*") else layer.short
        span = Span(found.start, found.end, label)
        if span not in record.doc.spans:
            record.doc.spans.append(span)
        attributes += [[span.start, span.end, label, f, v] for f, v in zip(layer.features[1:], found.values[1:])
                       if v not in ("", "*")]  # fmt: skip
    meta: dict[str, Any] = {"format": "tsv3"}
    for name, value in (("attributes", attributes), ("layers", kept), ("zero_width", zero_width)):
        if value:
            meta[name] = value
    record.doc.meta["tsv3"] = meta
    return record


class WebAnnoTsvReader:
    name = "tsv3"

    def sniff(self, path: Path, head: str) -> bool:
        return not path.is_dir() and head.lstrip("\ufeff").startswith("#FORMAT=WebAnno TSV 3")

    def read(self, path: Path, options: ReadOptions) -> Iterator[ImportRecord | InputError]:
        files = sorted(path.glob("*.tsv")) if path.is_dir() else [path]
        for file in files:
            try:
                yield _record(file)
            except InputError as error:
                yield error
            except OSError as error:
                yield InputError(file, None, f"cannot read: {error.strerror or error}")


READER = WebAnnoTsvReader()
