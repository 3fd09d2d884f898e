"""Regression: references to None/True/False must not drift while the desk repaints.

PySide6 6.12.0 on Python 3.11 drops references to None, True and False in
paintEvent, QSyntaxHighlighter.setFormat and signal emission; after a few thousand
repaints the count reaches zero and the interpreter crashes. pyproject.toml pins
PySide6-Essentials < 6.12 until that is fixed; this test guards the pin (run it on
any PySide6 upgrade).
"""

from __future__ import annotations

import sys

from hakam.desk.session import SPAN

ROUNDS = 5_000
NOISE = 100


def test_no_refcount_drift_over_repaints(window):
    session, article = window.session, window.article
    window.resize(700, 420)
    spans = [(SPAN, s.id) for s in sorted(session.spans.values(), key=lambda s: s.start)][:2]
    blocks = [article.document().findBlockByNumber(n) for n in range(article.document().blockCount())]

    def rounds(count: int) -> None:
        for n in range(count):
            session.set_focus(spans[n % 2])  # signals → rehighlightBlock on two blocks
            article.highlighter.rehighlightBlock(blocks[n % len(blocks)])
            article.viewport().repaint()  # paintEvent with the focus outline

    rounds(200)  # warm caches first
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    rounds(ROUNDS)
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    drift = [abs(a - b) for a, b in zip(after, before)]
    assert max(drift) < NOISE, f"refcount drift None/True/False: {drift}"
