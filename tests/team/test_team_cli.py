"""The team commands in order on one SQLite file: import, assign, review apart, agreement,
curate, export by layer; and reviewed work from other tools landing in its layers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hakam.cli import main
from hakam.core.model import Span
from hakam.store import REVIEWED, Store

TEXTS = ["قصفت الطائرات مدينة دمشق أمس", "وقالت وزارة الدفاع إن حلب آمنة", "اشتباكات في ريف إدلب اليوم"]


def hakam(db: Path, *args: str, annotator: str = "lead") -> int:
    return main(["--db", str(db), "--annotator", annotator, *args])


def out_json(capsys) -> object:
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    source = tmp_path / "articles.jsonl"
    spans = [{"start": 20, "end": 24, "label": "GPE"}, {"start": 25, "end": 28, "label": "DATE"}]
    source.write_text("".join(json.dumps({"id": f"a{i}", "text": t, "spans": spans if i == 0 else []},
                                         ensure_ascii=False) + "\n" for i, t in enumerate(TEXTS)), encoding="utf-8")  # fmt: skip
    path = tmp_path / "team.sqlite"
    assert hakam(path, "import", str(source)) == 0
    return path


def test_assign_deals_each_document_to_k_annotators_and_team_list_counts(db: Path, capsys) -> None:
    assert hakam(db, "team", "add", "amal") == 0  # team mode first, as the README orders it
    assert hakam(db, "team", "add", "rana", "--curator") == 0
    assert "gui --curate" in capsys.readouterr().out
    assert hakam(db, "assign", "--documents", "حلب", "--annotators", "amal,badr", "--per-document", "1") == 0
    assert "dealt 1 documents" in capsys.readouterr().out
    assert hakam(db, "assign", "--annotators", "amal,badr,omar", "--per-document", "2", "--seed", "4") == 0
    assert "dealt 2 documents, 2 annotators each" in capsys.readouterr().out
    assert hakam(db, "team", "list", "--json") == 0
    rows = {r["name"]: (r["assigned"], r["pending"], r["curator"]) for r in out_json(capsys)}
    # One of amal and badr already had the حلب document: the dealing evened the loads out.
    assert rows == {"amal": (2, 2, False), "badr": (2, 2, False), "omar": (1, 1, False), "rana": (0, 0, True)}
    assert hakam(db, "assign", "--annotators", "amal,badr,omar") == 0  # nothing left to deal
    assert "dealt 0 documents" in capsys.readouterr().out
    assert hakam(db, "assign", "--to", "zaid", "--ids", "a1,a2") == 0
    assert hakam(db, "assign", "--to", "zaid", "--ids", "nope") == 1
    assert "no document nope" in capsys.readouterr().err
    assert hakam(db, "assign", "--annotators", "amal", "--per-document", "2") == 1
    assert "between 1 and the number of annotators (1)" in capsys.readouterr().err


def test_review_apart_then_agreement_curation_and_export_by_layer(db: Path, tmp_path: Path, capsys) -> None:
    assert hakam(db, "assign", "--to", "amal", "--ids", "a0") == 0
    assert hakam(db, "assign", "--to", "badr", "--ids", "a0") == 0
    capsys.readouterr()
    for name, keep in (("amal", {"GPE", "DATE"}), ("badr", {"GPE"})):
        store = Store(db, annotator=name)
        (doc,) = store.team.assigned(name)
        for span in store.items.spans(doc):
            (store.decisions.accept if span.label in keep else store.decisions.reject)(span.id)
        store.decisions.mark_reviewed(doc)
        store.close()
    assert Store(db).documents.by_ext_id("a0").status == REVIEWED
    assert hakam(db, "agreement", "--json") == 0
    (pair,) = out_json(capsys)["pairs"]
    # amal: دمشق GPE (4 units) and أمس DATE (3); badr: دمشق GPE only → the 3 units of أمس differ.
    units = sum(not c.isspace() for c in TEXTS[0])
    assert pair["kappa"]["units"] == units and pair["kappa"]["agreed"] == units - 3
    assert pair["spans"] == {"f1": pytest.approx(2 / 3, abs=1e-6), "both": 1, "only_a": 1, "only_b": 0}
    assert hakam(db, "curate", "--premerge", "unanimous", "--json") == 0
    (difference,) = out_json(capsys)
    assert difference["readings"] == [{"annotators": ["amal"], "items": [{"start": 25, "end": 28, "label": "DATE"}]},
                                      {"annotators": ["badr"], "items": []}]  # fmt: skip
    out = tmp_path / "curated.jsonl"
    assert hakam(db, "export", str(out), "--format", "prodigy") == 0  # default: the curated layer
    (task,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert task["_annotator_id"] == "curated" and [(s["start"], s["label"]) for s in task["spans"]] == [(20, "GPE")]
    assert hakam(db, "export", str(out), "--format", "prodigy", "--layer", "all") == 0
    tasks = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(t["_annotator_id"], len(t["spans"])) for t in tasks] == [("amal", 2), ("badr", 1), ("curated", 1)]
    curated = Store(db, annotator="lead")
    assert curated.items.accepted(curated.documents.by_ext_id("a0"), "curated")[1] == {(20, 24, "GPE"): "amal, badr"}


def test_reviewed_work_of_another_annotator_on_a_stored_text_joins_as_their_layer(db: Path, tmp_path: Path,
                                                                                capsys) -> None:  # fmt: skip
    mine = tmp_path / "mine.jsonl"
    mine.write_text(json.dumps({"text": TEXTS[1], "spans": [{"start": 22, "end": 25, "label": "GPE"}],
                                "answer": "accept"}, ensure_ascii=False) + "\n", encoding="utf-8")  # fmt: skip
    assert hakam(db, "import", str(mine), "--reviewed", annotator="amal") == 0
    assert hakam(db, "import", str(mine), "--reviewed", annotator="amal") == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["duplicates"] == 1  # the same person again
    theirs = tmp_path / "theirs.jsonl"
    theirs.write_text("".join(json.dumps({"text": TEXTS[1], "spans": spans, "answer": "accept", "_annotator_id": who},
                                         ensure_ascii=False) + "\n"
                              for who, spans in (("badr", []), ("omar", [{"start": 6, "end": 18, "label": "ORG"}]))),
                      encoding="utf-8")  # fmt: skip
    assert hakam(db, "import", str(theirs), "--reviewed") == 0
    assert json.loads(capsys.readouterr().out)["layers"] == 2
    store = Store(db)
    view = store.documents.by_ext_id("a1")
    layers = {name: [s.key for s in store.items.accepted(view, name)[0].spans] for name in ("amal", "badr", "omar")}
    assert layers == {"amal": [(22, 25, "GPE")], "badr": [], "omar": [(6, 18, "ORG")]}
    assert store.team.enabled and store.documents.get(view.id).status == REVIEWED


def test_label_studio_task_with_two_annotators_lands_in_two_layers(tmp_path: Path, capsys) -> None:
    text = TEXTS[0]
    regions = [{"id": "r", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": 20, "end": 24, "text": "دمشق", "labels": ["GPE"]}}]  # fmt: skip
    studio = tmp_path / "studio.json"
    studio.write_text(json.dumps([{"data": {"text": text}, "annotations": [
        {"result": regions, "completed_by": {"first_name": "amal"}},
        {"result": [], "completed_by": {"first_name": "badr"}}]}], ensure_ascii=False), encoding="utf-8")  # fmt: skip
    db = tmp_path / "studio.sqlite"
    assert hakam(db, "import", str(studio)) == 0
    assert json.loads(capsys.readouterr().out)["layers"] == 2
    assert hakam(db, "agreement", "--json") == 0
    (pair,) = out_json(capsys)["pairs"]
    assert (pair["annotators"], pair["spans"]["only_a"], pair["spans"]["both"]) == (["amal", "badr"], 1, 0)
    store = Store(db)
    assert [s.key for s in store.items.accepted(next(store.documents.each()), "amal")[0].spans] == [
        Span(20, 24, "GPE").key
    ]
