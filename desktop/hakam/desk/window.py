"""The main window: queue, article and side panel, menus from the action table,
status bar, and the background tasks (suggest, import, export)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QThreadPool, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QSplitter

from hakam.desk import tasks
from hakam.desk.actions import ACTIONS, ActionTable, parse_overrides, schema_actions
from hakam.desk.article import ArticleView
from hakam.desk.help_overlay import HelpOverlay
from hakam.desk.i18n import fmt
from hakam.desk.index import ItemKey
from hakam.desk.popup import show_item_menu
from hakam.desk.queue import QueuePanel
from hakam.desk.review import Reviewer
from hakam.desk.session import Session
from hakam.desk.side_panel import SidePanel
from hakam.desk.tools import Tools
from hakam.desk.worker import TaskState, run_task
from hakam.store import TODO, Change, Store

_RESIZE_ACTIONS = ("grow-end", "shrink-end", "grow-start", "shrink-start")


class MainWindow(QMainWindow):
    def __init__(self, store: Store, language: str = "en"):
        super().__init__()
        self.store, self.language = store, language
        self.setObjectName("hakam-desk")
        self.session = Session(store, self)
        self.article = ArticleView(self.session)
        self.reviewer = Reviewer(self.session, self.article)
        self.queue = QueuePanel(store)
        self.side = SidePanel(self.session, self.reviewer, language)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget, stretch in ((self.queue, 0), (self.article, 1), (self.side, 0)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        splitter.setSizes([230, 760, 330])
        self.setCentralWidget(splitter)

        self.progress_label = QLabel(objectName="progress-label")
        self.task_bar = QProgressBar(objectName="task-progress", maximumWidth=220, textVisible=True)
        self.task_bar.hide()
        self.statusBar().addPermanentWidget(self.task_bar)
        self.statusBar().addPermanentWidget(self.progress_label)
        self._task: TaskState | None = None
        self._status_timer = QTimer(self, singleShot=True, interval=150)
        self._status_timer.timeout.connect(self.update_status)

        specs = ACTIONS + schema_actions(store.schema, language)
        self.action_table = ActionTable(
            self, self.article, specs, self._handlers(), parse_overrides(store.settings.get("desk.shortcuts"))
        )
        self.action_table.fill_menus(self.menuBar())
        self.help = HelpOverlay(self, self.action_table)
        self.tools = Tools(self)

        self.queue.documentChosen.connect(self.open_document)
        self.article.itemClicked.connect(self._popup)
        self.session.decided.connect(self._on_decided)
        self.session.message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.session.focusChanged.connect(self._on_focus)
        self.session.opened.connect(self._on_opened)
        self.side.itemChosen.connect(self.article.setFocus)
        self._on_focus(None, None)
        self.queue.refresh()
        self.update_status()
        self.resize(1320, 820)

    # -- the action table's handlers ------------------------------------------------------
    def _handlers(self) -> dict[str, Callable[[str], Any]]:
        r = self.reviewer
        simple: dict[str, Callable[[], Any]] = {
            "import": self.import_files, "export": self.export_file, "annotator": self.ask_annotator,
            "suggest": self.suggest_current, "suggest-all": self.suggest_all, "quit": self.close,
            "next": lambda: self.session.step(+1), "previous": lambda: self.session.step(-1),
            "next-item": lambda: self.session.step(+1, pending_only=False),
            "previous-item": lambda: self.session.step(-1, pending_only=False),
            "select-word": lambda: self.article.select_words(+1), "unselect-word": lambda: self.article.select_words(-1),
            "next-argument": lambda: self.session.step_argument(+1),
            "previous-argument": lambda: self.session.step_argument(-1),
            "focus-entities": lambda: self.side.focus_list(self.side.entities),
            "focus-events": lambda: self.side.focus_list(self.side.events),
            "accept": r.accept, "reject": r.reject, "delete": r.delete, "clear-focus": self._clear_focus,
            "grow-end": lambda: r.resize("end", True), "shrink-end": lambda: r.resize("end", False),
            "grow-start": lambda: r.resize("start", True), "shrink-start": lambda: r.resize("start", False),
            "accept-all": r.accept_all, "reviewed": lambda: self._finish(r.mark_reviewed),
            "ignore": lambda: self._finish(r.ignore), "reopen": r.reopen, "undo": r.undo, "redo": r.redo,
            "next-document": lambda: self._neighbour(+1), "previous-document": lambda: self._neighbour(-1),
            "search": self._focus_search, "focus-article": self.article.setFocus,
            "zoom-in": lambda: self.article.zoom(+1), "zoom-out": lambda: self.article.zoom(-1),
            "zoom-reset": lambda: self.article.zoom(0), "help": lambda: self.help.toggle(),
            "dashboard": lambda: self.tools.toggle_dashboard(), "train": lambda: self.tools.train(),
            "preferences": lambda: self.tools.preferences(),
        }  # fmt: skip
        handlers: dict[str, Callable[[str], Any]] = {key: (lambda _id, f=fn: f()) for key, fn in simple.items()}
        handlers["label:"] = lambda action_id: r.label(action_id.split(":", 1)[1])
        handlers["event:"] = lambda action_id: r.event_type(action_id.split(":", 1)[1])
        handlers["role:"] = lambda action_id: r.set_argument(action_id.split(":", 1)[1])
        return handlers

    # -- documents ---------------------------------------------------------------------------
    def open_document(self, document_id: int) -> None:
        self.session.open_document(document_id)
        self.article.setFocus()

    def open_start(self, document_id: int | None = None) -> None:
        """Open ``document_id``, else where this annotator left off, else the first in the queue."""
        target = document_id or self.store.documents.last_opened()
        if target is None:
            ids = self.queue.ids() or self.store.documents.ids()
            target = ids[0] if ids else None
        if target is not None:
            self.open_document(target)

    def _on_opened(self) -> None:
        doc = self.session.doc
        if doc is not None:
            self.queue.mark_current(doc.id)
            self.setWindowTitle(fmt(self.tr("Hakam — %1"), doc.meta.get("title") or doc.ext_id))

    def _finish(self, call: Callable[[], Change | None]) -> None:
        """Mark the document (reviewed or ignored), then open the next one in the queue."""
        doc = self.session.doc
        if doc is None:
            return
        before = self.queue.ids()
        if call() is None:
            return
        self.queue.refresh()
        after = self.queue.ids()
        later = before[before.index(doc.id) + 1 :] if doc.id in before else []
        target = next((i for i in later if i in after), None) or next((i for i in after if i != doc.id), None)
        if target is None:
            self.statusBar().showMessage(self.tr("No more documents in this queue"), 6000)
        else:
            self.open_document(target)

    def _neighbour(self, step: int) -> None:
        if self.session.doc is not None:
            target = self.queue.neighbour(self.session.doc.id, step)
            if target is not None:
                self.open_document(target)

    def _on_decided(self, change: Change) -> None:
        if change.document_changed:
            self.queue.refresh()
        self._status_timer.start()

    def _on_focus(self, _old: ItemKey | None, new: ItemKey | None) -> None:
        # Without a focused highlight, Shift+arrows fall through to text selection.
        for action_id in _RESIZE_ACTIONS:
            self.action_table.actions[action_id].setEnabled(new is not None)

    def _clear_focus(self) -> None:
        self.article.clear_selection()
        self.session.set_focus(None)

    def _focus_search(self) -> None:
        self.queue.search.setFocus()
        self.queue.search.selectAll()

    def _popup(self, key: ItemKey, where: QPoint) -> None:
        show_item_menu(self, self.reviewer, key, where, self.language)

    # -- status bar ----------------------------------------------------------------------------
    def update_status(self) -> None:
        counts = self.store.stats.counts()
        self.progress_label.setText(
            fmt(self.tr("%1 of %2 reviewed · %3 decisions today · %4"), counts["reviewed"], counts["documents"],
                _decisions_today(self.store), self.store.annotator)
        )  # fmt: skip

    # -- annotator -------------------------------------------------------------------------------
    def ask_annotator(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Annotator"), self.tr("Your name, recorded on every decision:"),
                                        text=self.store.annotator)  # fmt: skip
        if ok and name.strip():
            self.store.set_annotator(name.strip())
            remember_annotator(name.strip())
            self.update_status()

    # -- background tasks ------------------------------------------------------------------------
    def run_background(self, title: str, fn: Callable[[TaskState], Any], on_done: Callable[[Any], None]) -> bool:
        if self._task is not None:
            self.statusBar().showMessage(self.tr("Please wait: another task is running"), 4000)
            return False
        self.task_bar.setFormat(f"{title} %v")
        self.task_bar.setRange(0, 0)
        self.task_bar.show()

        def progress(done: int, total: int, _text: str) -> None:
            self.task_bar.setRange(0, total)
            self.task_bar.setValue(done)

        def finished(result: Any) -> None:
            self._task = None
            self.task_bar.hide()
            on_done(result)

        def failed(error: BaseException) -> None:
            self._task = None
            self.task_bar.hide()
            box = QMessageBox(QMessageBox.Icon.Warning, title, describe_error(error), parent=self)
            box.setObjectName("task-error")
            box.setTextFormat(Qt.TextFormat.PlainText)  # file names and messages are never markup
            box.open()

        self._task = run_task(fn, finished, failed, progress)
        return True

    def suggest_current(self) -> None:
        if self.session.doc is not None:
            self._suggest([self.session.doc.id])

    def suggest_all(self) -> None:
        self._suggest(self.store.documents.ids(TODO))

    def _suggest(self, ids: list[int]) -> None:
        store = self.store

        def done(count: int) -> None:
            if self.session.doc is not None and self.session.doc.id in ids:
                self.session.reload()
            self.statusBar().showMessage(fmt(self.tr("Suggestions ready for %1 documents"), count), 6000)

        self.run_background(self.tr("Suggesting"), lambda state: tasks.suggest(store, ids, state), done)

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import documents"), "",
                                                self.tr("Documents (*.jsonl *.json *.txt);;All files (*)"))  # fmt: skip
        if not paths:
            return
        store = self.store

        def done(summary: dict[str, Any]) -> None:
            self.queue.refresh()
            self.update_status()
            if self.session.doc is None:
                self.open_start()
            count = summary.get("documents", 0)
            self.statusBar().showMessage(fmt(self.tr("Imported %1 documents"), count), 8000)

        self.run_background(
            self.tr("Importing"), lambda state: tasks.import_files(store, [Path(p) for p in paths], state), done
        )

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export reviewed documents"), "hakam-export.jsonl",
                                              self.tr("JSON Lines (*.jsonl)"))  # fmt: skip
        if not path:
            return
        store = self.store

        def done(count: int) -> None:
            self.statusBar().showMessage(fmt(self.tr("Exported %1 documents to %2"), count, path), 8000)

        self.run_background(
            self.tr("Exporting"), lambda state: tasks.export_file(store, Path(path), False, state), done
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.save_position()
        self._status_timer.stop()
        if self._task is not None:
            self._task.cancel()
        QThreadPool.globalInstance().waitForDone(3000)
        super().closeEvent(event)


def describe_error(error: BaseException) -> str:
    """A task failure in words: what went wrong and, for a bad input file, where."""
    path, line = getattr(error, "path", None), getattr(error, "line", None)
    if path is not None:
        where = fmt(QCoreApplication.translate("MainWindow", "%1, line %2"), path, line)
        return f"{where if line else path}\n\n{getattr(error, 'message', error)}"
    return str(error) or type(error).__name__


def remember_annotator(name: str) -> None:
    """The first name given becomes the preference, the default for new databases."""
    from dataclasses import replace

    from hakam import settings

    loaded = settings.load()
    if not loaded.settings.annotator:
        settings.save(replace(loaded.settings, annotator=name))


def _decisions_today(store: Store) -> int:
    midnight = dt.datetime.combine(dt.date.today(), dt.time()).timestamp()
    return store.decisions.count_since(midnight)
