"""Errors about input files: always one line naming the file and the line."""

from __future__ import annotations

from pathlib import Path


class InputError(ValueError):
    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path, self.line, self.message = str(path), line, message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")
