"""The main window: queue, article and side panel, menus from the action table,
status bar, and the background tasks (suggest, import, export)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QThreadPool, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QInputDialog, QLabel, QMainWindow, QMessageBox, QSplitter

from hakam.desk.actions import ACTIONS, ActionTable, parse_overrides, schema_actions
from hakam.desk.article import ArticleView
from hakam.desk.file_work import FileWork
from hakam.desk.help_overlay import HelpOverlay
from hakam.desk.i18n import fmt
from hakam.desk.index import ItemKey
from hakam.desk.popup import show_item_menu
from hakam.desk.queue import QueuePanel
from hakam.desk.review import Reviewer
from hakam.desk.session import Session
from hakam.desk.side_panel import SidePanel
from hakam.desk.tools import Tools
from hakam.store import REVIEWED, Change, Store

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
        self.work = FileWork(self)
        self.statusBar().addPermanentWidget(self.work.bar)
        self.statusBar().addPermanentWidget(self.progress_label)
        self._statuses: dict[str, int] | None = None  # documents by status
        self._today: int | None = None  # decision rows since midnight
        self._day = dt.date.today()
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
            "import": self.work.import_files, "import-folder": self.work.import_folder,
            "load-samples": self.work.load_samples, "check-database": self.work.check_database, "export": self.work.export_file, "annotator": self.ask_annotator,
            "suggest": self.work.suggest_current, "suggest-all": self.work.suggest_all, "quit": self.close,
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
        after = self.queue.ids()  # the queue row was updated on the decision
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
        """Only what the change touched: one queue row, the status counts (no full recount)."""
        if change.document_changed:
            self.queue.update_document(change.document_id)
            self._statuses = None
        if self._today is not None:
            self._today += len(change.span_ids) + len(change.event_ids) + change.document_changed  # one row a step
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
    def update_status(self, full: bool = False) -> None:
        """Reviewed and total documents, decisions today: counted once, then kept up to date
        from each ``Change`` (a document's status change recounts statuses, a cheap query)."""
        if full or self._statuses is None:
            self._statuses = self.store.documents.count_by_status()
        if full or self._today is None or self._day != dt.date.today():
            self._day, self._today = dt.date.today(), _decisions_today(self.store)
        reviewed, documents = self._statuses.get(REVIEWED, 0), sum(self._statuses.values())
        self.progress_label.setText(
            fmt(self.tr("%1 of %2 reviewed · %3 decisions today · %4"), reviewed, documents, self._today,
                self.store.annotator)
        )  # fmt: skip

    # -- annotator -------------------------------------------------------------------------------
    def ask_annotator(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Annotator"), self.tr("Your name, recorded on every decision:"),
                                        text=self.store.annotator)  # fmt: skip
        if ok and name.strip():
            self.store.set_annotator(name.strip())
            remember_annotator(name.strip())
            self.update_status(full=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.waiting:
            self.session.retry()  # one more try before asking
        if self.session.waiting and not self._quit_losing_waiting():
            event.ignore()
            return
        self.session.save_position()
        self._status_timer.stop()
        self.work.cancel()
        QThreadPool.globalInstance().waitForDone(3000)
        self.work.mark_closed()
        super().closeEvent(event)

    def _quit_losing_waiting(self) -> bool:
        """Ask before closing with decisions the database has not taken yet (default: stay)."""
        answer = QMessageBox.warning(
            self,
            self.tr("Decisions not saved yet"),
            self.tr("The database is still unavailable: %1 decisions are not saved yet. Hakam keeps "
                    "retrying while it stays open. Quit anyway and lose them?").replace(
                "%1", str(len(self.session.waiting))
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes


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
