"""Interface language: Hakam's own catalog plus Qt's (``qtbase_<lang>``), and the
layout direction of the whole application.

The language follows the system locale unless the preference names one;
``$HAKAM_LANG`` (``ar``/``en``) overrides both, for screenshots and tests. The
compiled catalogs (``hakam_<lang>.qm``, built by ``make translations`` from
``translations/*.ts``) live in the resources' ``translations`` folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from hakam.resources import resource_path

LANGUAGES = ("ar", "en")  # interface languages Hakam ships
RTL_LANGUAGES = frozenset({"ar"})
FALLBACK = "en"

# Installed translators, kept alive here (Qt does not own them) and removed on switch.
_installed: list[QTranslator] = []
_current = FALLBACK


_PLACEHOLDER = re.compile(r"%([1-9])")


def fmt(template: str, *values: object) -> str:
    """Fill ``%1``…``%9`` in a translated text in one pass (as ``QString.arg`` does),
    so a value that itself contains ``%2`` is never substituted again."""

    def value(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return str(values[n - 1]) if n <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


def qm_dir() -> Path:
    return resource_path("translations")


def qt_translations_dir() -> Path:
    """Qt's own catalogs: where QLibraryInfo says, else next to the PySide6 package
    (a frozen build keeps them in ``PySide6/Qt/translations``)."""
    configured = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if any(configured.glob("qtbase_*.qm")):
        return configured
    import PySide6

    return Path(PySide6.__file__).resolve().parent / "Qt" / "translations"


def system_language() -> str:
    """The first of the system's UI languages that Hakam ships, else English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return FALLBACK


def resolve(preference: str) -> str:
    """``system`` (or anything unknown) → the system's language; ``ar``/``en`` as is."""
    return preference if preference in LANGUAGES else system_language()


def current_language() -> str:
    return _current


def is_rtl(language: str | None = None) -> bool:
    return (language or _current) in RTL_LANGUAGES


def install(app: QCoreApplication, preference: str = "system", folder: Path | None = None) -> str:
    """Install the catalogs for the preferred language and mirror the layout for Arabic.
    Returns the language in use. Widgets created before the call keep their texts."""
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve(os.environ.get("HAKAM_LANG") or preference)
    sources = [(f"hakam_{language}", folder or qm_dir())]
    if language != FALLBACK:
        sources.append((f"qtbase_{language}", qt_translations_dir()))
    for name, where in sources:
        translator = QTranslator(app)
        if translator.load(name, str(where)) and app.installTranslator(translator):
            _installed.append(translator)
    _current = language
    if hasattr(app, "setLayoutDirection"):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if is_rtl(language) else Qt.LayoutDirection.LeftToRight)
    return language


def installed_catalogs() -> list[str]:
    """File names of the catalogs in use (for the About box and tests)."""
    return [Path(t.filePath()).name for t in _installed]
