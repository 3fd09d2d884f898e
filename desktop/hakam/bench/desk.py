"""``hakam bench desk``: how fast the desk opens, repaints after a decision, and starts.

Offscreen, on a generated 20,000-word Arabic article with 2,000 suggestions:
open + first paint, accept → repaint (median and p95 over real Return presses),
and the cold start of ``hakam gui --screenshot`` in a fresh process.

Then on a large database (``large``): 10,000 documents built as ``hakam bench store``
builds them, 1,500 of them reviewed with every suggestion accepted (31,500 decision
rows): accept → repaint there, and opening the dashboard (F9 → dock painted; the
figures are read on the background helper and drawn when they arrive, timed apart).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from hakam.core.model import Document, Span

TARGETS_MS = {"open_first_paint_ms": 300, "accept_repaint_p50_ms": 16, "cold_start_ms": 1500}
LARGE_TARGETS_MS = {"accept_repaint_p50_ms": 16, "dashboard_open_ms": 300}
_WORDS = ("قال", "مصدر", "في", "مدينة", "الجيش", "قوات", "غارة", "على", "منطقة", "أمس", "مقتل", "مدنيين",
          "وأضاف", "أن", "الاشتباكات", "استمرت", "حتى", "ساعات", "الصباح", "بين", "الفصائل", "المسلحة",
          "والقوات", "الحكومية", "بحسب", "المرصد", "السوري", "لحقوق", "الإنسان", "2024", "٣", "UN")  # fmt: skip
_NAMES = (("حلب", "GPE"), ("إدلب", "GPE"), ("الأمم المتحدة", "ORG"), ("نهر الفرات", "LOC"),
          ("مطار المزة", "FAC"), ("الثلاثاء", "DATE"), ("فولكر تورك", "PERS"))  # fmt: skip


def make_article(words: int, suggestions: int, seed: int = 7) -> tuple[str, list[Span]]:
    """An Arabic article of about ``words`` words in paragraphs, and suggested spans on its names."""
    rng = random.Random(seed)
    every = max(words // max(suggestions, 1), 2)
    parts: list[str] = []
    spans: list[Span] = []
    length = 0
    for n in range(words):
        if n and n % 120 == 0:
            parts.append("\n\n")
            length += 2
        elif n:
            parts.append(" ")
            length += 1
        if n % every == every // 2 and len(spans) < suggestions:
            name, label = rng.choice(_NAMES)
            spans.append(Span(length, length + len(name), label, round(rng.uniform(0.2, 0.99), 2), "bench@1"))
            word = name
        else:
            word = rng.choice(_WORDS)
        parts.append(word)
        length += len(word)
    return "".join(parts), spans


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _gui_timings(db: Path, big: int, small: int, accepts: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from hakam.desk.app import build_window
    from hakam.store import Store

    store = Store(db)
    window = build_window(store, small, ask_annotator=False)
    window.show()
    QApplication.processEvents()
    article = window.article
    start = time.perf_counter()
    window.open_document(big)
    article.viewport().repaint()
    open_ms = _ms(time.perf_counter() - start)
    QApplication.processEvents()
    times = _accept_times(window, accepts)
    accepted = sum(1 for s in store.items.spans(big) if s.status == "accepted")
    blocks = article.document().blockCount()
    window.close()
    store.close()
    return {
        "open_first_paint_ms": open_ms,
        "accept_repaint_p50_ms": _ms(statistics.median(times)) if times else None,
        "accept_repaint_p95_ms": _ms(times[int(len(times) * 0.95) - 1]) if times else None,
        "accepts_measured": len(times),
        "accepted_in_db": accepted,
        "blocks": blocks,
    }


def _accept_times(window: Any, accepts: int) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    times = []
    for _ in range(accepts):
        if window.session.focus is None:
            break
        start = time.perf_counter()
        QTest.keyClick(window.article, Qt.Key.Key_Return)
        window.article.viewport().repaint()
        times.append(time.perf_counter() - start)
        QApplication.processEvents()
    return sorted(times)


def build_large(folder: Path, documents: int, reviewed: int) -> Path:
    """The ``bench store`` database (``documents`` articles of 500 words, 20 suggestions each),
    ``reviewed`` of them with every suggestion accepted and marked reviewed."""
    from hakam.bench.store import write_jsonl
    from hakam.io.importer import import_paths
    from hakam.store import Store

    source = folder / "large.jsonl"
    write_jsonl(source, documents, 500, seed=1)
    store = Store(folder / "large.sqlite", annotator="bench")
    store.settings.set("annotator", "bench")
    import_paths(store, [source])
    for doc in store.documents.ids()[:reviewed]:
        store.decisions.accept_all(doc)
        store.decisions.mark_reviewed(doc)
    store.close()
    return folder / "large.sqlite"


def _large_timings(db: Path, accepts: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hakam.desk.app import build_window
    from hakam.store import TODO, Store

    store = Store(db)
    window = build_window(store, store.documents.ids(TODO)[0], ask_annotator=False)
    window.show()
    QApplication.processEvents()
    times = _accept_times(window, accepts)
    import pyqtgraph  # noqa: F401  (loaded once per process; timed apart below)

    start = time.perf_counter()
    QTest.keyClick(window.article, Qt.Key.Key_F9)
    window.tools.dock.repaint()
    open_ms = _ms(time.perf_counter() - start)
    dashboard = window.tools.dashboard
    while dashboard.summary is None and time.perf_counter() - start < 60:
        QApplication.processEvents()
        time.sleep(0.005)
    figures_ms = _ms(time.perf_counter() - start)
    counts = store.stats.counts()
    window.close()
    store.close()
    return {
        "documents": counts["documents"],
        "decisions": counts["decisions"],
        "accept_repaint_p50_ms": _ms(statistics.median(times)) if times else None,
        "accept_repaint_p95_ms": _ms(times[int(len(times) * 0.95) - 1]) if times else None,
        "accepts_measured": len(times),
        "dashboard_open_ms": open_ms,
        "dashboard_figures_ms": figures_ms,
    }


def _cold_start(db: Path, out: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "hakam", "--db", str(db), "gui", "--screenshot", str(out)],
                   check=True, env=env, capture_output=True)  # fmt: skip
    return _ms(time.perf_counter() - start)


def run_bench(args: argparse.Namespace) -> dict[str, Any]:
    """Measure the desk; ``args`` may set ``words``, ``suggestions``, ``accepts`` (defaults 20000, 2000, 200),
    and ``large_documents``/``large_reviewed`` for the large database (10000, 1500; 0 skips it)."""
    from hakam.store import Store

    words = getattr(args, "words", None) or 20_000
    suggestions = getattr(args, "suggestions", None) or 2_000
    accepts = getattr(args, "accepts", None) or 200
    with tempfile.TemporaryDirectory(prefix="hakam-bench-") as folder:
        db = Path(folder) / "bench.sqlite"
        text, spans = make_article(words, suggestions)
        store = Store(db, annotator="bench")
        store.settings.set("annotator", "bench")
        small = store.documents.add(Document("نص قصير لفتح النافذة.", "small"))
        big = store.documents.add(Document(text, "bench-article"))
        store.suggestions.replace(big, spans)
        store.close()
        result: dict[str, Any] = {"words": len(text.split()), "suggestions": len(spans)}
        result.update(_gui_timings(db, big, small, accepts))
        result["cold_start_ms"] = _cold_start(db, Path(folder) / "cold.png")
        large_documents = getattr(args, "large_documents", None)
        large_documents = 10_000 if large_documents is None else large_documents
        if large_documents:
            reviewed = getattr(args, "large_reviewed", None) or min(1_500, large_documents // 2)
            started = time.perf_counter()
            large = build_large(Path(folder), large_documents, reviewed)
            result["large"] = {"build_s": round(time.perf_counter() - started, 1)}
            result["large"].update(_large_timings(large, min(accepts, 50)))
            result["large"]["targets_ms"] = LARGE_TARGETS_MS
    result["targets_ms"] = TARGETS_MS
    result["ok"] = _met(result, TARGETS_MS) and ("large" not in result or _met(result["large"], LARGE_TARGETS_MS))
    return result


def _met(figures: dict[str, Any], targets: dict[str, float]) -> bool:
    return all(figures.get(k) is not None and figures[k] < v for k, v in targets.items())


def main() -> int:
    import orjson

    print(orjson.dumps(run_bench(argparse.Namespace()), option=orjson.OPT_INDENT_2).decode())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
