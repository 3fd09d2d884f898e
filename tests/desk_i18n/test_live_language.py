"""Issue 15, item 11: choosing another language in Preferences rebuilds the window at once
in that language (mirrored), on the same document, with nothing lost."""

from __future__ import annotations

import os

import pytest
import shiboken6

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ARABIC = range(0x0600, 0x0700)


def test_language_switch_rebuilds_the_window(qapp, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from hakam import settings
    from hakam.core.model import Document
    from hakam.desk import i18n
    from hakam.desk.app import build_window
    from hakam.desk.preferences import PreferencesDialog
    from hakam.store import Store

    monkeypatch.setenv("HAKAM_CONFIG", str(tmp_path / "config"))
    monkeypatch.delenv("HAKAM_LANG", raising=False)
    settings.save(settings.Settings(language="en", annotator="amal"))
    store = Store(tmp_path / "db.sqlite", annotator="amal")
    store.settings.set("annotator", "amal")
    first = store.documents.add(Document("قصفت طائرات حربية مدينة حلب.", "d1"))
    store.documents.add(Document("اشتباكات في ريف إدلب.", "d2"))
    try:
        window = build_window(store, first, ask_annotator=False)
        window.show()
        qtbot.waitExposed(window)
        assert i18n.current_language() == "en" and not window.isRightToLeft()
        window.tools.preferences()
        dialog = window.findChild(PreferencesDialog)
        dialog.language.setCurrentIndex(dialog.language.findData("ar"))
        dialog.accept()
        qtbot.waitUntil(lambda: not window.isVisible())
        window.deleteLater()
        fresh = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "hakam-desk" and w.isVisible())
        assert i18n.current_language() == "ar" and fresh.isRightToLeft()
        assert fresh.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert fresh.session.doc is not None and fresh.session.doc.id == first
        if "hakam_ar.qm" in i18n.installed_catalogs():  # built by `make test` (translations → resources)
            titles = [a.text() for a in fresh.menuBar().actions()]
            assert all(any(ord(c) in ARABIC for c in t) for t in titles), titles
        else:
            pytest.skip("the Arabic catalog is not compiled (run make translations)")
        fresh.close()
        qtbot.waitUntil(lambda: not shiboken6.isValid(fresh))  # a rebuilt window is deleted when it closes
    finally:
        i18n.install(qapp, "en")
        store.close()
