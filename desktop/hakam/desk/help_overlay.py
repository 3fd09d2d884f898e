"""F1 / ? help: every action and its keys, read from the action table."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hakam.desk.actions import MENUS, ActionTable, ltr, spec_text


class HelpOverlay(QWidget):
    def __init__(self, parent: QWidget, table: ActionTable):
        super().__init__(parent)
        self.setObjectName("help-overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        title = QLabel(self.tr("Keyboard (F1, ? or Esc to close)"))
        title.setStyleSheet("color: white; font-size: 16pt; font-weight: bold;")
        self.table = QTableWidget(0, 3, objectName="help-table")
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        menu_titles = {key: QCoreApplication.translate("Menus", text).replace("&", "") for key, text in MENUS}
        for spec in table.specs:
            keys = table.keys_text(spec.id)
            if not keys:
                continue
            row = self.table.rowCount()
            self.table.insertRow(row)
            # Keys read left to right even in the Arabic UI (a first-strong isolate keeps "Ctrl+," whole).
            for column, text in enumerate((menu_titles[spec.menu], spec_text(spec), ltr(keys))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        note = QLabel(
            self.tr(
                "Arrows follow the right-to-left text: Shift+← grows the focused highlight to the left, "
                "Ctrl+Shift+→ grows it to the right. To mark new text: W selects the word at the caret, "
                "each W adds the next word, Shift+W drops one; then a digit gives the label."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: white;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        parent.installEventFilter(self)
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
            return
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1, Qt.Key.Key_Question):
            self.hide()
            return
        super().keyPressEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), QColor(20, 24, 28, 215))
