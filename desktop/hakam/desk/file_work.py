"""The window's background work on files and suggestions: import (files or a folder),
the sample articles, export, and suggestions — one task at a time, with a progress bar
in the status bar and failures shown with file and line. After an import the new
documents get suggestions in the background (a preference), so they never sit there
as plain text with nothing to review.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar

from hakam import settings
from hakam.desk import tasks
from hakam.desk.i18n import fmt
from hakam.desk.worker import TaskState, run_task
from hakam.store import TODO

if TYPE_CHECKING:
    from hakam.desk.window import MainWindow


class FileWork(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window, self.store = window, window.store
        self.bar = QProgressBar(objectName="task-progress", maximumWidth=220, textVisible=True)
        self.bar.hide()
        self.task: TaskState | None = None

    def _say(self, text: str, ms: int = 8000) -> None:
        self.window.statusBar().showMessage(text, ms)

    def run(self, title: str, fn: Callable[[TaskState], Any], on_done: Callable[[Any], None]) -> bool:
        if self.task is not None:
            self._say(self.tr("Please wait: another task is running"), 4000)
            return False
        self.bar.setFormat(f"{title} %v")
        self.bar.setRange(0, 0)
        self.bar.show()

        def progress(done: int, total: int, _text: str) -> None:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

        def finished(result: Any) -> None:
            self.task = None
            self.bar.hide()
            on_done(result)

        def failed(error: BaseException) -> None:
            self.task = None
            self.bar.hide()
            box = QMessageBox(QMessageBox.Icon.Warning, title, describe_error(error), parent=self.window)
            box.setObjectName("task-error")
            box.setTextFormat(Qt.TextFormat.PlainText)  # file names and messages are never markup
            box.open()

        self.task = run_task(fn, finished, failed, progress)
        return True

    # -- suggestions -------------------------------------------------------------------------
    def suggest_current(self) -> None:
        if self.window.session.doc is not None:
            self.suggest([self.window.session.doc.id])

    def suggest_all(self) -> None:
        self.suggest(self.store.documents.ids(TODO))

    def suggest(self, ids: list[int]) -> bool:
        store, session = self.store, self.window.session

        def done(count: int) -> None:
            if session.doc is not None and session.doc.id in ids:
                session.reload()
            self._say(fmt(self.tr("Suggestions ready for %1 documents: J goes to the first one"), count))
            from hakam.suggest.training import model_problem

            problem = model_problem(store)  # a damaged active model: the rules suggested alone
            if problem:
                self._say(fmt(self.tr("Rules only: %1"), problem), 15000)

        return self.run(self.tr("Suggesting"), lambda state: tasks.suggest(store, ids, state), done)

    # -- import ------------------------------------------------------------------------------
    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import documents"), "",
                                                self.tr("Documents (*.jsonl *.json *.txt);;All files (*)"))  # fmt: skip
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import a folder of documents"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        store = self.store

        def done(summary: dict[str, Any]) -> None:
            self._imported(summary.get("ids", []), fmt(self.tr("Imported %1 documents"), summary.get("documents", 0)))

        self.run(self.tr("Importing"), lambda state: tasks.import_files(store, paths, state), done)

    # -- after an unclean shutdown ----------------------------------------------------------
    _OPEN = "desk_open"  # setting: the process id of the desk that has this database open

    def mark_open(self) -> None:
        """Remember that this desk is open; a mark left by a process that is gone means the
        last desk did not close properly (a crash, a kill): run the quick check."""
        from hakam.io.atomic import process_alive
        from hakam.store import StoreError

        try:
            previous = self.store.settings.get(self._OPEN)
            self.store.settings.set(self._OPEN, str(os.getpid()))
        except StoreError:
            return  # a read-only database: nothing to mark
        if previous and previous.isdigit() and int(previous) != os.getpid() and not process_alive(int(previous)):
            self.run(self.tr("Checking the database"), lambda state: tasks.quick_check(self.store, state),
                     self._after_unclean_check)  # fmt: skip

    def mark_closed(self) -> None:
        from hakam.store import StoreError

        try:
            if self.store.settings.get(self._OPEN) == str(os.getpid()):
                self.store.settings.set(self._OPEN, "")
        except StoreError:
            pass

    def _after_unclean_check(self, problems: list[str]) -> None:
        if not problems:
            self._say(self.tr("Hakam was not closed properly last time; the database was checked and is sound."))
            return
        text = fmt(self.tr("Hakam was not closed properly last time, and the database check found:\n%1\n\n"
                           "Run 'hakam check --repair' in a terminal to save what can be saved into a new file."),
                   "\n".join(problems))  # fmt: skip
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Check the database"), text, parent=self.window)
        box.setObjectName("check-result")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def check_database(self) -> None:
        def done(report: Any) -> None:
            if report is None:
                text = self.tr("A PostgreSQL server checks its own pages; nothing to check here.")
            elif report.sound:
                text = self.tr("The database is sound.")
            else:
                listed = "\n".join(report.problems)
                text = fmt(self.tr("%1 problems found:\n%2\n\nTo save what can be saved into a new file, run "
                                   "'hakam check --repair' in a terminal."), report.counts["problems"], listed)  # fmt: skip
            box = QMessageBox(QMessageBox.Icon.Information if report is None or report.sound else
                              QMessageBox.Icon.Warning, self.tr("Check the database"), text, parent=self.window)  # fmt: skip
            box.setObjectName("check-result")
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()

        self.run(self.tr("Checking the database"), lambda state: tasks.check_database(self.store, state), done)

    def load_samples(self) -> None:
        store = self.store

        def done(ids: list[int]) -> None:
            self._imported(ids, fmt(self.tr("Added %1 sample articles"), len(ids)))

        self.run(self.tr("Loading the samples"), lambda state: tasks.load_samples(store, state), done)

    def _imported(self, ids: list[int], message: str) -> None:
        window = self.window
        window.queue.refresh()
        window.update_status(full=True)
        if window.session.doc is None:
            window.open_start()
        if ids and settings.load().settings.suggest_after_import and self.suggest(ids):
            message = fmt(self.tr("%1; suggesting for them in the background…"), message)
        self._say(message)

    # -- export ------------------------------------------------------------------------------
    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export reviewed documents"), "hakam-export.jsonl",
                                              self.tr("JSON Lines (*.jsonl)"))  # fmt: skip
        if not path:
            return
        store = self.store

        def done(count: int) -> None:
            self._say(fmt(self.tr("Exported %1 documents to %2"), count, path))

        self.run(self.tr("Exporting"), lambda state: tasks.export_file(store, Path(path), False, state), done)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()


def describe_error(error: BaseException) -> str:
    """A task failure in words: what went wrong and, for a bad input file, where."""
    path, line = getattr(error, "path", None), getattr(error, "line", None)
    if path is not None:
        where = fmt(QCoreApplication.translate("FileWork", "%1, line %2"), path, line)
        return f"{where if line else path}\n\n{getattr(error, 'message', error)}"
    return str(error) or type(error).__name__
