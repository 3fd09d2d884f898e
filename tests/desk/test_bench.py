"""``hakam bench desk`` runs end to end (small sizes here; the figures come from the full run)."""

from __future__ import annotations

import argparse

from hakam.bench.desk import TARGETS_MS, make_article, run_bench


def test_article_generator_offsets():
    text, spans = make_article(3000, 300)
    assert len(text.split()) >= 3000 and len(spans) == 300
    assert all(text[s.start : s.end].strip() == text[s.start : s.end] != "" for s in spans)


def test_run_bench_small(qapp):
    result = run_bench(argparse.Namespace(words=2000, suggestions=200, accepts=20, large_documents=40))
    assert set(TARGETS_MS) <= set(result)
    assert result["accepts_measured"] == result["accepted_in_db"] == 20
    assert result["open_first_paint_ms"] > 0 and result["cold_start_ms"] > 0
    large = result["large"]
    # 20 reviewed (20 accepts and a review each), then the 20 timed accepts
    assert large["documents"] == 40 and large["decisions"] == 20 * 21 + 20
    assert large["accepts_measured"] == 20 and large["dashboard_figures_ms"] >= large["dashboard_open_ms"] > 0
