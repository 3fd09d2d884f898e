"""Outputs appear whole or not at all, honour the umask, and leave no temporaries
behind, even after a kill (issue 16)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson
import pytest

from hakam.cli import main
from hakam.io.atomic import SUFFIX, atomic_file, atomic_folder, clean_stale
from hakam.suggest.crf import clean_stale_folders

TEXT = "زار بشار دمشق أمس."


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "db.sqlite"
    source = tmp_path / "in.jsonl"
    source.write_bytes(orjson.dumps({"id": "a", "text": TEXT, "answer": "accept",
                                     "spans": [{"start": 4, "end": 8, "label": "PERS"}]}) + b"\n")  # fmt: skip
    assert main(["--db", str(path), "import", str(source)]) == 0
    return path


def test_suggest_output_is_kept_whole_when_a_record_is_bad(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("the previous output\n", encoding="utf-8")
    source = tmp_path / "in.jsonl"
    source.write_bytes(orjson.dumps({"text": TEXT}) + b"\n" + b"{broken\n")
    assert main(["suggest", str(source), "-o", str(out)]) == 1
    assert "in.jsonl:2: bad JSON" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "the previous output\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(SUFFIX)] == []


def test_a_killed_suggest_leaves_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("the previous output\n", encoding="utf-8")
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"".join(orjson.dumps({"text": f"{TEXT} {n}"}) + b"\n" for n in range(3000)))
    child = subprocess.Popen([sys.executable, "-m", "hakam", "suggest", "--model", "rules", str(source), "-o", str(out)],
                             stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 120
    while not any(p.name.endswith(SUFFIX) for p in tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert out.read_text(encoding="utf-8") == "the previous output\n"
    stale = [p for p in tmp_path.iterdir() if p.name.endswith(SUFFIX)]
    assert stale, "the run was killed before it began to write"
    assert clean_stale(out) == stale and not any(p.name.endswith(SUFFIX) for p in tmp_path.iterdir())


def test_stale_temporaries_of_a_killed_export_are_removed_by_the_next_one(tmp_path: Path, db: Path) -> None:
    out = tmp_path / "out.jsonl"
    stale = tmp_path / f".out.jsonl.{_dead_pid()}.abc{SUFFIX}"
    stale.write_text("half an export", encoding="utf-8")
    alive = tmp_path / f".out.jsonl.{os.getppid()}.abc{SUFFIX}"  # a running process's: kept
    alive.write_text("in progress", encoding="utf-8")
    assert main(["--db", str(db), "export", str(out)]) == 0
    assert not stale.exists() and alive.exists() and out.exists()


def test_exports_honour_the_umask(tmp_path: Path, db: Path) -> None:
    previous = os.umask(0o022)
    try:
        assert main(["--db", str(db), "export", str(tmp_path / "a.jsonl")]) == 0
        os.umask(0o077)
        assert main(["--db", str(db), "export", str(tmp_path / "b.jsonl")]) == 0
        assert main(["--db", str(db), "export", "--format", "brat", str(tmp_path / "brat")]) == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a.jsonl").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "b.jsonl").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "brat").stat().st_mode) == 0o700


def test_a_failed_brat_export_leaves_no_partial_folder(tmp_path: Path) -> None:
    target = tmp_path / "brat"
    with pytest.raises(RuntimeError), atomic_folder(target) as folder:
        (folder / "a.txt").write_text("half", encoding="utf-8")
        raise RuntimeError("killed")
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_a_brat_export_into_a_folder_with_files_replaces_file_by_file(tmp_path: Path, db: Path) -> None:
    target = tmp_path / "brat"
    target.mkdir()
    (target / "notes.md").write_text("mine", encoding="utf-8")
    (target / "a.ann").write_text("old", encoding="utf-8")
    assert main(["--db", str(db), "export", "--format", "brat", str(target)]) == 0
    assert (target / "notes.md").read_text(encoding="utf-8") == "mine"
    assert "PERS" in (target / "a.ann").read_text(encoding="utf-8") and (target / "annotation.conf").exists()
    assert [p for p in tmp_path.iterdir() if p.name.endswith(SUFFIX)] == []


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "model.crf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    with atomic_file(target, binary=True) as out:
        out.write(b"new")
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_stale_training_folders_are_cleaned(tmp_path: Path) -> None:
    dead = tmp_path / f"hakam-crf-{_dead_pid()}-abc"
    live = tmp_path / f"hakam-crf-{os.getpid()}-abc"
    old_unnamed = tmp_path / "hakam-crf-xyz"
    new_unnamed = tmp_path / "hakam-crf-qrs"
    for folder in (dead, live, old_unnamed, new_unnamed):
        folder.mkdir()
        (folder / "entities.crfsuite").write_bytes(b"x")
    day_ago = time.time() - 2 * 86_400
    os.utime(old_unnamed, (day_ago, day_ago))
    assert clean_stale_folders(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, new_unnamed.name])


def test_training_leaves_no_folder_behind(tmp_path: Path, monkeypatch) -> None:
    from tests.suggest.synthetic import corpus

    from hakam.suggest.crf import Featurizer, train_models

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert train_models(corpus(3, 1, "a"), Featurizer()) is not None
    assert list(tmp_path.glob("hakam-crf-*")) == []
