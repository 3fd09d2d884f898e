"""Schema colours as text: one rule for the article, the legend and the lists, in
both themes (a schema colour drawn as text is darkened on light, lightened on dark)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette


def dark_theme(palette: QPalette | None = None) -> bool:
    """The theme can change while the desk runs: read it from the current palette."""
    return (palette or QGuiApplication.palette()).base().color().lightness() < 128


def text_color(color: str | QColor, dark: bool | None = None) -> QColor:
    """``color`` as readable text on the theme's base (contrast ≥ 4.5:1 for the shipped schema)."""
    base = QColor(color)
    return base.lighter(170) if (dark_theme() if dark is None else dark) else base.darker(120)
