"""``hakam bench team``: a short load run (two annotators, two processes) loses nothing, and
the figures are there; a database that already holds documents is refused."""

from __future__ import annotations

import json
from pathlib import Path

from hakam.cli import main
from hakam.core.model import Document
from hakam.store import Store


def test_a_short_team_load_commits_and_loses_nothing(tmp_path: Path, capsys) -> None:
    db = tmp_path / "bench.sqlite"
    args = ["bench", "team", "--db", str(db), "--annotators", "2", "--seconds", "2", "--rate", "0",
            "--documents", "30", "--words", "40", "--runs", "1"]  # fmt: skip
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["load"]["decisions_committed"] > 0 and result["load"]["decisions_lost"] == 0
    assert result["load"]["errors"] == 0 and result["agreement"]["documents"] == 30
    store = Store(db)
    assert len(store.decisions.log()) >= result["load"]["decisions_committed"]
    assert {m.name for m in store.team.members()} == {"bench_a01", "bench_a02"}


def test_the_load_run_refuses_a_database_with_documents(tmp_path: Path, capsys) -> None:
    db = tmp_path / "mine.sqlite"
    Store(db).documents.add(Document("نص موجود", "mine"))
    assert main(["bench", "team", "--db", str(db), "--annotators", "2", "--seconds", "1"]) == 1
    assert "already holds documents" in capsys.readouterr().err
