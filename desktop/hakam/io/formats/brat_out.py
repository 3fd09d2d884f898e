"""brat standoff out: one ``.txt``/``.ann`` pair per document and an ``annotation.conf``.

``T`` lines for spans (fragments recorded by the brat reader are joined back
into one discontinuous ``T``) and triggers, ``E`` lines with their roles
(a repeated role numbered ``Role2``, ``Role3`` as brat does; an argument that
the reader marked as an event points at that event), ``A`` lines for event
attributes, and the notes, span attributes, relations and equivalences the
reader kept in ``meta["brat"]``. The conf lists the schema's labels, event
types with their roles, and every attribute value written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from hakam.core.model import Document
from hakam.io.formats import WriteOptions
from hakam.io.records import ExportRecord

_UNSAFE = re.compile(r"[^\w.-]+")


class _Ann:
    def __init__(self, doc: Document):
        self.doc = doc
        self.lines: list[str] = []
        self.t_ids: dict[tuple[int, int, str], str] = {}
        self.counts = {"T": 0, "E": 0, "A": 0, "R": 0, "#": 0}

    def next_id(self, kind: str) -> str:
        self.counts[kind] += 1
        return f"{kind}{self.counts[kind]}"

    def t_line(self, fragments: list[tuple[int, int]], label: str) -> str:
        key = (fragments[0][0], fragments[0][1], label)
        if key not in self.t_ids:
            ident = self.next_id("T")
            offsets = ";".join(f"{s} {e}" for s, e in fragments)
            text = " ".join(self.doc.text[s:e] for s, e in fragments).replace("\n", " ")
            self.lines.append(f"{ident}\t{label} {offsets}\t{text}")
            self.t_ids[key] = ident
        return self.t_ids[key]

    def ref(self, key: list[Any]) -> str | None:
        return self.t_ids.get((key[0], key[1], key[2]))


def ann_lines(doc: Document, attribute_values: dict[str, set[str]]) -> list[str]:
    ann = _Ann(doc)
    meta = brat if isinstance(brat := doc.meta.get("brat"), dict) else {}
    grouped: set[tuple[int, int, str]] = set()
    spans = {s.key for s in doc.spans}
    for group in meta.get("fragments", []):
        fragments, label = [tuple(f) for f in group[:-1]], group[-1]
        if all((s, e, label) in spans for s, e in fragments):
            ann.t_line(fragments, label)
            grouped |= {(s, e, label) for s, e in fragments}
    for span in sorted(doc.spans, key=lambda s: s.key):
        if span.key not in grouped:
            ann.t_line([(span.start, span.end)], span.label)
    event_ids: dict[tuple[int, int, str], str] = {}
    events = sorted(doc.events, key=lambda e: e.trigger.key)
    for event in events:
        ann.t_line([(event.trigger.start, event.trigger.end)], event.type)
        event_ids.setdefault((event.trigger.start, event.trigger.end, event.type), ann.next_id("E"))
    by_span = {(k[0], k[1]): v for k, v in event_ids.items()}
    event_args = {tuple(a) for a in meta.get("event_arguments", [])}
    written: dict[tuple[int, int, str], int] = {}
    for event in events:
        key = (event.trigger.start, event.trigger.end, event.type)
        seen = written.get(key, 0)
        written[key] = seen + 1
        ident = event_ids[key] if not seen else ann.next_id("E")
        parts = [f"{event.type}:{ann.t_ids[key]}"]
        roles: dict[str, int] = {}
        for arg in event.arguments:
            span = arg.span
            roles[arg.role] = roles.get(arg.role, 0) + 1
            role = arg.role if roles[arg.role] == 1 else f"{arg.role}{roles[arg.role]}"
            if (span.start, span.end) in event_args and (span.start, span.end) in by_span:
                parts.append(f"{role}:{by_span[(span.start, span.end)]}")
            else:
                label = next((s.label for s in doc.spans if (s.start, s.end) == (span.start, span.end)), arg.role)
                parts.append(f"{role}:{ann.t_line([(span.start, span.end)], label)}")
        ann.lines.append(f"{ident}\t{' '.join(parts)}")
        for name, value in sorted(event.attributes.items()):
            if value is None or value is False:
                continue
            attribute_values.setdefault(name, set())
            if value is True:
                ann.lines.append(f"{ann.next_id('A')}\t{name} {ident}")
            else:
                attribute_values[name].add(str(value))
                ann.lines.append(f"{ann.next_id('A')}\t{name} {ident} {value}")
    _meta_lines(ann, meta, by_span)
    return ann.lines


def _meta_lines(ann: _Ann, meta: dict[str, Any], events: dict[tuple[int, int], str]) -> None:
    for name, value, start, end, label in (a for a in meta.get("attributes", []) if len(a) == 5):
        target = ann.ref([start, end, label])
        if target:
            ann.lines.append(f"{ann.next_id('A')}\t{name} {target}" + ("" if value is True else f" {value}"))
    for relation in meta.get("relations", []):
        args = [(arg[0], ann.ref(arg[1:])) for arg in relation[1:]]
        if all(t for _, t in args):
            ann.lines.append(f"{ann.next_id('R')}\t{relation[0]} " + " ".join(f"{r}:{t}" for r, t in args) + "\t")
    for equiv in meta.get("equivs", []):
        members = [ann.ref(m) for m in equiv[1:]]
        if all(members):
            ann.lines.append(f"*\t{equiv[0]} " + " ".join(members))  # type: ignore[arg-type]
    for note in meta.get("notes", []):
        target = (
            ann.ref(note[3:]) if note[2] == "span" else events.get(tuple(note[3:5])) if note[2] == "event" else None
        )
        if target:  # notes on relations are not written back
            ann.lines.append(f"{ann.next_id('#')}\t{note[0]} {target}\t{note[1]}")
    ann.lines += meta.get("other_lines", [])


def conf_text(options: WriteOptions, used: dict[str, set[str]], attribute_values: dict[str, set[str]]) -> str:
    """The schema's labels, event types and roles, plus any the documents used."""
    schema = options.schema
    entities = sorted(set(schema.entities if schema else ()) | used["entities"])
    roles = sorted(set(schema.roles if schema else ()) | used["roles"])
    lines = ["[entities]", *entities, "", "[relations]", "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
             "", "[events]"]  # fmt: skip
    for event in sorted(set(schema.events if schema else ()) | used["events"]):
        lines.append(f"{event}\t" + ", ".join(f"{role}*:<ENTITY>|<EVENT>" for role in roles) if roles else event)
    lines += ["", "[attributes]"]
    for name, values in sorted(attribute_values.items()):
        lines.append(f"{name}\tArg:<EVENT>" + (f", Value:{'|'.join(sorted(values))}" if values else ""))
    return "\n".join(lines) + "\n"


class BratWriter:
    name = "brat"
    folder = True

    def write(self, records: Iterable[ExportRecord], out: Path, options: WriteOptions) -> int:
        count = 0
        names: set[str] = set()
        attribute_values: dict[str, set[str]] = {}
        used: dict[str, set[str]] = {"entities": set(), "events": set(), "roles": set()}
        for record in records:
            used["entities"] |= {s.label for s in record.doc.spans}
            used["events"] |= {e.type for e in record.doc.events}
            used["roles"] |= {a.role for e in record.doc.events for a in e.arguments}
            count += 1
            name = _UNSAFE.sub("_", record.doc.id or "")[:100] or f"doc-{count}"  # file names have 255 bytes
            while name in names:
                name += f"-{count}"
            names.add(name)
            (out / f"{name}.txt").write_text(record.doc.text, encoding="utf-8", newline="\n")
            lines = ann_lines(record.doc, attribute_values)
            (out / f"{name}.ann").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8", newline="\n")
        (out / "annotation.conf").write_text(conf_text(options, used, attribute_values), encoding="utf-8")
        return count


WRITER = BratWriter()
