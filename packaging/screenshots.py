"""Render the README screenshots offscreen into packaging/screenshots/.

    .venv/bin/python packaging/screenshots.py            all of them
    .venv/bin/python packaging/screenshots.py NAME…      some (light dark arabic arguments dashboard)

A fresh database in a temporary folder gets the sample articles and the default
suggester's suggestions; four are reviewed so the dashboard has figures. Each
picture is rendered in its own process (the interface language is per process).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "packaging" / "screenshots"
SHOTS = {  # name: (file, language, theme)
    "light": ("desk.png", "en", "light"),
    "dark": ("desk-dark.png", "en", "dark"),
    "arabic": ("desk-ar.png", "ar", "light"),
    "arguments": ("desk-arguments.png", "en", "light"),
    "dashboard": ("desk-dashboard.png", "en", "light"),
}
SAMPLE = "sample-03"  # an attack in Kirkuk: an event with several arguments


def build(db: Path) -> None:
    from hakam.io.samples import add_samples
    from hakam.store import Store
    from hakam.suggest.training import refresh_suggestions, suggester_for_store

    store = Store(db, annotator="amal")
    store.settings.set("annotator", "amal")
    ids = add_samples(store)
    refresh_suggestions(store, suggester_for_store(store), ids)
    for doc in ids[5:9]:
        store.decisions.accept_all(doc)
        store.decisions.mark_reviewed(doc)
    store.close()


def render(db: Path, name: str) -> None:
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    from hakam import settings
    from hakam.desk.app import build_window
    from hakam.store import Store

    file, _language, theme = SHOTS[name]
    settings.save(replace(settings.Settings(), theme=theme, annotator="amal"))
    store = Store(db)
    window = build_window(store, store.documents.by_ext_id(SAMPLE).id, ask_annotator=False)
    window.resize(1400, 860)
    window.show()
    session = window.session
    event = max(session.events.values(), key=lambda e: len(e.arguments))
    session.set_focus(("event", event.id))
    if name == "arguments":
        window.article.zoom(+4)
        session.step_argument(+1)
    if name == "dashboard":
        window.tools.toggle_dashboard()
        while window.tools.dashboard.summary is None:
            QApplication.processEvents()
    for _ in range(5):
        QApplication.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / file), "PNG")
    window.close()
    store.close()


def main(argv: list[str]) -> int:
    if argv[:1] == ["--render"]:
        render(Path(argv[1]), argv[2])
        return 0
    names = argv or list(SHOTS)
    with tempfile.TemporaryDirectory(prefix="hakam-shots-") as folder:
        db = Path(folder) / "shots.sqlite"
        build(db)
        for name in names:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HAKAM_LANG=SHOTS[name][1],
                       HAKAM_CONFIG=str(Path(folder) / f"config-{name}"))  # fmt: skip
            subprocess.run([sys.executable, __file__, "--render", str(db), name], check=True, env=env)
            print(OUT / SHOTS[name][0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
