"""The window's tools beyond review: dashboard dock, training dialog, preferences.

Each is built on first use, so pyqtgraph and the trainer cost nothing at start-up.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget

from hakam import settings
from hakam.desk import i18n

if TYPE_CHECKING:
    from hakam.desk.dashboard import Dashboard
    from hakam.desk.window import MainWindow


class Tools(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.dock: QDockWidget | None = None
        self.dashboard: Dashboard | None = None

    def toggle_dashboard(self) -> None:
        if self.dock is None:
            from hakam.desk.dashboard import Dashboard

            self.dashboard = Dashboard(self.window.store)
            self.dock = QDockWidget(self.tr("Dashboard"), self.window, objectName="dashboard-dock")
            self.dock.setWidget(self.dashboard)
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
            # A usable height from the start: half the window, and never less than the dashboard's minimum.
            height = max(self.dashboard.minimumHeight() + 40, self.window.height() // 2)
            QTimer.singleShot(0, lambda: self.window.resizeDocks([self.dock], [height], Qt.Orientation.Vertical))
            self.window.session.decided.connect(self.dashboard.refresh)
            return
        self.dock.setVisible(not self.dock.isVisible())

    def train(self) -> None:
        from hakam.desk.training import TrainingDialog

        dialog = TrainingDialog(self.window.store, parent=self.window)
        dialog.suggestionsRefreshed.connect(self._suggestions_refreshed)
        if self.dashboard is not None:
            dialog.modelActivated.connect(self.dashboard.refresh)
        dialog.open()

    def _suggestions_refreshed(self, _ids: list[int]) -> None:
        self.window.queue.refresh()
        self.window.session.reload()

    def preferences(self) -> None:
        from hakam.desk.preferences import PreferencesDialog

        dialog = PreferencesDialog(settings.load().settings, self.window, in_use=self.window.store.name)
        dialog.saved.connect(self._apply)
        dialog.open()

    def _apply(self, chosen: settings.Settings) -> None:
        from hakam.desk.preferences import apply_theme

        apply_theme(QApplication.instance(), chosen.theme)
        self.window.side.legend.restyle()
        self.window.article.highlighter.rehighlight()  # trigger colours differ in the dark theme
        self.window.article.set_point_size(chosen.font_size)
        if chosen.annotator and chosen.annotator != self.window.store.annotator:
            self.window.store.set_annotator(chosen.annotator)
            self.window.update_status(full=True)
        if i18n.resolve(os.environ.get("HAKAM_LANG") or chosen.language) != i18n.current_language():
            QTimer.singleShot(0, self.relaunch)  # after the dialog has closed

    def relaunch(self) -> None:
        """A new interface language, at once: the window is built again in that language
        (catalogs, mirrored layout) on the same document and position, and the old one closes."""
        from hakam.desk.app import build_window

        old = self.window
        old.session.save_position()
        doc = old.session.doc.id if old.session.doc else None
        fresh = build_window(old.store, doc, ask_annotator=False, order=old.queue.order.currentData())
        fresh.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # nothing holds it: closing deletes it
        _keep(fresh)
        fresh.resize(old.size())
        fresh.show()
        old.close()  # deleted too when it was itself a rebuilt window


_windows: list[QObject] = []  # a rebuilt window has no other owner until it closes


def _keep(window: QObject) -> None:
    _windows.append(window)
    window.destroyed.connect(lambda: _windows.remove(window) if window in _windows else None)
