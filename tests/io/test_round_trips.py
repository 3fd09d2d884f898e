"""Hakam → format → Hakam through the store and the CLI, for every export format.

What each format cannot hold is said per format; everything else must survive.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.io.interop_helpers import TEXT, event_texts, sample_document, span_texts

from hakam.cli import main
from hakam.io.jsonl import document_to_record

HOLDS_EVENTS = {"hakam": True, "prodigy": True, "brat": True, "doccano": False, "labelstudio": False, "conll": False}


def _hakam_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("fmt", sorted(HOLDS_EVENTS))
def test_round_trip_through_the_store(new_db, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    record = document_to_record(sample_document())
    record.update(answer="accept", annotator="mona")
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    first, second = new_db("a"), new_db("b")
    assert main(["--db", str(first), "import", str(source), "--add-labels"]) == 0
    out = tmp_path / (
        "out" if fmt == "brat" else f"out.{ {'conll': 'conll', 'labelstudio': 'json'}.get(fmt, 'jsonl') }"
    )
    assert main(["--db", str(first), "export", str(out), "--format", fmt]) == 0
    assert main(["--db", str(second), "import", str(out), "--reviewed", "--add-labels"]) == 0
    assert f"read as {fmt}" in capsys.readouterr().err
    back = tmp_path / "back.jsonl"
    assert main(["--db", str(second), "export", str(back)]) == 0
    (doc,) = _hakam_lines(back)
    expected = sample_document()
    if fmt != "conll":  # CoNLL rebuilds the text from tokens
        assert doc["text"] == TEXT
    assert sorted((s["label"], s["text"]) for s in doc["spans"]) == span_texts(TEXT, expected.spans)
    got_events = sorted((e["type"], e["trigger"]["text"], tuple(sorted((a["role"], a["text"]) for a in e["arguments"])))
                        for e in doc["events"])  # fmt: skip
    assert got_events == (event_texts(TEXT, expected.events) if HOLDS_EVENTS[fmt] else [])


def test_map_and_unknown_labels_for_a_foreign_format(
    new_db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.conll"
    path.write_text("زار O\nبشار B-PER\nدمشق B-CITY\n", encoding="utf-8")
    db = new_db("db")
    assert main(["--db", str(db), "import", str(path)]) == 1
    error = capsys.readouterr().err
    assert (
        "unknown label" in error
        and "label CITY (1 record)" in error
        and "label PER (1 record)" in error
        and "a.conll:1:" in error
    )
    table = tmp_path / "map.toml"
    table.write_text('CITY = "GPE"\n', encoding="utf-8")
    assert main(["--db", str(db), "import", str(path), "--map", "PER=PERS", "--map", str(table), "--reviewed"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["spans"], summary["mapped"]) == (2, 2)
