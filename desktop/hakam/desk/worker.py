"""The one background helper: run a function on the thread pool and get its
result, failure and progress back on the GUI thread (cf. anki's taskman).

The function receives a ``TaskState`` with plain ``progress``/``should_stop``
callbacks, so it can be core code that knows nothing about Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class TaskState:
    """Given to the task: report progress, check for cancellation."""

    def __init__(self, relay: _Relay):
        self._relay = relay
        self._stop = threading.Event()

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        self._relay.progressed.emit(done, total, text)

    def should_stop(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        self._stop.set()


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted by the worker arrive there queued."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)

    def __init__(self, on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None],
                 on_progress: Callable[[int, int, str], None] | None):  # fmt: skip
        super().__init__()
        self._on_success, self._on_failure, self._on_progress = on_success, on_failure, on_progress
        self.finished.connect(self._success)
        self.failed.connect(self._failure)
        self.progressed.connect(self._progress)

    @Slot(object)
    def _success(self, result: Any) -> None:
        _running.discard(self)
        self._on_success(result)

    @Slot(object)
    def _failure(self, error: BaseException) -> None:
        _running.discard(self)
        self._on_failure(error)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, text: str) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, text)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[TaskState], Any], relay: _Relay, state: TaskState):
        super().__init__()
        self._fn, self._relay, self._state = fn, relay, state

    def run(self) -> None:
        try:
            result = self._fn(self._state)
        except BaseException as error:
            self._relay.failed.emit(error)
        else:
            self._relay.finished.emit(result)


_running: set[_Relay] = set()  # keeps relays alive until their task reports


def run_task(fn: Callable[[TaskState], Any], on_success: Callable[[Any], None],
             on_failure: Callable[[BaseException], None],
             on_progress: Callable[[int, int, str], None] | None = None) -> TaskState:  # fmt: skip
    """Run ``fn(state)`` in the background; the callbacks run on the GUI thread."""
    relay = _Relay(on_success, on_failure, on_progress)
    state = TaskState(relay)
    _running.add(relay)
    QThreadPool.globalInstance().start(_Task(fn, relay, state))
    return state
