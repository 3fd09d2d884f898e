"""The legend: each entity label and event type in its colour, with its key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from hakam.core.schema import Schema
from hakam.desk.colors import text_color

_COLUMNS = 3


def _style(color: str, trigger: bool) -> str:
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    style = (
        f"border-bottom: 2px solid {color}; color: {text_color(color).name()};"
        if trigger
        else f"background: rgba({red}, {green}, {blue}, 80);"
    )
    return f"QLabel {{ {style} padding: 1px 4px; border-radius: 3px; }}"


class Legend(QWidget):
    def __init__(self, schema: Schema, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("legend")
        grid = QGridLayout(self)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setSpacing(3)
        entries = [(i, False, i.key) for i in schema.entities.values()]
        entries += [(i, True, f"E {i.key.upper()}" if i.key else "") for i in schema.events.values()]
        self.chips: list[tuple[QLabel, str, bool]] = []
        for n, (item, trigger, key) in enumerate(entries):
            chip = QLabel(f"{item.title(language)}  {key}".strip(), textFormat=Qt.TextFormat.PlainText)
            chip.setToolTip(item.name)
            grid.addWidget(chip, n // _COLUMNS, n % _COLUMNS)
            self.chips.append((chip, item.color, trigger))
        self.restyle()
        hint = QLabel(
            self.tr(
                "Dotted underline: suggested · solid tint: accepted · coloured text: event trigger · "
                "box with a role tag: argument of the selected event"
            )
        )
        hint.setObjectName("legend-hint")
        hint.setWordWrap(True)
        grid.addWidget(hint, len(entries) // _COLUMNS + 1, 0, 1, _COLUMNS)

    def restyle(self) -> None:
        """Colours for the current theme (called again when the theme changes)."""
        for chip, color, trigger in self.chips:
            chip.setStyleSheet(_style(color, trigger))
