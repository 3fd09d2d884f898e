"""Progress of long commands on stderr.

On a terminal: a bar redrawn in place (``suggesting [#######·······] 12/174 documents``),
cleared when the work is done. Off a terminal (a pipe, a log file): a plain line every
few seconds, so a log shows the pace without one line per document or a run of ``\\r``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

_BAR = 24
_REDRAW = 0.1  # seconds between redraws on a terminal
LOG_EVERY = 5.0  # seconds between lines off a terminal


class TerminalProgress:
    def __init__(self, verb: str, total: int | None = None, unit: str = "documents", stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic):  # fmt: skip
        self.verb, self.total, self.unit = verb, total, unit
        self.stream = stream or sys.stderr
        self.terminal = self.stream.isatty()
        self._clock = clock
        self._started = clock()
        self._shown: float | None = None  # when the bar or the last line was written

    def update(self, done: int, what: str = "", total: int | None = None) -> None:
        if total:
            self.total = total
        now = self._clock()
        wait = _REDRAW if self.terminal else LOG_EVERY
        last = self._started if self._shown is None and not self.terminal else self._shown
        if last is not None and now - last < wait and not (self.terminal and done == self.total):
            return
        self._shown = now
        if self.terminal:
            self.stream.write(f"\r{self._bar(done)}{f' {what}' if what else ''}\x1b[K")
        else:
            of = f"/{self.total}" if self.total else ""
            self.stream.write(f"{self.verb}: {done}{of} {self.unit}{f' ({what})' if what else ''}\n")
        self.stream.flush()

    def _bar(self, done: int) -> str:
        if not self.total:
            return f"{self.verb} {done} {self.unit}"
        filled = min(_BAR, round(_BAR * done / self.total))
        percent = min(100, round(100 * done / self.total))
        return f"{self.verb} [{'#' * filled}{'·' * (_BAR - filled)}] {done}/{self.total} {self.unit} {percent}%"

    def file_update(self, path: str, done: int) -> None:
        self.update(done, str(path))

    def stage(self, stage: str, done: int, total: int) -> None:
        """For ``(stage, done, total)`` callbacks, as ``hakam.suggest`` reports progress."""
        self.update(done, "" if stage == self.verb else stage, total)

    def done(self) -> None:
        if self.terminal and self._shown is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
