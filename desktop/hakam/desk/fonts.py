"""The shipped Arabic font (Noto Naskh Arabic, OFL; see resources/fonts/README.md)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from hakam.resources import resource_path

ARTICLE_FAMILY = "Noto Naskh Arabic"
DEFAULT_POINT_SIZE = 18  # hakam.settings.Settings.font_size
_FILES = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")
_loaded: list[str] = []


def load_fonts() -> list[str]:
    """Register the shipped fonts once; returns the families Qt found in them."""
    if not _loaded:
        for name in _FILES:
            path = resource_path("fonts", name)
            font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
            if font_id >= 0:
                _loaded.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in _loaded)
    return _loaded


def article_font(point_size: int = DEFAULT_POINT_SIZE) -> QFont:
    font = QFont(ARTICLE_FAMILY if ARTICLE_FAMILY in load_fonts() else "", point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
