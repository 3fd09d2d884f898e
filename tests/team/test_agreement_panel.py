"""The dashboard's agreement panel in team mode: the pair table and per-label bars, read off
the GUI thread, with the same figures as ``hakam agreement``."""

from __future__ import annotations

from pathlib import Path

from hakam.core.model import Document, Span
from hakam.store import Store

TEXT = "قصفت الطائرات مدينة دمشق أمس"


def test_the_panel_shows_each_pair_and_agreement_by_label(tmp_path: Path, qtbot) -> None:
    from hakam.desk.dashboard import Dashboard

    db = tmp_path / "team.sqlite"
    lead = Store(db, annotator="lead")
    doc = lead.documents.add(Document(TEXT, "d1"))
    lead.suggestions.replace(doc, [Span(20, 24, "GPE"), Span(25, 28, "DATE")])
    lead.team.assign({doc: ["amal", "badr"]})
    for name, keep in (("amal", {"GPE", "DATE"}), ("badr", {"GPE"})):
        store = Store(db, annotator=name)
        for span in store.items.spans(doc):
            (store.decisions.accept if span.label in keep else store.decisions.reject)(span.id)
        store.decisions.mark_reviewed(doc)
    dashboard = Dashboard(Store(db, annotator="lead"))
    qtbot.addWidget(dashboard)
    dashboard.show()
    panel = dashboard.agreement
    assert panel is not None
    qtbot.waitUntil(lambda: panel.pairs.rowCount() == 1, timeout=10_000)
    cells = [panel.pairs.item(0, column).text() for column in range(6)]
    # 24 units; amal: GPE 4 + DATE 3, badr: GPE 4 → agreed 21, chance (17·20 + 4·4) / 24².
    units, expected = 24, (17 * 20 + 4 * 4) / 24**2
    kappa = (21 / units - expected) / (1 - expected)
    assert cells == ["amal", "badr", "1", f"{kappa:.3f}", f"{2 / 3:.3f}", "–"]
    assert "Krippendorff's α" in panel.summary.text()


def test_no_panel_for_one_person(tmp_path: Path, qtbot) -> None:
    from hakam.desk.dashboard import Dashboard

    dashboard = Dashboard(Store(tmp_path / "solo.sqlite", annotator="amal"))
    qtbot.addWidget(dashboard)
    assert dashboard.agreement is None
