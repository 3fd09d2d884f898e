"""The annotation schema: entity labels, event types, roles and attributes.

Read from TOML (``resources/schema/default.toml`` by default). A broken file is
refused with a ``SchemaError`` that names the file, the line and the field.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tomli_w

from hakam.resources import resource_path

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
NAME_LIMIT = 64
# What would break a file a name is written to: brat's ``Type:T1`` event lines and
# whitespace-separated columns (brat, CoNLL); annotation.conf reads a line that
# starts with # ! < or [ as a comment, a flag, a macro or a section.
_NAME_FORBIDDEN = frozenset(":")
_NAME_FORBIDDEN_FIRST = frozenset("#!<[")
_JOINERS = frozenset("\u200c\u200d")  # zero-width (non-)joiner: part of Persian and Urdu words
ATTRIBUTE_TYPES = ("int", "date", "str")


class SchemaError(ValueError):
    """A schema file that cannot be used; the message names file, line and field."""


@dataclass(frozen=True, slots=True)
class Item:
    """An entity label, event type or argument role."""

    name: str
    en: str
    ar: str
    color: str = "#868e96"
    key: str = ""

    def title(self, language: str) -> str:
        return self.ar if language.startswith("ar") else self.en


@dataclass(frozen=True, slots=True)
class Attribute:
    name: str
    type: str
    en: str
    ar: str

    def parse(self, value: Any) -> int | str | None:
        """The value as stored, or ``ValueError`` with a reason."""
        if value is None or value == "":
            return None
        if self.type == "int":
            number = int(value)
            if number < 0:
                raise ValueError(f"{self.name} must be 0 or more")
            return number
        if self.type == "date":
            return dt.date.fromisoformat(str(value)).isoformat()
        return str(value)


@dataclass(frozen=True, slots=True)
class Schema:
    name: str
    entities: dict[str, Item]
    events: dict[str, Item]
    roles: dict[str, Item]
    attributes: dict[str, Attribute] = field(default_factory=dict)
    version: int = 1

    def entity_by_key(self, key: str) -> Item | None:
        return next((item for item in self.entities.values() if item.key == key), None)

    def extended(self, entities: Sequence[str] = (), events: Sequence[str] = (), roles: Sequence[str] = ()) -> Schema:
        """A copy with extra labels, event types and roles, each with a generated colour
        and a free key (used by ``hakam import --add-labels``)."""
        return replace(
            self,
            entities=_with_items(self.entities, entities, "123456789"),
            events=_with_items(self.events, events, "abcdefghijklmnopqrstuvwxyz"),
            roles=_with_items(self.roles, roles, "abcdefghijklmnopqrstuvwxyz"),
        )

    def to_toml(self) -> str:
        data: dict[str, Any] = {"version": self.version, "name": self.name}
        for section in ("entities", "events", "roles"):
            data[section] = {
                item.name: {"en": item.en, "ar": item.ar, "color": item.color, "key": item.key}
                for item in getattr(self, section).values()
            }
        data["attributes"] = {a.name: {"type": a.type, "en": a.en, "ar": a.ar} for a in self.attributes.values()}
        return tomli_w.dumps(data)


def name_problem(name: object) -> str | None:
    """Why ``name`` cannot be a label, event type or role (None when it can).

    Any script is fine (Arabic label names are natural for Arabic teams); what is
    refused would break a file the name is written to, or hide in a display.
    """
    if not isinstance(name, str) or not name:
        return "a name cannot be empty"
    if len(name) > NAME_LIMIT:
        return f"a name is at most {NAME_LIMIT} characters"
    if name[0] in _NAME_FORBIDDEN_FIRST:
        return f"a name cannot start with {name[0]!r}"
    for char in name:
        if char.isspace():
            return "a name cannot contain spaces"
        if char in _NAME_FORBIDDEN:
            return f"a name cannot contain {char!r}"
        if unicodedata.category(char).startswith("C") and char not in _JOINERS:
            return f"a name cannot contain the invisible character U+{ord(char):04X}"
    return None


def _with_items(items: dict[str, Item], names: Sequence[str], keys: str) -> dict[str, Item]:
    result = dict(items)
    used = {item.key for item in items.values()}
    for name in names:
        if name in result:
            continue
        key = next((k for k in keys if k not in used), "")
        used.add(key)
        result[name] = Item(name, name, name, generated_color(name), key)
    return result


def generated_color(name: str) -> str:
    """A stable, readable colour for a label that came without one."""
    import colorsys
    import zlib

    hue = (zlib.crc32(name.encode("utf-8")) % 360) / 360
    r, g, b = colorsys.hls_to_rgb(hue, 0.42, 0.65)
    return f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"


def _line_of(source: str, table: str, key: str | None = None) -> int:
    """1-based line of ``[table]`` (or of ``key`` inside it); 1 when not found."""
    lines = source.splitlines()
    section, _, name = table.partition(".")
    quoted = re.escape(section) + (rf"\.(?:{re.escape(name)}|\"{re.escape(name)}\")" if name else "")
    header = re.compile(rf"\s*\[\s*{quoted}\s*\]")
    for i, line in enumerate(lines):
        if header.match(line):
            if key is None:
                return i + 1
            for j in range(i + 1, len(lines)):
                if lines[j].lstrip().startswith("["):
                    break
                if re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", lines[j]):
                    return j + 1
            return i + 1
    return 1


def _items(data: dict[str, Any], section: str, source: str, where: str, needs_color: bool) -> dict[str, Item]:
    table = data.get(section)
    if not isinstance(table, dict) or not table:
        raise SchemaError(f"{where}: line 1: section [{section}] is missing or empty")
    items: dict[str, Item] = {}
    keys: dict[str, str] = {}
    for name, body in table.items():
        path = f"{section}.{name}"

        def fail(field_name: str | None, problem: str) -> SchemaError:
            line = _line_of(source, path, field_name)
            return SchemaError(f"{where}: line {line}: [{path}] {problem}")

        problem = name_problem(name)
        if problem:
            raise fail(None, problem)
        if not isinstance(body, dict):
            raise fail(None, "must be a table")
        for required in ("en", "ar") + (("color",) if needs_color else ()):
            if not isinstance(body.get(required), str) or not body[required].strip():
                raise fail(required if required in body else None, f"field '{required}' is missing or empty")
        color = body.get("color", "#868e96")
        if not _COLOR.fullmatch(color):
            raise fail("color", f"field 'color' must look like #1a2b3c, not {color!r}")
        key = str(body.get("key", ""))
        if len(key) > 1:
            raise fail("key", f"field 'key' must be one character, not {key!r}")
        if key and key in keys:
            raise fail("key", f"field 'key' {key!r} is already used by {keys[key]}")
        if key:
            keys[key] = name
        unknown = set(body) - {"en", "ar", "color", "key"}
        if unknown:
            raise fail(sorted(unknown)[0], f"unknown field '{sorted(unknown)[0]}'")
        items[name] = Item(name, body["en"], body["ar"], color, key)
    return items


def _attributes(data: dict[str, Any], source: str, where: str) -> dict[str, Attribute]:
    attributes: dict[str, Attribute] = {}
    for name, body in (data.get("attributes") or {}).items():
        path = f"attributes.{name}"
        kind = body.get("type") if isinstance(body, dict) else None
        if kind not in ATTRIBUTE_TYPES:
            line = _line_of(source, path, "type")
            raise SchemaError(
                f"{where}: line {line}: [{path}] field 'type' must be one of {', '.join(ATTRIBUTE_TYPES)}"
            )
        attributes[name] = Attribute(name, kind, str(body.get("en", name)), str(body.get("ar", name)))
    return attributes


def parse_schema(source: str, where: str = "<schema>") -> Schema:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise SchemaError(f"{where}: {error}") from None
    entities = _items(data, "entities", source, where, needs_color=True)
    events = _items(data, "events", source, where, needs_color=True)
    roles = _items(data, "roles", source, where, needs_color=False)
    clash = set(entities) & set(events)
    if clash:
        name = sorted(clash)[0]
        raise SchemaError(
            f"{where}: line {_line_of(source, 'events.' + name)}: [events.{name}] has the name of an entity label"
        )
    version = data.get("version", 1)
    if not isinstance(version, int):
        raise SchemaError(f"{where}: line {_line_of_key(source, 'version')}: field 'version' must be an integer")
    return Schema(str(data.get("name", "schema")), entities, events, roles, _attributes(data, source, where), version)


def _line_of_key(source: str, key: str) -> int:
    for i, line in enumerate(source.splitlines()):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return i + 1
    return 1


def load_schema(path: Path | str | None = None) -> Schema:
    """The schema in ``path``, or Hakam's default one."""
    file = Path(path) if path else resource_path("schema", "default.toml")
    try:
        source = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SchemaError(f"{file}: cannot read: {error}") from None
    return parse_schema(source, str(file))
