"""The Preferences dialog, driven by the keyboard, saves what was typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hakam import settings as st
from hakam.desk.preferences import PreferencesDialog, apply_theme


def dialog(qtbot: QtBot, current: st.Settings) -> PreferencesDialog:
    widget = PreferencesDialog(current)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_keyboard_edit_is_saved(qtbot: QtBot, tmp_path: Path) -> None:
    widget = dialog(qtbot, st.Settings())
    assert widget.focusWidget() is widget.annotator
    qtbot.keyClicks(widget.annotator, "أمل")
    qtbot.keyClick(widget, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # Interface &language
    assert widget.language.hasFocus()
    qtbot.keyClick(widget.language, Qt.Key.Key_Down)  # System -> العربية
    qtbot.keyClick(widget, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # Article &font size
    widget.font_size.selectAll()
    qtbot.keyClicks(widget.font_size, "22")
    widget.theme.setFocus()
    qtbot.keyClick(widget.theme, Qt.Key.Key_Down)
    widget.database.setFocus()
    qtbot.keyClicks(widget.database, str(tmp_path / "team.sqlite"))
    with qtbot.waitSignal(widget.saved) as saved:
        qtbot.keyClick(widget.database, Qt.Key.Key_Return)
    expected = st.Settings(annotator="أمل", language="ar", font_size=22, theme="dark", database=str(tmp_path / "team.sqlite"))
    assert saved.args == [expected] and st.load().settings == expected
    assert not widget.isVisible()


def test_a_folder_is_refused_as_database(qtbot: QtBot, tmp_path: Path) -> None:
    widget = dialog(qtbot, st.Settings())
    widget.database.setText(str(tmp_path))
    widget.buttons.accepted.emit()
    assert widget.isVisible() and not widget.error.isHidden()
    assert widget.error.text() == "The database must be a file, not a folder."
    assert not st.settings_path().exists()


def test_restore_defaults_keeps_unknown_keys(qtbot: QtBot) -> None:
    widget = dialog(qtbot, st.Settings(annotator="badr", theme="dark", font_size=30, extra={"later": 1}))
    widget.restore_defaults()
    assert widget.edited() == st.Settings() and widget.edited().extra == {"later": 1}


def test_dark_theme_changes_the_palette(qapp: QApplication) -> None:
    apply_theme(qapp, "dark")
    dark = qapp.palette().color(QPalette.ColorRole.Base).lightness()
    apply_theme(qapp, "light")
    assert dark < 60 < qapp.palette().color(QPalette.ColorRole.Base).lightness()
