"""CoNLL-style BIO files: one token a line with one or more tag columns.

Read: 2-column (``token TAG``), 4-column CoNLL-2003 (``token POS chunk NER``:
only the last column is NER), an index column first (GermEval), and several
tag columns for nested entities (Wojood, GermEval: one layer per column, so
nested entities become overlapping spans). IOB1, IOB2 and IOBES are decoded by
the conlleval rule: an ``I-`` that does not continue an entity of its label
opens one. ``-DOCSTART-`` starts a document, a blank line ends a sentence,
``#`` comment lines are kept in ``meta``. A file without ``-DOCSTART-``
(ANERcorp's splits) is cut into documents of ``SENTENCES_PER_DOC`` sentences
unless ``sentences_per_doc`` says otherwise, and ``notes`` says so. The text is rebuilt from the tokens
(one space between tokens, one newline between sentences) and flagged
``detokenised``. Spans over whole Arabic tokens lose their proclitics
(``hakam.io.formats.clitics``) unless ``keep_clitics``.

Write: IOB2 on Hakam's clitic-split tokens (cut at every span boundary), one
tag column per layer of overlapping spans, a ``-DOCSTART-`` line per document,
a blank line after each sentence (a line break of the text, or a sentence end
of ``hakam.core.arabic`` outside a span). Events have no place in CoNLL and are not written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from hakam.core.arabic import SENTENCE_END, normalize_word
from hakam.core.model import Document, Span
from hakam.core.tokenize import Token, tokenize
from hakam.io.errors import InputError
from hakam.io.formats import ReadOptions, WriteOptions
from hakam.io.formats.clitics import trim_span
from hakam.io.records import ExportRecord, ImportRecord

_TAG = re.compile(r"O|[BIESLU][-_]\S+")
_EXTENSIONS = (".conll", ".conll03", ".conllu", ".bio", ".iob", ".iob2", ".ner")
_SAMPLE = 500
SENTENCES_PER_DOC = 20


def _is_tag(field_: str) -> bool:
    return _TAG.fullmatch(field_) is not None


def _fields(line: str) -> list[str]:
    return line.split("\t") if "\t" in line else line.split()


def _is_docstart(fields: list[str]) -> bool:
    return bool(fields) and fields[0] == "-DOCSTART-"


def _is_comment(fields: list[str]) -> bool:
    return bool(fields) and fields[0].startswith("#") and not (len(fields) > 1 and all(map(_is_tag, fields[1:])))


@dataclass(frozen=True, slots=True)
class _Layout:
    index: bool  # a running token number before the token (GermEval)
    multi: bool  # every field after the token is a tag column (nested layers)


def _layout(lines: Iterable[str]) -> _Layout:
    rows = []
    for line in lines:
        fields = [f for f in _fields(line.rstrip("\n")) if f != ""]
        if fields and not _is_docstart(fields) and not _is_comment(fields):
            rows.append(fields)
        if len(rows) >= _SAMPLE:
            break
    index = bool(rows) and all(len(r) >= 3 and r[0].isdigit() and not _is_tag(r[1]) for r in rows)
    skip = 2 if index else 1
    multi = all(all(map(_is_tag, r[skip:])) for r in rows)
    return _Layout(index, multi)


def _split_row(fields: list[str], layout: _Layout) -> tuple[str, list[str]] | None:
    """``(token, tags)`` of a token line; ``None`` when it has no tag."""
    if layout.index:
        fields = fields[1:]
    if len(fields) < 2 or not _is_tag(fields[-1]):
        return None
    if not layout.multi:
        return fields[0], [fields[-1]]
    first_tag = len(fields)
    while first_tag > 1 and _is_tag(fields[first_tag - 1]):
        first_tag -= 1
    return " ".join(fields[:first_tag]), fields[first_tag:]


def decode(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entities ``(first token, end token exclusive, label)`` of one tag column."""
    chunks: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        prefix, name = (tag[0], tag[2:]) if tag != "O" else ("O", "")
        if start >= 0 and (prefix in "OBSU" or name != label):
            chunks.append((start, i, label))
            start = -1
        if prefix != "O" and start < 0:
            start, label = i, name
        if prefix in "ESLU" and start >= 0:
            chunks.append((start, i + 1, label))
            start = -1
    if start >= 0:
        chunks.append((start, len(tags), label))
    return chunks


