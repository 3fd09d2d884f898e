"""The one background helper: run a function on the thread pool and get its
result, failure and progress back on the GUI thread (cf. anki's taskman).

The function receives a ``TaskState`` with plain ``progress``/``should_stop``
callbacks, so it can be core code that knows nothing about Qt; it must hold no
Qt object either. The callbacks stay on the GUI thread: they are kept here by
task number, and the worker only sends that number back through one relay that
lives as long as the application. Whatever the worker thread holds last (the
function, its state) is plain Python, so no widget and no QObject is ever
released, let alone deleted, on the worker thread, whichever side finishes first.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot


class TaskState:
    """Given to the task: report progress, check for cancellation."""

    def __init__(self, number: int, relay: _Relay):
        self.number, self._relay = number, relay
        self._stop = threading.Event()

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        self._relay.progressed.emit(self.number, done, total, text)

    def should_stop(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        self._stop.set()


@dataclass(frozen=True, slots=True)
class _Callbacks:
    success: Callable[[Any], None]
    failure: Callable[[BaseException], None]
    progress: Callable[[int, int, str], None] | None


class _Relay(QObject):
    """Lives on the GUI thread, never deleted; signals emitted by workers arrive there queued."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int, str)

    def __init__(self) -> None:
        super().__init__()
        self.waiting: dict[int, _Callbacks] = {}  # by task number, until the task reports
        self.finished.connect(self._success)
        self.failed.connect(self._failure)
        self.progressed.connect(self._progress)

    @Slot(int, object)
    def _success(self, number: int, result: Any) -> None:
        callbacks = self.waiting.pop(number, None)
        if callbacks is not None:
            callbacks.success(result)

    @Slot(int, object)
    def _failure(self, number: int, error: BaseException) -> None:
        callbacks = self.waiting.pop(number, None)
        if callbacks is not None:
            callbacks.failure(error)

    @Slot(int, int, int, str)
    def _progress(self, number: int, done: int, total: int, text: str) -> None:
        callbacks = self.waiting.get(number)
        if callbacks is not None and callbacks.progress is not None:
            callbacks.progress(done, total, text)


def _run(fn: Callable[[TaskState], Any], state: TaskState) -> None:
    """On the worker thread: only the number and the outcome go back."""
    try:
        result = fn(state)
    except BaseException as error:
        state._relay.failed.emit(state.number, error)
    else:
        state._relay.finished.emit(state.number, result)


_relay: _Relay | None = None
_numbers = itertools.count(1)


def run_task(fn: Callable[[TaskState], Any], on_success: Callable[[Any], None],
             on_failure: Callable[[BaseException], None],
             on_progress: Callable[[int, int, str], None] | None = None) -> TaskState:  # fmt: skip
    """Run ``fn(state)`` in the background; the callbacks run on the GUI thread.
    Call it on the GUI thread."""
    global _relay
    if _relay is None:
        _relay = _Relay()
    state = TaskState(next(_numbers), _relay)
    _relay.waiting[state.number] = _Callbacks(on_success, on_failure, on_progress)
    QThreadPool.globalInstance().start(partial(_run, fn, state))
    return state


def waiting_tasks() -> int:
    """How many tasks have not reported yet (their callbacks are still held)."""
    return len(_relay.waiting) if _relay is not None else 0
