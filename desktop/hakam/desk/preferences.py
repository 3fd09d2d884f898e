"""The Preferences dialog (annotator name, interface language, article font size,
theme, database file) and applying the theme to the application.

The dialog edits a ``hakam.settings.Settings``; on OK it validates, saves the JSON
file and emits ``saved`` with the new settings. The database takes effect at the next
start; the window applies the font size and theme at once, and a new language by
rebuilding itself in that language (``Tools.relaunch``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyleFactory,
    QVBoxLayout,
    QWidget,
)

from hakam import settings as st
from hakam.desk.i18n import fmt


class PreferencesDialog(QDialog):
    saved = Signal(object)  # hakam.settings.Settings

    def __init__(self, current: st.Settings, parent: QWidget | None = None, path: Path | None = None,
                 in_use: Path | str | None = None):  # fmt: skip
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(480)
        self._current = current
        self._path = path
        self.annotator = QLineEdit(current.annotator)
        self.annotator.setMaxLength(64)
        self.annotator.setPlaceholderText(self.tr("your login name"))
        self.annotator.setToolTip(
            self.tr("Recorded on every decision. A database keeps the name it was first opened with.")
        )
        self.language = QComboBox()
        for code, title in (("system", self.tr("System language")), ("ar", "العربية"), ("en", "English")):
            self.language.addItem(title, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.font_size = QSpinBox()
        self.font_size.setRange(st.FONT_SIZES.start, st.FONT_SIZES.stop - 1)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setValue(current.font_size)
        self.theme = QComboBox()
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(current.theme)))
        self.suggest_after_import = QCheckBox(self.tr("&Suggest for imported documents (in the background)"))
        self.suggest_after_import.setChecked(current.suggest_after_import)
        self.database = QLineEdit(current.database)
        self.database.setPlaceholderText(str(st.Settings().database_path()))
        # The session may run on another file (--db, $HAKAM_DB): say which one is open.
        self.in_use = QLabel(str(in_use or current.database_path()), objectName="database-in-use")
        self.in_use.setTextFormat(Qt.TextFormat.PlainText)
        self.in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.in_use.setWordWrap(True)
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.clicked.connect(self._browse)
        database_row = QHBoxLayout()
        database_row.addWidget(self.database, 1)
        database_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self._label(self.tr("&Annotator name:"), self.annotator), self.annotator)
        form.addRow(self._label(self.tr("Interface &language:"), self.language), self.language)
        form.addRow(self._label(self.tr("Article &font size:"), self.font_size), self.font_size)
        form.addRow(self._label(self.tr("&Theme:"), self.theme), self.theme)
        form.addRow("", self.suggest_after_import)
        form.addRow(QLabel(self.tr("Database in use:")), self.in_use)  # no buddy: nothing to edit there
        form.addRow(self._label(self.tr("&Database (file or postgresql:// URL):"), self.database), database_row)
        self.note = QLabel(
            self.tr(
                "A new language rebuilds the window at once; the database file takes effect the next "
                "time Hakam starts (--db and $HAKAM_DB, when given, still come first)."
            )
        )
        self.note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #c92a2a")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.annotator.setFocus()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def edited(self) -> st.Settings:
        """The settings as shown (not validated)."""
        return replace(
            self._current,
            annotator=self.annotator.text().strip(),
            language=self.language.currentData(),
            font_size=self.font_size.value(),
            theme=self.theme.currentData(),
            database=self.database.text().strip(),
            suggest_after_import=self.suggest_after_import.isChecked(),
        )

    @Slot()
    def restore_defaults(self) -> None:
        defaults = st.Settings()
        self.annotator.setText(defaults.annotator)
        self.language.setCurrentIndex(self.language.findData(defaults.language))
        self.font_size.setValue(defaults.font_size)
        self.theme.setCurrentIndex(self.theme.findData(defaults.theme))
        self.database.setText(defaults.database)
        self.suggest_after_import.setChecked(defaults.suggest_after_import)

    @Slot()
    def _browse(self) -> None:
        start = self.database.text() or str(st.Settings().database_path())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Database file"), start, self.tr("Hakam databases (*.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )  # fmt: skip
        if path:
            self.database.setText(path)

    def accept(self) -> None:
        settings = self.edited()
        problems = settings.validate()
        if st.field_problem("database", settings.database):
            self.error.setText(self.tr("The database must be a file, not a folder."))
            self.database.setFocus()
        elif problems:
            self.error.setText(fmt(self.tr("Please correct: %1"), "; ".join(problems)))
        if problems:
            self.error.show()
            return
        try:
            st.save(settings, self._path)
        except OSError as error:
            self.error.setText(fmt(self.tr("Could not save the preferences: %1"), error))
            self.error.show()
            return
        self._current = settings
        self.saved.emit(settings)
        super().accept()


def apply_theme(app: QApplication, theme: str) -> None:
    """Fusion with a light or dark palette (the same on every platform)."""
    app.setStyle(QStyleFactory.create("Fusion"))
    if theme != "dark":
        app.setPalette(app.style().standardPalette())
        return
    palette = QPalette()
    role = QPalette.ColorRole
    for name, colour in (
        (role.Window, "#2b2d31"), (role.WindowText, "#e9ecef"), (role.Base, "#1e1f22"),
        (role.AlternateBase, "#2b2d31"), (role.ToolTipBase, "#1e1f22"), (role.ToolTipText, "#e9ecef"),
        (role.Text, "#e9ecef"), (role.Button, "#35373c"), (role.ButtonText, "#e9ecef"),
        (role.BrightText, "#ff6b6b"), (role.Link, "#74c0fc"), (role.Highlight, "#1971c2"),
        (role.HighlightedText, "#ffffff"), (role.PlaceholderText, "#868e96"),
    ):  # fmt: skip
        palette.setColor(name, QColor(colour))
    for name in (role.Text, role.ButtonText, role.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, name, QColor("#868e96"))
    app.setPalette(palette)