@dataclass(slots=True)
class _Doc:
    line: int = 0
    sentences: list[list[tuple[str, list[str]]]] = field(default_factory=list)
    current: list[tuple[str, list[str]]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    error: InputError | None = None

    def end_sentence(self) -> None:
        if self.current:
            self.sentences.append(self.current)
            self.current = []


def _build(doc: _Doc, path: Path, number: int, known: Counter[str] | None) -> ImportRecord:
    parts: list[str] = []
    spans: list[Span] = []
    offset = 0
    for s_index, sentence in enumerate(doc.sentences):
        starts: list[int] = []
        for t_index, (token, _) in enumerate(sentence):
            if t_index:
                parts.append(" ")
                offset += 1
            starts.append(offset)
            parts.append(token)
            offset += len(token)
        ends = [start + len(token) for start, (token, _) in zip(starts, sentence)]
        layers = max(len(tags) for _, tags in sentence)
        for layer in range(layers):
            column = [tags[layer] if layer < len(tags) else "O" for _, tags in sentence]
            spans += [Span(starts[a], ends[b - 1], label) for a, b, label in decode(column)]
        if s_index < len(doc.sentences) - 1:
            parts.append("\n")
            offset += 1
    text = "".join(parts)
    meta: dict[str, object] = {"format": "conll", "detokenised": True}
    if doc.comments:
        meta["comments"] = doc.comments
    record = ImportRecord(Document(text, f"{path.stem}-{number}", meta), str(path), doc.line)
    if known is not None:
        trimmed = [trim_span(span, text, known) for span in spans]
        record.trimmed = sum(1 for a, b in zip(spans, trimmed) if a is not b)
        spans = trimmed
    record.doc.spans = list(dict.fromkeys(spans))  # the same entity in two columns once
    return record


def _entity_words(path: Path, layout: _Layout) -> Counter[str]:
    """How often each normalised token carries an entity tag in the file."""
    words: Counter[str] = Counter()
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            fields = _fields(line.rstrip("\n"))
            row = _split_row(fields, layout) if fields and not _is_comment(fields) else None
            if row and any(tag != "O" for tag in row[1]):
                words[normalize_word(row[0])] += 1
    return words


def _has_docstart(path: Path) -> bool:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return any(line.startswith("-DOCSTART-") for line in handle)


def sentences_per_doc(path: Path, options: ReadOptions) -> int:
    """Sentences per document (0: one document per ``-DOCSTART-``)."""
    if options.sentences_per_doc is not None:
        return options.sentences_per_doc
    return 0 if _has_docstart(path) else SENTENCES_PER_DOC


class ConllReader:
    name = "conll"

    def notes(self, path: Path, options: ReadOptions) -> list[str]:
        """What the import did beyond the file's own structure."""
        if options.sentences_per_doc is None and not _has_docstart(path):
            return [f"{path.name}: no -DOCSTART- line, split into documents of {SENTENCES_PER_DOC} sentences "
                    "(--sentences-per-doc N to change)"]  # fmt: skip
        return []

    def sniff(self, path: Path, head: str) -> bool:
        if path.is_dir():
            return False
        if path.suffix.lower() in _EXTENSIONS:
            return True
        if path.suffix.lower() not in (".txt", ".tsv", ""):
            return False
        lines = [line for line in head.splitlines()[:-1] if line.strip()][:50]
        rows = [_fields(line) for line in lines]
        tagged = sum(1 for r in rows if _is_docstart(r) or (len(r) >= 2 and _is_tag(r[-1]) and len(r) <= 6))
        return len(rows) >= 3 and tagged >= 0.9 * len(rows)

    def read(self, path: Path, options: ReadOptions) -> Iterator[ImportRecord | InputError]:
        with open(path, encoding="utf-8", errors="replace") as handle:
            layout = _layout(handle)
        known = None if options.keep_clitics else _entity_words(path, layout)
        per_doc = sentences_per_doc(path, options)
        number = 0
        doc = _Doc()

        def flush() -> Iterator[ImportRecord | InputError]:
            nonlocal doc, number
            doc.end_sentence()
            if doc.error:
                yield doc.error
            elif doc.sentences:
                number += 1
                yield _build(doc, path, number, known)
            doc = _Doc()

        with open(path, "rb") as binary:
            for line_no, raw in enumerate(binary, 1):
                try:
                    line = raw.decode("utf-8-sig" if line_no == 1 else "utf-8").rstrip("\r\n")
                except UnicodeDecodeError as error:
                    doc.error = doc.error or InputError(path, line_no, f"not UTF-8 (byte {error.start} of the line)")
                    continue
                fields = [f for f in _fields(line) if f != ""]
                if not fields:
                    doc.end_sentence()
                    if per_doc and len(doc.sentences) >= per_doc:
                        yield from flush()
                    continue
                if _is_docstart(fields):
                    yield from flush()
                    continue
                if _is_comment(fields):
                    doc.comments.append(line)
                    continue
                row = _split_row(fields, layout)
                if row is None:
                    problem = "a tag with no token" if len(fields) == 1 and _is_tag(fields[0]) else \
                        f"no BIO tag at the end of {line.strip()!r}"  # fmt: skip
                    doc.error = doc.error or InputError(path, line_no, problem)
                    continue
                doc.line = doc.line or line_no
                doc.current.append(row)
        yield from flush()


def _layers(spans: list[Span]) -> list[list[Span]]:
    """Spans in as few columns as possible, with no overlap inside a column."""
    layers: list[list[Span]] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.label)):
        for layer in layers:
            if not layer[-1].overlaps(span) and layer[-1].end <= span.start:
                layer.append(span)
                break
        else:
            layers.append([span])
    return layers


