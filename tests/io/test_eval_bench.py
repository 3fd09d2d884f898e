"""``hakam eval``, ``hakam bench train`` on a tiny corpus, and auto-detection through the CLI."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from hakam.bench.train import is_unseen, name_key, run_bench
from hakam.cli import main

GOLD = "-DOCSTART- O\n\nقال O\nبشار B-PERS\nالأسد I-PERS\nفي O\nوإسرائيل B-LOC\nو O\nالسوق B-MISC\n"


def test_eval_strict_and_tolerant(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.conll"
    gold.write_text(GOLD, encoding="utf-8")
    text = "قال بشار الأسد في وإسرائيل و السوق"
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"text": text, "spans": [
        {"start": 4, "end": 14, "label": "PERS"}, {"start": 19, "end": 26, "label": "GPE"},
        {"start": 29, "end": 34, "label": "ORG"}]}, ensure_ascii=False) + "\n", encoding="utf-8")  # fmt: skip
    assert main(["eval", str(pred), str(gold), "--map", "GPE=LOC", "--ignore", "MISC"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["strict"]["micro"]["tp"] == 1 and result["strict"]["LOC"]["fp"] == 1
    assert result["tolerant"]["micro"] == {**result["tolerant"]["micro"], "tp": 2, "fp": 0, "fn": 0, "f1": 1.0}


def test_unseen_names_in_the_bench(tmp_path: Path) -> None:
    train, test = tmp_path / "train.conll", tmp_path / "test.conll"
    train.write_text("زار O\nبشار B-PERS\nالأسد I-PERS\nدمشق B-LOC\n\n", encoding="utf-8")
    test.write_text("قال O\nبشار B-PERS\nالأسد I-PERS\nفي O\nوإسرائيل B-LOC\n", encoding="utf-8")
    result = run_bench(argparse.Namespace(train=train, test=test, format="conll", quiet=True))
    assert result["training_documents"] == 1 and result["test_words"] == 5 and result["peak_rss_mb"] > 0
    # بشار الأسد was a training span, (و)إسرائيل was not
    assert result["unseen_names"]["share"] == 0.5


def test_sentences_per_doc_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    for value in ("0", "-3", "x"):
        with pytest.raises(SystemExit):
            main(["import", "a.conll", "--sentences-per-doc", value])
        assert "give 1 or more" in capsys.readouterr().err


def test_auto_detection_of_folders_through_the_cli(new_db, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("خبر عن حلب", encoding="utf-8")
    brat = tmp_path / "brat"
    brat.mkdir()
    (brat / "b.txt").write_text("خبر عن دمشق", encoding="utf-8")
    (brat / "b.ann").write_text("T1\tGPE 7 11\tدمشق\n", encoding="utf-8")
    db = new_db("db")
    assert main(["--db", str(db), "import", str(texts), str(brat), "--reviewed"]) == 0
    captured = capsys.readouterr()
    assert "texts: read as text" in captured.err and "brat: read as brat" in captured.err
    assert json.loads(captured.out)["spans"] == 1
    out = tmp_path / "out.conll"
    assert main(["--db", str(db), "export", str(out), "--format", "conll"]) == 0
    assert "دمشق B-GPE" in out.read_text(encoding="utf-8")


def test_a_test_name_with_a_proclitic_counts_as_seen_when_its_stem_was_trained() -> None:
    seen = {name_key(n) for n in ("إسرائيل", "الأمم المتحدة", "بغداد")}
    assert not is_unseen("وإسرائيل", seen) and not is_unseen("للأمم المتحدة", seen)
    assert not is_unseen("ولبغداد", seen) and not is_unseen("بغداد", seen)
    assert is_unseen("وإسرائيلي", seen) and is_unseen("الأمم", seen)
