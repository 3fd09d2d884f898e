"""The Arabic catalog covers every string of the desk, and the Arabic UI is Arabic
and mirrored. Runs pyside6-lupdate/lrelease into temporary copies (never touches
translations/ or resources/)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
DESK = ROOT / "desktop" / "hakam" / "desk"
CATALOGS = ROOT / "translations"
BIN = Path(sys.executable).parent
ARABIC = range(0x0600, 0x0700)
# As in packaging/translations.sh (the action table's ``_T`` alias of QT_TRANSLATE_NOOP).
LUPDATE_FLAGS = ["-no-obsolete", "-locations", "none", "-source-language", "en",
                 "-tr-function-alias", "QT_TRANSLATE_NOOP+=_T"]  # fmt: skip


def tool(name: str) -> str:
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


def messages(ts: Path) -> dict[tuple[str, str], list[str | None]]:
    """(context, source) -> translations (one per numerus form); None = unfinished or empty."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform") if message.get("numerus") == "yes" else [translation]
            done = translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete")
            out[(name, message.findtext("source") or "")] = [f.text if done and f.text else None for f in forms]
    return out


def lupdate_copy(language: str, tmp_path: Path) -> Path:
    """The committed catalog updated from today's sources, in a temporary copy."""
    copy = tmp_path / f"hakam_{language}.ts"
    shutil.copy(CATALOGS / f"hakam_{language}.ts", copy)
    sources = sorted(str(p) for p in DESK.glob("*.py"))
    command = [tool("pyside6-lupdate"), *LUPDATE_FLAGS, "-target-language", language, *sources, "-ts", str(copy)]
    subprocess.run(command, check=True, capture_output=True)
    return copy


def test_arabic_catalog_is_complete_and_current(tmp_path: Path) -> None:
    committed = messages(CATALOGS / "hakam_ar.ts")
    current = messages(lupdate_copy("ar", tmp_path))
    missing = sorted(key for key, forms in current.items() if None in forms)
    assert not missing, f"{len(missing)} strings missing or unfinished in translations/hakam_ar.ts " \
                        f"(run `make translations` and translate them): {missing[:20]}"  # fmt: skip
    stale = sorted(set(committed) - set(current))
    assert not stale, f"translations/hakam_ar.ts has strings the desk no longer uses: {stale[:20]}"
    not_arabic = sorted(k for k, forms in current.items() if any(f and not any(ord(c) in ARABIC for c in f)
                                                                 for f in forms) and any(c.isalpha() for c in k[1]))  # fmt: skip
    allowed = {k for k in not_arabic if k[1].strip("%1 ·Δ").isupper() or k[1] in ("English",)}  # codes like F1
    assert set(not_arabic) <= allowed, f"translations without Arabic letters: {sorted(set(not_arabic) - allowed)}"


def test_english_catalog_lists_every_string(tmp_path: Path) -> None:
    assert set(messages(lupdate_copy("en", tmp_path))) == set(messages(CATALOGS / "hakam_en.ts"))


def test_action_table_strings_are_in_the_catalog() -> None:
    """Strings marked with QT_TRANSLATE_NOOP under an alias are invisible to lupdate."""
    actions = pytest.importorskip("hakam.desk.actions")
    committed = messages(CATALOGS / "hakam_ar.ts")
    wanted = [("Actions", spec.text) for spec in actions.ACTIONS] + [("Menus", text) for _, text in actions.MENUS]
    missing = [key for key in wanted if key not in committed]
    assert not missing, f"{len(missing)} action/menu strings are not extracted by lupdate: {missing[:10]}"


@pytest.fixture
def arabic_qm(tmp_path: Path) -> Path:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(CATALOGS / "hakam_ar.ts"), "-qm",
                    str(tmp_path / "hakam_ar.qm")], check=True)  # fmt: skip
    return tmp_path


def test_arabic_ui_has_arabic_menus_and_is_mirrored(
    qapp,
    arabic_qm: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from hakam.desk import i18n
    from hakam.store import Store

    window_module = pytest.importorskip(
        "hakam.desk.window", reason="the main window (hakam.desk.window) is not built yet"
    )
    monkeypatch.delenv("HAKAM_LANG", raising=False)
    try:
        assert i18n.install(qapp, "ar", folder=arabic_qm) == "ar"
        assert set(i18n.installed_catalogs()) == {"hakam_ar.qm", "qtbase_ar.qm"}
        store = Store(tmp_path / "ar.sqlite", annotator="amal")
        window = window_module.MainWindow(store, "ar")
        window.show()
        titles = [action.text() for action in window.menuBar().actions()]
        assert titles and all(any(ord(c) in ARABIC for c in title) for title in titles), titles
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft and window.isRightToLeft()
        assert window.menuBar().isRightToLeft()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # Qt's own catalog
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel).text()
        assert any(ord(c) in ARABIC for c in cancel), cancel
        window.close()
        store.close()
    finally:
        i18n.install(qapp, "en", folder=arabic_qm)
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_language_preference_overrides_the_system(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    from hakam.desk import i18n

    monkeypatch.setenv("HAKAM_LANG", "ar")
    try:
        assert i18n.install(qapp, "en") == "ar" and i18n.is_rtl()
    finally:
        monkeypatch.delenv("HAKAM_LANG")
        assert i18n.install(qapp, "en") == "en"

    assert i18n.resolve("ar") == "ar" and i18n.resolve("en") == "en"
    assert i18n.resolve("system") == i18n.resolve("fr") == i18n.system_language()
    assert i18n.is_rtl("ar") and not i18n.is_rtl("en")


def _visual_order(text: str, font) -> list[str]:
    """The characters of ``text`` left to right, as Qt lays it out in a right-to-left paragraph."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextLayout, QTextOption

    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()

    def x(index: int) -> float:
        value = line.cursorToX(index)
        return float(value[0] if isinstance(value, tuple) else value)

    shown = [(min(x(i), x(i + 1)), c) for i, c in enumerate(text) if c.isprintable() and c != "\u200e"]
    return [c for _, c in sorted(shown)]


def test_shortcuts_read_left_to_right_in_the_arabic_menus(
    qapp,
    arabic_qm: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hakam.desk import i18n
    from hakam.desk.window import MainWindow
    from hakam.store import Store

    monkeypatch.delenv("HAKAM_LANG", raising=False)
    try:
        i18n.install(qapp, "ar", folder=arabic_qm)
        store = Store(tmp_path / "ar.sqlite", annotator="amal")
        window = MainWindow(store, "ar")
        text = window.action_table.actions["preferences"].text()
        title, keys = text.split("\t")
        assert any(ord(c) in ARABIC for c in title)
        font = window.menuBar().font()
        assert "".join(_visual_order(keys, font)) == "Ctrl+,"
        assert "".join(_visual_order("Ctrl+,", font)) != "Ctrl+,"  # what the menu showed before: "+,Ctrl"
        window.close()
        store.close()
    finally:
        i18n.install(qapp, "en", folder=arabic_qm)
