"""Inline markup for hand-written gold articles.

A markup file starts with ``# key: value`` meta lines (``id``, ``date``, ``title``
…), then the article. Inside the article:

- ``[دمشق|GPE]`` marks an entity;
- ``{غارات|AIRSTRIKE#e1 fatalities=5 injured=12 date=2025-03-02}`` marks an event
  trigger with an optional id and attributes;
- ``[قوات سوريا الديمقراطية|ORG@e1:AGENT@e2:TARGET]`` also makes the entity an
  argument of events ``e1`` and ``e2``.

Brackets are removed; offsets are code points of the text that remains. This is
for gold data we write ourselves, so any mistake raises ``MarkupError`` naming
the line.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hakam.core.model import Argument, Document, Event, Span

_MARK = re.compile(r"\[([^\[\]{}|]+)\|([^\]]+)\]|\{([^\[\]{}|]+)\|([^}]+)\}")
_META = re.compile(r"#\s*(\w+)\s*:\s*(.*)")


class MarkupError(ValueError):
    pass


def _attribute(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def parse_markup(source: str, default_id: str | None = None) -> Document:
    lines = source.splitlines(keepends=True)
    meta: dict[str, str] = {}
    body_start = 0
    for body_start, line in enumerate(lines):
        match = _META.fullmatch(line.strip())
        if not match:
            break
        meta[match.group(1)] = match.group(2).strip()
    else:
        body_start = len(lines)
    first_line = body_start + 1
    body = "".join(lines[body_start:]).strip("\n") + "\n"

    text_parts: list[str] = []
    spans: list[Span] = []
    triggers: dict[str, tuple[Span, dict[str, int | str]]] = {}
    anonymous: list[tuple[Span, dict[str, int | str]]] = []
    links: list[tuple[str, str, Span, int]] = []
    cursor = 0
    length = 0
    for match in _MARK.finditer(body):
        plain = body[cursor : match.start()]
        line_no = first_line + body.count("\n", 0, match.start())
        if any(c in plain for c in "[]{}"):
            raise MarkupError(f"line {line_no}: stray bracket before {match.group(0)!r}")
        text_parts.append(plain)
        length += len(plain)
        surface = match.group(1) or match.group(3)
        if surface != surface.strip():
            raise MarkupError(f"line {line_no}: span {surface!r} has outer spaces")
        start, end = length, length + len(surface)
        text_parts.append(surface)
        length = end
        cursor = match.end()
        if match.group(1):
            label, *roles = match.group(2).split("@")
            span = Span(start, end, label.strip())
            spans.append(span)
            for role in roles:
                event_id, _, role_name = role.partition(":")
                if not role_name:
                    raise MarkupError(f"line {line_no}: argument {role!r} needs ID:ROLE")
                links.append((event_id, role_name, span, line_no))
        else:
            head, *pairs = match.group(4).split()
            event_type, _, event_id = head.partition("#")
            attributes: dict[str, int | str] = {}
            for pair in pairs:
                key, eq, value = pair.partition("=")
                if not eq:
                    raise MarkupError(f"line {line_no}: attribute {pair!r} needs key=value")
                attributes[key] = _attribute(value)
            trigger = Span(start, end, event_type)
            if event_id:
                if event_id in triggers:
                    raise MarkupError(f"line {line_no}: event id {event_id!r} used twice")
                triggers[event_id] = (trigger, attributes)
            else:
                anonymous.append((trigger, attributes))
    tail = body[cursor:]
    if any(c in tail for c in "[]{}"):
        raise MarkupError("stray bracket after the last mark")
    text_parts.append(tail)

    arguments: dict[str, list[Argument]] = {}
    for event_id, role, span, line_no in links:
        if event_id not in triggers:
            raise MarkupError(f"line {line_no}: argument of unknown event {event_id!r}")
        arguments.setdefault(event_id, []).append(Argument(role, span))
    events = [
        Event(trigger.label, trigger, tuple(arguments.get(event_id, ())), attrs, id=event_id)
        for event_id, (trigger, attrs) in triggers.items()
    ] + [Event(trigger.label, trigger, (), attrs) for trigger, attrs in anonymous]
    events.sort(key=lambda e: e.trigger.start)
    doc_id = meta.pop("id", None) or default_id
    return Document("".join(text_parts), doc_id, meta, spans, events)


def main(argv: list[str]) -> int:
    """``python -m hakam.io.markup FILE…`` prints the files as Hakam JSONL."""
    from hakam.io.jsonl import document_to_record, dumps_line

    for name in argv:
        path = Path(name)
        try:
            doc = parse_markup(path.read_text(encoding="utf-8"), default_id=path.stem)
        except MarkupError as error:
            print(f"{path}: {error}", file=sys.stderr)
            return 1
        sys.stdout.write(dumps_line(document_to_record(doc)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
