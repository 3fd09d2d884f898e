"""brat standoff: a folder of ``NAME.txt`` + ``NAME.ann`` pairs (a single ``.ann`` works too).

Read, by line kind:

- ``T`` (``Type s e[;s e…]``, code points, CRLF counted as one character as
  brat does): a span, or an event trigger when an ``E`` line (or
  ``annotation.conf``'s ``[events]``) says so. A discontinuous span becomes one
  span per fragment, and ``meta["brat"]["fragments"]`` ties them together;
  the text after the second tab is checked (fragments joined by one space).
- ``E`` (``Type:Tn Role:Tm Role:En…``): an event with typed roles. An event as
  argument is the argument span of its trigger, listed in
  ``meta["brat"]["event_arguments"]``; several events on one trigger stay
  several events. Numbered repeats (``Org-Arg2``) lose the number when
  ``annotation.conf`` declares the bare role.
- ``A``/``M`` attributes: on an event into its attributes, on a span into meta;
  ``#`` notes, ``R`` relations and ``*`` equivalences into meta (pointing at
  offsets, since brat ids do not survive a store); other lines kept verbatim.

A line that cannot be read is an ``InputError`` naming the ``.ann`` file and
line. Writing lives in ``hakam.io.formats.brat_out``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hakam.core.model import Argument, Document, Event, Span
from hakam.io.errors import InputError
from hakam.io.formats import ReadOptions
from hakam.io.formats.brat_out import WRITER
from hakam.io.records import ImportRecord

_OFFSETS = re.compile(r"\d+ \d+(?:;\d+ \d+)*")
_ID = re.compile(r"[TERAMN#*]\d*")


def read_conf(folder: Path, root: Path) -> dict[str, list[str]]:
    """Sections of the nearest ``annotation.conf`` up to ``root`` (lines, comments dropped)."""
    for place in (folder, *(p for p in folder.parents if p.is_relative_to(root))):
        conf = place / "annotation.conf"
        if conf.is_file():
            sections: dict[str, list[str]] = {}
            current = ""
            for line in conf.read_text(encoding="utf-8", errors="replace").splitlines():
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                if line.startswith("[") and line.endswith("]"):
                    current = line[1:-1].strip()
                    continue
                sections.setdefault(current, []).append(line)
            return sections
    return {}


def _conf_names(lines: list[str]) -> set[str]:
    return {line.split()[0].lstrip("!") for line in lines if line and not line.startswith("<")}


def _conf_roles(lines: list[str]) -> set[str]:
    roles: set[str] = set()
    for line in lines:
        for part in line.split(None, 1)[1:]:
            roles |= {arg.split(":", 1)[0].rstrip("?*+").strip() for arg in part.split(",") if ":" in arg}
    return roles


class _Doc:
    """The lines of one ``.ann`` file, parsed."""

    def __init__(self, ann: Path, text: str, roles: set[str]):
        self.ann, self.text, self.roles = ann, text, roles
        self.spans: dict[str, tuple[str, list[tuple[int, int]], int]] = {}  # T id -> type, fragments, line
        self.events: dict[str, tuple[str, str, list[tuple[str, str]], int]] = {}  # E id -> type, trigger, args, line
        self.attributes: list[tuple[str, str, Any, int]] = []  # name, target id, value, line
        self.notes: list[tuple[str, str, str, int]] = []  # type, target id, text, line
        self.relations: dict[str, tuple[str, list[tuple[str, str]], int]] = {}
        self.equivs: list[tuple[str, list[str]]] = []
        self.other: list[str] = []

    def fail(self, line: int, message: str) -> InputError:
        return InputError(self.ann, line, message)

    def parse(self, number: int, line: str) -> None:
        ident, _, rest = line.partition("\t")
        kind = ident[:1]
        if not _ID.fullmatch(ident) or (not rest and kind != "*"):
            if ident.startswith(("T", "E", "R", "A", "M", "#", "*")):
                raise self.fail(number, f"cannot read {line!r}")
            self.other.append(line)
            return
        if kind == "T":
            head, _, claimed = rest.partition("\t")
            label, _, offsets = head.partition(" ")
            if not label or not _OFFSETS.fullmatch(offsets):
                raise self.fail(number, f"{ident}: expected 'Type START END[;START END]', not {head!r}")
            fragments = [tuple(map(int, part.split())) for part in offsets.split(";")]
            for start, end in fragments:
                if not 0 <= start < end <= len(self.text):
                    raise self.fail(number, f"{ident}: offsets {start} {end} are outside the text ({len(self.text)})")
            found = " ".join(self.text[s:e] for s, e in fragments)
            if claimed and claimed != found:
                raise self.fail(number, f"{ident} says {claimed!r} but the text there is {found!r}")
            self.spans[ident] = (label, fragments, number)  # type: ignore[assignment]
        elif kind == "E":
            parts = rest.split()
            if not parts or ":" not in parts[0]:
                raise self.fail(number, f"{ident}: expected 'Type:Trigger Role:Id…', not {rest!r}")
            etype, _, trigger = parts[0].partition(":")
            args = []
            for part in parts[1:]:
                role, _, target = part.partition(":")
                if not role or not target:
                    raise self.fail(number, f"{ident}: bad argument {part!r}")
                bare = role.rstrip("0123456789")
                args.append((bare if bare != role and bare in self.roles else role, target))
            self.events[ident] = (etype, trigger, args, number)
        elif kind in "AM":
            parts = rest.split()
            if len(parts) not in (2, 3) or not _ID.fullmatch(parts[1]):
                raise self.fail(number, f"{ident}: expected 'Name Target [Value]', not {rest!r}")
            self.attributes.append((parts[0], parts[1], parts[2] if len(parts) == 3 else True, number))
        elif kind == "#":
            head, _, note = rest.partition("\t")
            parts = head.split()
            if len(parts) != 2:
                raise self.fail(number, f"{ident}: expected 'Type Target<TAB>text', not {rest!r}")
            self.notes.append((parts[0], parts[1], note, number))
        elif kind == "R":
            parts = rest.strip().split()
            pairs: list[Any] = [tuple(p.split(":", 1)) for p in parts[1:]]
            if not parts or any(len(a) != 2 for a in pairs):
                raise self.fail(number, f"{ident}: expected 'Type Arg1:Id Arg2:Id', not {rest!r}")
            self.relations[ident] = (parts[0], pairs, number)
        elif kind == "*":
            parts = rest.split()
            if len(parts) < 2:
                raise self.fail(number, f"{ident}: expected 'Type Id Id…', not {rest!r}")
            self.equivs.append((parts[0], parts[1:]))
        else:  # N (normalisation) and anything newer
            self.other.append(line)


def _build(doc: _Doc, name: str, event_types: set[str]) -> ImportRecord:
    record = ImportRecord(Document(doc.text, name, {}), str(doc.ann), 1)
    triggers = {trigger for _, trigger, _, _ in doc.events.values()}
    triggers |= {t for t, (label, _, _) in doc.spans.items() if label in event_types}
    span_of: dict[str, Span] = {}
    meta: dict[str, Any] = {}
    for ident, (label, fragments, _) in doc.spans.items():
        spans = [Span(s, e, label) for s, e in fragments]
        span_of[ident] = spans[0]
        if ident not in triggers:
            record.doc.spans += [s for s in spans if s not in record.doc.spans]
        if len(fragments) > 1:
            meta.setdefault("fragments", []).append([[s, e] for s, e in fragments] + [label])

    def target(ident: str, line: int) -> Span:
        if ident in span_of:
            return span_of[ident]
        if ident in doc.events:
            return target(doc.events[ident][1], line)
        raise doc.fail(line, f"{ident} is not a T or E annotation of this file")

    def ref(ident: str, line: int) -> list[Any]:
        if ident in doc.relations:
            rtype, args, _ = doc.relations[ident]
            return ["relation", rtype] + [list(target(i, line).key) for _, i in args]
        span = target(ident, line)
        return ["event" if ident in doc.events else "span", span.start, span.end, doc.events[ident][0]
                if ident in doc.events else span.label]  # fmt: skip

    event_attributes: dict[str, dict[str, Any]] = {}
    for name_, ident, value, line in doc.attributes:
        if ident in doc.events:
            event_attributes.setdefault(ident, {})[name_] = value
        else:
            meta.setdefault("attributes", []).append([name_, value] + ref(ident, line)[1:])
    event_arguments: list[list[int]] = []
    used_triggers = set()
    for ident, (etype, trigger, args, line) in doc.events.items():
        if trigger not in span_of:
            raise doc.fail(line, f"{ident}: trigger {trigger} is not a T annotation of this file")
        arguments = []
        for role, target_id in args:
            span = target(target_id, line)
            arguments.append(Argument(role, Span(span.start, span.end, role)))
            if target_id in doc.events:
                event_arguments.append([span.start, span.end])
        trig = span_of[trigger]
        used_triggers.add(trigger)
        record.doc.events.append(Event(etype, Span(trig.start, trig.end, etype), tuple(arguments),
                                       event_attributes.get(ident, {}), id=ident))  # fmt: skip
    for ident in sorted(triggers - used_triggers, key=lambda t: doc.spans[t][2]):  # declared event type, no E line
        trig = span_of[ident]
        record.doc.events.append(Event(trig.label, trig, id=ident))
    if event_arguments:
        meta["event_arguments"] = event_arguments
    for ntype, ident, note, line in doc.notes:
        meta.setdefault("notes", []).append([ntype, note] + ref(ident, line))
    for ident, (rtype, args, line) in doc.relations.items():
        meta.setdefault("relations", []).append([rtype] + [[role] + list(target(i, line).key) for role, i in args])
    for etype, members in doc.equivs:
        meta.setdefault("equivs", []).append([etype] + [list(target(i, 0).key) for i in members])
    if doc.other:
        meta["other_lines"] = doc.other
    if meta:
        record.doc.meta["brat"] = meta
    return record


def _read_pair(ann: Path, root: Path, conf: dict[str, list[str]]) -> list[ImportRecord | InputError]:
    """The document, after an error for each line that cannot be read: the importer
    stops at the first error, or with ``--skip-invalid`` skips those lines only."""
    txt = ann.with_suffix(".txt")
    try:
        text = txt.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        lines = ann.read_bytes().decode("utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InputError(ann, None, f"no {txt.name} beside it") from None
    except OSError as error:
        raise InputError(ann, None, f"cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise InputError(ann, None, f"not UTF-8 (byte {error.start})") from None
    doc = _Doc(ann, text, _conf_roles(conf.get("events", [])))
    errors: list[ImportRecord | InputError] = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                doc.parse(number, line.rstrip("\r"))
            except InputError as error:
                errors.append(error)
    name = str(ann.relative_to(root).with_suffix("")) if ann.is_relative_to(root) else ann.stem
    return errors + [_build(doc, name, _conf_names(conf.get("events", [])))]


class BratReader:
    name = "brat"

    def sniff(self, path: Path, head: str) -> bool:
        if path.is_dir():
            return any(path.rglob("*.ann"))
        return path.suffix.lower() == ".ann"

    def read(self, path: Path, options: ReadOptions) -> Iterator[ImportRecord | InputError]:
        root = path if path.is_dir() else path.parent
        files = sorted(path.rglob("*.ann")) if path.is_dir() else [path]
        confs: dict[Path, dict[str, list[str]]] = {}
        for ann in files:
            if ann.parent not in confs:
                confs[ann.parent] = read_conf(ann.parent, root)
            try:
                yield from _read_pair(ann, root, confs[ann.parent])
            except InputError as error:
                yield error


READER = BratReader()
__all__ = ["READER", "WRITER"]
