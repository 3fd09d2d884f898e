"""Plain text: one article per ``.txt`` file (a folder of them is read file by file).

Each document's meta says where it came from: ``{"file": NAME, "imported_at": ISO time}``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from hakam.core.model import Document
from hakam.io.errors import InputError
from hakam.io.formats import ReadOptions
from hakam.io.jsonl import format_time
from hakam.io.records import ImportRecord


class TextReader:
    name = "text"

    def sniff(self, path: Path, head: str) -> bool:
        if path.is_dir():
            return any(path.glob("*.txt")) and not any(path.glob("*.ann"))
        return path.suffix.lower() == ".txt"

    def read(self, path: Path, options: ReadOptions) -> Iterator[ImportRecord | InputError]:
        files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
        now = format_time(time.time())
        for file in files:
            try:
                raw = file.read_bytes()
            except OSError as error:  # a dangling link, a link loop, a folder named .txt, no permission
                yield InputError(file, None, f"cannot read: {error.strerror or error}")
                continue
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                yield InputError(file, raw[: error.start].count(b"\n") + 1, f"not UTF-8 (byte {error.start})")
                continue
            if not text.strip():
                yield InputError(file, 1, "the file is empty")
                continue
            meta = {"file": file.name, "imported_at": now}
            yield ImportRecord(Document(text.replace("\r\n", "\n"), file.stem, meta), str(file), 1)


READER = TextReader()
