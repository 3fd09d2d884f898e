"""Issue 15, items 7 and 12: the dark theme switched on while the desk runs recolours
the lists, legend and triggers; Preferences shows the database in use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from hakam.desk.colors import text_color
from hakam.desk.preferences import PreferencesDialog
from hakam.store import ACCEPTED

from .keys import CTRL, focus_text, press

K = Qt.Key


def _luminance(color: QColor) -> float:
    def channel(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_event_colour_reads_on_both_themes(store):
    for item in store.schema.events.values():
        assert contrast(text_color(item.color, dark=False), QColor("#ffffff")) >= 3, item.name
        assert contrast(text_color(item.color, dark=True), QColor("#1e1f22")) >= 3, item.name


def test_dark_theme_at_run_time_and_database_in_use(window, store, qtbot):
    focus_text(qtbot, window, "حلب")
    city = window.session.focus[1]
    press(qtbot, window.article, K.Key_Return)
    assert store.items.span(city).status == ACCEPTED
    press(qtbot, window.article, K.Key_Comma, modifier=CTRL)
    dialog = window.findChild(PreferencesDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()  # as the window manager does; offscreen Qt leaves it to us
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.in_use.text() == str(store.path)
    dialog.theme.setFocus()
    press(qtbot, dialog.theme, K.Key_Down)  # Light -> Dark
    with qtbot.waitSignal(dialog.saved):
        press(qtbot, dialog.database, K.Key_Return)
    base = QApplication.palette().base().color()
    assert base.lightness() < 128
    entities = window.side.entities
    qtbot.waitUntil(lambda: entities.palette().base().color() == base)  # the palette reaches the widgets
    row = entities.rows[city]
    assert row.data(Qt.ItemDataRole.ForegroundRole) is None  # drawn in the palette's (light) text colour
    text = window.side.entities.palette().text().color()
    assert contrast(text, base) > 7
    chip = next(c for c, _color, trigger in window.side.legend.chips if trigger)
    assert text_color(store.schema.events["AIRSTRIKE"].color, dark=True).name() in chip.styleSheet()
    block = window.article.document().firstBlock()
    ranges = block.layout().formats()
    foreground = next(QColor(r.format.foreground().color()) for r in ranges if r.start == 0)
    assert contrast(foreground, base) >= 3  # the trigger قصفت, redrawn for the dark theme
