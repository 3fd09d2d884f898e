"""Starting the desk: application, fonts, translation, layout direction, window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from hakam import settings
from hakam.desk import i18n
from hakam.desk.fonts import load_fonts
from hakam.desk.window import MainWindow
from hakam.store import Store


def language_preference() -> str:
    """``$HAKAM_LANG`` (``ar``, ``en``), else the preference in settings.json, else ``system``."""
    override = os.environ.get("HAKAM_LANG")
    if override:
        return override
    return settings.load().settings.language


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Hakam")
    app.setOrganizationName("Hakam")
    load_fonts()
    return app


def build_window(
    store: Store, document: int | None = None, ask_annotator: bool = True, order: str = "import"
) -> MainWindow:
    """The window on ``store``, showing ``document`` or where the annotator left off."""
    from hakam.desk.preferences import apply_theme

    app = application()
    language = i18n.install(app, language_preference())  # also mirrors the layout for Arabic
    apply_theme(app, settings.load().settings.theme)
    window = MainWindow(store, language)
    window.queue.set_order(order)
    if ask_annotator and store.settings.get("annotator") is None:
        window.ask_annotator()
    window.open_start(document)
    window.work.mark_open()  # checks the database when the last desk did not close properly
    return window


def screenshot(window: MainWindow, out: Path) -> None:
    """Show, paint and save the window as a PNG."""
    window.show()
    QApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out), "PNG"):
        raise OSError(f"cannot write {out}")


def run(store: Store, document: int | None = None, screenshot_to: Path | None = None, order: str = "import") -> int:
    window = build_window(store, document, ask_annotator=screenshot_to is None, order=order)
    if screenshot_to is not None:
        screenshot(window, screenshot_to)
        window.close()
        return 0
    window.show()
    return QApplication.exec()
