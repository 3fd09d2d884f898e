"""The Preferences dialog, driven by the keyboard, saves what was typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from hakam import settings as st
from hakam.desk.preferences import PreferencesDialog, apply_theme


def dialog(qtbot: QtBot, current: st.Settings) -> PreferencesDialog:
    widget = PreferencesDialog(current)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_every_field_has_its_own_mnemonic(qtbot: QtBot) -> None:
    widget = dialog(qtbot, st.Settings())
    labels = [label for label in widget.findChildren(QLabel) if label.buddy() is not None]
    keys = [QKeySequence.mnemonic(label.text()).toString() for label in labels]
    assert {label.buddy() for label in labels} == {widget.annotator, widget.language, widget.font_size,
                                                   widget.theme, widget.database}  # fmt: skip
    assert all(keys) and len(set(keys)) == len(keys)


def test_keyboard_edit_is_saved(qtbot: QtBot, tmp_path: Path) -> None:
    widget = dialog(qtbot, st.Settings())
    qtbot.keyClicks(widget.annotator, "amal")  # QTest types ASCII only
    qtbot.keyClick(widget.language, Qt.Key.Key_Down)  # System -> العربية
    widget.font_size.selectAll()
    qtbot.keyClicks(widget.font_size, "22")
    qtbot.keyClick(widget.theme, Qt.Key.Key_Down)
    qtbot.keyClicks(widget.database, str(tmp_path / "team.sqlite"))
    with qtbot.waitSignal(widget.saved) as saved:
        qtbot.keyClick(widget.database, Qt.Key.Key_Return)
    expected = st.Settings(
        annotator="amal", language="ar", font_size=22, theme="dark", database=str(tmp_path / "team.sqlite")
    )
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
