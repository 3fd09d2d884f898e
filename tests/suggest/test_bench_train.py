"""``hakam bench train`` is the user's path: the commands a user runs give its figure."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from hakam.bench.train import run_bench
from hakam.cli import main
from hakam.io.formats.conll import conll_lines

from .synthetic import corpus


def _conll(docs) -> str:
    """Token lines of ``docs`` with no -DOCSTART- (as the ANERcorp splits are)."""
    return "\n".join(line for doc in docs for line in conll_lines(doc)) + "\n"


def test_bench_train_gives_the_figure_of_the_command_line_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """import --reviewed + train + import + suggest --store + export --suggestions + eval:
    the user's commands give the bench's figure."""
    train, test = tmp_path / "train.conll", tmp_path / "test.conll"
    train.write_text(_conll(corpus(12, 1, "a")), encoding="utf-8")  # 48 sentences: 3 documents of 20 or fewer
    test.write_text(_conll(corpus(6, 2, "b")), encoding="utf-8")
    result = run_bench(argparse.Namespace(train=train, test=test, format="conll", quiet=True))
    assert result["training_documents"] == 3 and result["sentences_per_doc"] == 20
    assert "no -DOCSTART-" in result["import_notes"][0]
    assert set(result["suggesters"]) == {"default", "rules", "crf"}
    db, pred = str(tmp_path / "user.sqlite"), tmp_path / "pred.jsonl"
    for command in (["import", str(train), "--format", "conll", "--reviewed", "--add-labels"], ["train"],
                    ["import", str(test), "--format", "conll", "--add-labels"], ["suggest", "--store"],
                    ["export", str(pred), "--all", "--suggestions"]):  # fmt: skip
        assert main(["--db", db, *command]) == 0
    assert "split into documents of 20 sentences" in capsys.readouterr().err
    assert main(["eval", str(pred), str(test), "--gold-format", "conll", "--map", "GPE=LOC", "--map", "FAC=LOC",
                 "--ignore", "MISC", "--only", "PERS", "--only", "ORG", "--only", "LOC"]) == 0  # fmt: skip
    scores = json.loads(capsys.readouterr().out)
    assert scores["tolerant"]["micro"] == result["tolerant"]["micro"] and scores["strict"] == result["strict"]
    assert result["micro_f1_tolerant"] >= max(r["micro_f1_tolerant"] for r in result["suggesters"].values()) - 1e-9


def test_bench_curve_in_both_orders_with_a_png(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from hakam.bench.curve import run_bench as run_curve

    train, test, png = tmp_path / "train.conll", tmp_path / "test.conll", tmp_path / "curve.png"
    train.write_text(_conll(corpus(40, 1, "a")), encoding="utf-8")  # 160 sentences: 8 documents
    test.write_text(_conll(corpus(6, 2, "b")), encoding="utf-8")
    result = run_curve(argparse.Namespace(train=train, test=test, sizes=[0, 2, 4, None], png=png, quiet=True))
    for order in ("import", "uncertain"):
        curve = result["curves"][order]
        assert [p["documents"] for p in curve] == [0, 2, 4, 8]
        assert curve[0]["policy"] is None and curve[-1]["f1_tolerant"] >= curve[0]["f1_tolerant"]
        assert set(curve[-1]["components"]) == {"rules", "crf"} and set(curve[0]["components"]) == {"rules"}
    assert result["curves"]["import"][0] == result["curves"]["uncertain"][0]  # the same cold start
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 600
