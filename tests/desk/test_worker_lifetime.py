"""The background helper releases a task's callbacks (which hold widgets) on the GUI
thread, never on the worker thread, even when the worker lets go of its task after
the GUI has already taken the result — as a worker descheduled right after reporting
does on a loaded machine. A widget or QObject released on the worker thread is deleted
there, outside its own thread: undefined behaviour that ends in a segmentation fault
(seen once in a full run: a training dialog that only its refresh task still held)."""

from __future__ import annotations

import gc
import threading
import time

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget

from hakam.desk import worker


class Released:
    """A callback that records on which thread its last reference went."""

    def __init__(self, threads: list[str], calls: list[object]):
        self.threads, self.calls = threads, calls

    def __call__(self, *args: object) -> None:
        self.calls.append(args)

    def __del__(self) -> None:
        self.threads.append("gui" if threading.current_thread() is threading.main_thread() else "worker")


def _late_worker(monkeypatch) -> None:
    run = worker._run

    def late(*args: object) -> None:
        run(*args)
        time.sleep(0.05)  # still holding the task while the GUI thread takes the result

    monkeypatch.setattr(worker, "_run", late)


def _ran(qtbot, outcome, threads: list[str]) -> None:
    done: list[object] = []
    worker.run_task(outcome, Released(threads, done), Released(threads, done))
    qtbot.waitUntil(lambda: bool(done))
    assert QThreadPool.globalInstance().waitForDone(10_000)
    gc.collect()


def test_callbacks_are_released_on_the_gui_thread(qtbot, monkeypatch):
    _late_worker(monkeypatch)
    threads: list[str] = []
    _ran(qtbot, lambda _state: 42, threads)

    def broken(_state):
        raise ValueError("boom")

    _ran(qtbot, broken, threads)
    assert threads == ["gui"] * 4
    assert worker.waiting_tasks() == 0


def test_many_short_tasks_leave_nothing_held(qtbot):
    threads: list[str] = []
    results: list[object] = []
    for n in range(200):
        worker.run_task(lambda _state, n=n: n, Released(threads, results), Released(threads, results))
    qtbot.waitUntil(lambda: len(results) == 200, timeout=20_000)
    assert QThreadPool.globalInstance().waitForDone(10_000)
    gc.collect()
    assert sorted(results) == [(n,) for n in range(200)]
    assert threads == ["gui"] * 400 and worker.waiting_tasks() == 0


def test_a_widget_only_its_task_holds_is_deleted_on_the_gui_thread(qtbot, monkeypatch):
    _late_worker(monkeypatch)
    threads: list[str] = []
    done: list[object] = []

    class Panel(QWidget):
        def show_result(self, result: object) -> None:
            self.setWindowTitle(str(result))
            done.append(result)

        def __del__(self) -> None:
            threads.append("gui" if threading.current_thread() is threading.main_thread() else "worker")

    panel = Panel()
    panel.show()
    worker.run_task(lambda _state: 7, panel.show_result, lambda _error: None)
    del panel  # like a dialog closed and forgotten while its task still runs
    qtbot.waitUntil(lambda: bool(done))
    assert QThreadPool.globalInstance().waitForDone(10_000)
    gc.collect()
    assert done == [7] and threads == ["gui"]
