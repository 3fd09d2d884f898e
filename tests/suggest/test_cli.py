"""``hakam suggest`` on files and on the database, ``hakam train``."""

from __future__ import annotations

import orjson
import pytest

from hakam.cli import main

ARTICLE = "قتل ثلاثة مدنيين أمس الثلاثاء في غارات جوية على مدينة أريحا جنوب إدلب، وفق الدفاع المدني السوري.\n"


def test_suggest_a_text_file(tmp_path, capsys):
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["suggest", str(source), "-o", str(out), "--model", "rules"]) == 0
    record = orjson.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert record["id"] == "article" and record["text"] == ARTICLE
    assert {"label": "GPE", "text": "أريحا"}.items() <= next(s for s in record["spans"] if s["text"] == "أريحا").items()
    assert all(s["source"].startswith("rules@") and 0 < s["score"] <= 1 for s in record["spans"])
    strike = next(e for e in record["events"] if e["type"] == "AIRSTRIKE")
    assert strike["trigger"]["text"] == "غارات" and strike["attributes"]["fatalities"] == 3
    assert any(a["role"] == "PLACE" and a["text"] == "أريحا" for a in strike["arguments"])


def test_suggest_jsonl_to_stdout(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(orjson.dumps({"id": "x1", "text": ARTICLE, "meta": {"date": "2024-10-16"}}).decode() + "\n")
    assert main(["suggest", str(source)]) == 0
    record = orjson.loads(capsys.readouterr().out.splitlines()[0])
    date = next(s for s in record["spans"] if s["label"] == "DATE")
    assert date["text"] == "أمس الثلاثاء"
    killing = next(e for e in record["events"] if e["type"] == "KILLING")
    assert killing["attributes"]["date"] == "2024-10-15"


def test_suggest_needs_inputs_or_store(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "x.sqlite"), "suggest"]) == 1
    assert "give input files" in capsys.readouterr().err


def test_store_fill_and_train(tmp_path, capsys):
    from hakam.core.model import Document
    from hakam.store import Store

    from .synthetic import corpus

    db = tmp_path / "db.sqlite"
    store = Store(db, annotator="t")
    for doc in corpus(8, 9, "a"):
        store.items.add_reviewed(store.documents.add(Document(doc.text, doc.id, doc.meta)), doc)
    store.documents.add(Document(ARTICLE, "todo-1"))
    store.close()
    assert main(["--db", str(db), "train"]) == 0
    report = orjson.loads(capsys.readouterr().out)
    assert report["train_documents"] == 8 and report["active"] and "crf" in report["scores"]
    assert main(["--db", str(db), "suggest", "--store"]) == 0
    assert "suggested on 1 documents" in capsys.readouterr().err
    store = Store(db)
    todo = store.documents.find(status="todo")[0]
    assert todo.uncertainty is not None and store.items.spans(todo.id)
    store.close()


def test_unknown_model(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert main(["suggest", str(source), "--model", "nope"]) == 1
    assert "unknown suggester" in capsys.readouterr().err


@pytest.mark.parametrize("bench", ["store", "suggest", "desk", "train"])
def test_bench_subcommands_are_listed(bench, capsys):
    with pytest.raises(SystemExit):
        main(["bench", bench, "--help"])
    assert "usage: hakam bench" in capsys.readouterr().out
