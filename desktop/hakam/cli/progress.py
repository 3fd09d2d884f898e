"""Progress on a terminal's stderr; silent when stderr is not a terminal."""

from __future__ import annotations

import sys
import time


class TerminalProgress:
    def __init__(self, verb: str, total: int | None = None):
        self.verb, self.total = verb, total
        self.enabled = sys.stderr.isatty()
        self._shown = 0.0

    def update(self, done: int, what: str = "") -> None:
        if not self.enabled or time.monotonic() - self._shown < 0.1:
            return
        self._shown = time.monotonic()
        of = f"/{self.total}" if self.total else ""
        sys.stderr.write(f"\r{self.verb} {what} {done}{of}\x1b[K")
        sys.stderr.flush()

    def file_update(self, path: str, done: int) -> None:
        self.update(done, path)

    def done(self) -> None:
        if self.enabled and self._shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
