"""The window renders: a PNG of the right size with a painted article; cold start without torch."""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtGui import QColor, QImage

from hakam.desk.app import screenshot


def _inked(image: QImage, rect, background: QColor) -> int:
    """Pixels inside ``rect`` that differ from ``background``."""
    count = 0
    for y in range(rect.top(), rect.bottom(), 2):
        for x in range(rect.left(), rect.right(), 2):
            if image.pixelColor(x, y) != background:
                count += 1
    return count


def test_screenshot_png(window, tmp_path):
    out = tmp_path / "desk.png"
    screenshot(window, out)
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (window.width(), window.height())
    viewport = window.article.viewport()
    rect = viewport.rect().translated(viewport.mapTo(window, viewport.rect().topLeft()))
    background = image.pixelColor(rect.left() + 3, rect.bottom() - 3)
    sampled = (rect.width() // 2) * (rect.height() // 2)
    assert _inked(image, rect, background) > sampled * 0.02  # text and highlights, not a blank page


SCRIPT = """
import json, sys, time
start = time.perf_counter()
from hakam.cli import main
code = main(["--db", sys.argv[1], "gui", "--screenshot", sys.argv[2]])
print(json.dumps({"code": code, "seconds": time.perf_counter() - start,
                  "torch": "torch" in sys.modules, "transformers": "transformers" in sys.modules}))
"""


def test_cold_start_cli_without_torch(db_path, tmp_path):
    out = tmp_path / "cli.png"
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(db_path), str(out)], capture_output=True, text=True,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HAKAM_LANG": "en",
                               "HAKAM_CONFIG": str(tmp_path / "config")}, check=True)  # fmt: skip
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0 and out.stat().st_size > 10_000
    assert not result["torch"] and not result["transformers"]
