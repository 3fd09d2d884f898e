"""Plain text: one article per ``.txt`` file (a folder of them is read file by file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from hakam.core.model import Document
from hakam.io.errors import InputError
from hakam.io.formats import ReadOptions
from hakam.io.records import ImportRecord


class TextReader:
    name = "text"

    def sniff(self, path: Path, head: str) -> bool:
        if path.is_dir():
            return any(path.glob("*.txt")) and not any(path.glob("*.ann"))
        return path.suffix.lower() == ".txt"

    def read(self, path: Path, options: ReadOptions) -> Iterator[ImportRecord | InputError]:
        files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
        for file in files:
            try:
                text = file.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                line = file.read_bytes()[: error.start].count(b"\n") + 1
                yield InputError(file, line, f"not UTF-8 (byte {error.start})")
                continue
            if not text.strip():
                yield InputError(file, 1, "the file is empty")
                continue
            yield ImportRecord(Document(text.replace("\r\n", "\n"), file.stem), str(file), 1)


READER = TextReader()
