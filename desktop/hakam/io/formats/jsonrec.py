"""JSON records with their line numbers: JSON Lines, one JSON array, or pretty-printed objects.

Tools write all three: Prodigy and doccano JSONL, Label Studio a JSON array (or
JSONL), doccano's relation example one indented object. JSON Lines stream;
the other two are read whole (they are one value) and walked item by item.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import orjson

from hakam.io.errors import InputError

_LONGEST_LINE = 1 << 24
T = TypeVar("T")
_KEY = re.compile(r'"([A-Za-z_][A-Za-z0-9_]*)"\s*:')


def score_of(value: Any) -> float | None:
    """A finite number as a float, else ``None`` (scores are optional)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def first_record(head: str) -> Any:
    """The first record of a file's head (a JSON line, an array's first item, or an
    object), or ``None`` when it cannot be parsed from the head alone."""
    stripped = head.lstrip("\ufeff \t\r\n")
    first_line = stripped.split("\n", 1)[0]
    try:
        return orjson.loads(first_line)
    except orjson.JSONDecodeError:
        pass
    decoder = json.JSONDecoder()
    start = 1 if stripped.startswith("[") else 0
    while start < len(stripped) and stripped[start] in " \t\r\n":
        start += 1
    try:
        return decoder.raw_decode(stripped, start)[0]
    except (json.JSONDecodeError, RecursionError):  # nested deeper than Python's stack: not a record
        return None


def iter_json_lines(path: Path) -> Iterator[tuple[int, Any] | InputError]:
    """``(line number, parsed value)`` for each non-blank line, streaming; a line
    that is not UTF-8 or not JSON comes as an ``InputError`` so a caller may skip it."""
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as error:
                yield InputError(path, number, f"not UTF-8 (byte {error.start} of the line)")
                continue
            try:
                yield number, orjson.loads(raw)
            except orjson.JSONDecodeError as error:
                yield InputError(path, number, f"bad JSON: {error}")


JSON_SUFFIXES = (".jsonl", ".json", ".ndjson")


def is_json_file(path: Path) -> bool:
    return not path.is_dir() and path.suffix.lower() in JSON_SUFFIXES


def head_keys(path: Path, head: str) -> set[str]:
    """Keys of the first record (read whole when its line is longer than the head;
    for a long indented value, every ``"key":`` seen in the head)."""
    data = first_record(head)
    if data is None and "\n" not in head.lstrip("\ufeff \t\r\n"):
        with open(path, "rb") as handle:
            data = first_record(handle.readline(_LONGEST_LINE).decode("utf-8", errors="replace"))
    if isinstance(data, list) and data:
        data = data[0]
    if isinstance(data, dict):
        return set(data)
    return set(_KEY.findall(head)) if data is None else set()


def iter_records(path: Path) -> Iterator[tuple[int, Any] | InputError]:
    """``(line, value)`` for each record; a broken one comes as an ``InputError``."""
    with open(path, "rb") as handle:
        head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"[") and _first_line_parses(head):
        yield from iter_json_lines(path)
        return
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield InputError(path, None, f"not UTF-8 (byte {error.start})")
        return
    yield from _walk(text, path)


def converted(
    items: Iterable[tuple[int, Any] | InputError], convert: Callable[[Any, int], T]
) -> Iterator[T | InputError]:
    """``convert(value, line)`` of each record; a broken or refused one comes as its ``InputError``."""
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield convert(item[1], item[0])
        except InputError as error:
            yield error


def _first_line_parses(head: bytes) -> bool:
    line = head.split(b"\n", 1)[0]
    try:
        orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return True


def _walk(text: str, path: Path) -> Iterator[tuple[int, Any] | InputError]:
    decoder = json.JSONDecoder()
    index, line, counted = _skip(text, 0), 1, 0
    in_array = text.startswith("[", index)
    if in_array:
        index = _skip(text, index + 1)
    while index < len(text):
        if in_array and text[index] == "]":
            return
        line, counted = line + text.count("\n", counted, index), index
        try:
            value, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError as error:
            yield InputError(path, text.count("\n", 0, error.pos) + 1, f"bad JSON: {error.msg}")
            return
        except RecursionError:
            yield InputError(path, line, "bad JSON: nested too deep")
            return
        yield line, value
        index = _skip(text, end)
        if in_array and text.startswith(",", index):
            index = _skip(text, index + 1)


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index
