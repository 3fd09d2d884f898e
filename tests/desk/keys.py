"""Pressing keys on the desk the way a reviewer does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, widget: QWidget, *keys: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    for key in keys:
        qtbot.keyClick(widget, key, modifier)


def focused_text(window) -> str:
    session = window.session
    return session.text_of(session.focus) if session.focus else ""


def focus_text(qtbot, window, text: str) -> None:
    """Press J until the highlight on ``text`` is focused."""
    for _ in range(30):
        if focused_text(window) == text:
            return
        qtbot.keyClick(window.article, Qt.Key.Key_J)
    raise AssertionError(f"no suggestion on {text!r}")
