"""``hakam agreement FILE…``: agreement straight from exports, on records shaped like real
team exports (Prodigy ``db-out`` without ``_annotator_id``, one file per annotator; Label
Studio with several annotations per task)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hakam.cli import main
from hakam.io.layers import read_layers

# Two 4-letter words and one of 5, separated by single spaces: 13 units.
TEXT = "دمشق حلبا بيروت"
OTHER = "عمان القدس"


def prodigy(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def task(text: str, spans: list[tuple[int, int, str]], answer: str = "accept", **extra) -> dict:
    return {"text": text, "spans": [{"start": s, "end": e, "label": lbl} for s, e, lbl in spans],
            "_input_hash": 1, "_task_hash": 2, "_view_id": "ner_manual", "answer": answer, **extra}  # fmt: skip


@pytest.fixture
def exports(tmp_path: Path) -> tuple[Path, Path]:
    ana = prodigy(tmp_path / "ana.jsonl", task(TEXT, [(0, 4, "GPE"), (5, 9, "GPE")]),
                  task(OTHER, [(0, 4, "GPE")], "reject"))  # fmt: skip
    omar = prodigy(tmp_path / "omar.jsonl", task(TEXT, [(0, 4, "GPE"), (10, 15, "GPE")]), task(OTHER, []))
    return ana, omar


def test_each_file_is_an_annotator_and_rejected_records_are_not_reviewed(exports, capsys) -> None:
    read = read_layers(exports)
    assert (read.records, read.not_reviewed) == (4, 1)
    by_text = {d.text: d for d in read.documents}
    assert set(by_text[TEXT].layers) == {"ana", "omar"} and set(by_text[OTHER].layers) == {"omar"}
    assert main(["agreement", "--json", *map(str, exports)]) == 0
    result = json.loads(capsys.readouterr().out)
    (pair,) = result["pairs"]
    # 13 units (ana, omar): دمشق 4×(GPE, GPE), حلبا 4×(GPE, O), بيروت 5×(O, GPE).
    # agreed 4; ana GPE 8 O 5, omar GPE 9 O 4 → expected (8·9 + 5·4) / 169.
    expected = (8 * 9 + 5 * 4) / 169
    assert pair["documents"] == 1 and pair["kappa"]["units"] == 13 and pair["kappa"]["agreed"] == 4
    assert pair["kappa"]["kappa"] == pytest.approx((4 / 13 - expected) / (1 - expected), abs=1e-6)
    assert pair["spans"] == {"f1": 0.5, "both": 1, "only_a": 1, "only_b": 1}
    assert result["alpha"]["units"] == 13  # two annotators: alpha over the same document


def test_annotator_ids_in_one_file_and_label_studio_annotations_become_layers(tmp_path: Path, capsys) -> None:
    both = prodigy(tmp_path / "session.jsonl", task(TEXT, [(0, 4, "GPE")], _annotator_id="ana"),
                   task(TEXT, [(0, 4, "LOC")], _annotator_id="omar"))  # fmt: skip
    studio = tmp_path / "studio.json"
    regions = [{"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": 5, "end": 9, "text": "حلبا", "labels": ["GPE"]}}]  # fmt: skip
    studio.write_text(json.dumps([{"data": {"text": TEXT}, "annotations": [
        {"result": regions, "completed_by": {"first_name": "ana"}},
        {"result": [], "completed_by": {"first_name": "badr"}}]}], ensure_ascii=False), encoding="utf-8")  # fmt: skip
    read = read_layers([both])
    assert {n: [s.label for s in layer.spans] for n, layer in read.documents[0].layers.items()} == \
        {"ana": ["GPE"], "omar": ["LOC"]}  # fmt: skip
    studio_layers = read_layers([studio]).documents[0].layers
    # badr reviewed the task and marked nothing: an empty layer, which agreement counts.
    assert {n: [s.key for s in layer.spans] for n, layer in studio_layers.items()} == \
        {"ana": [(5, 9, "GPE")], "badr": []}  # fmt: skip


def test_unknown_annotator_and_single_annotator_are_clear_errors(exports, capsys) -> None:
    assert main(["agreement", *map(str, exports), "--annotators", "ana,zaid"]) == 1
    assert "no reviewed document by zaid; annotators found: ana, omar" in capsys.readouterr().err
    assert main(["agreement", str(exports[0])]) == 1
    assert "at least two annotators" in capsys.readouterr().err