def conll_lines(doc: Document) -> Iterator[str]:
    """The document's token lines (blank lines between sentences), no DOCSTART."""
    layers = _layers(doc.spans)
    bounds = {s.start for s in doc.spans} | {s.end for s in doc.spans}
    tokens = tokenize(doc.text, splits=bounds)
    columns = [_tags(tokens, layer) for layer in layers] or [["O"] * len(tokens)]
    inside = [any(s.start < t.start < s.end for s in doc.spans) for t in tokens]
    for i, token in enumerate(tokens):
        yield " ".join([token.text_in(doc.text)] + [column[i] for column in columns])
        if i + 1 == len(tokens):
            yield ""
        elif not inside[i + 1] and ("\n" in doc.text[token.end : tokens[i + 1].start]
                                    or token.text_in(doc.text) in SENTENCE_END):  # fmt: skip
            yield ""


def _tags(tokens: list[Token], layer: list[Span]) -> list[str]:
    tags = ["O"] * len(tokens)
    starts = {s.start: s for s in layer}
    open_span: Span | None = None
    for i, token in enumerate(tokens):
        if token.start in starts:
            open_span = starts[token.start]
            tags[i] = f"B-{open_span.label}"
        elif open_span and token.end <= open_span.end:
            tags[i] = f"I-{open_span.label}"
        else:
            open_span = None
    return tags


class ConllWriter:
    name = "conll"
    folder = False

    def write(self, records: Iterable[ExportRecord], out: TextIO, options: WriteOptions) -> int:
        count = 0
        for record in records:
            columns = max(1, len(_layers(record.doc.spans)))
            out.write(" ".join(["-DOCSTART-"] + ["O"] * columns) + "\n\n")
            for line in conll_lines(record.doc):
                out.write(line + "\n")
            count += 1
        return count


READER = ConllReader()
WRITER = ConllWriter()
