"""Issue 15, items 13 and 16: ``export OUT`` and ``export -o OUT`` both work, a stray
output for ``suggest`` is explained; progress is a bar on a terminal and a plain line
every few seconds in a log."""

from __future__ import annotations

import io
import subprocess
import sys

import orjson

from hakam.cli import main
from hakam.cli.progress import LOG_EVERY, TerminalProgress
from hakam.core.model import Document, Span
from hakam.store import Store

TEXT = "قصفت طائرات حربية مدينة حلب صباح الأحد."


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_off_a_terminal_a_plain_line_every_few_seconds():
    out, clock = io.StringIO(), Clock()
    progress = TerminalProgress("suggest", 174, stream=out, clock=clock)
    for done in range(1, 175):
        clock.now = done / 10  # 17.4 s in all
        progress.update(done)
    progress.done()
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue() and "\x1b" not in out.getvalue()
    assert len(lines) == int(17.4 // LOG_EVERY) and lines[0] == "suggest: 50/174 documents"


def test_on_a_terminal_a_bar_redrawn_in_place():
    out, clock = Terminal(), Clock()
    progress = TerminalProgress("suggest", 10, stream=out, clock=clock)
    for done in range(1, 11):
        clock.now += 1
        progress.update(done)
    assert "\n" not in out.getvalue()
    assert out.getvalue().split("\r")[-1].startswith("suggest [" + "#" * 24 + "] 10/10 documents 100%")
    progress.done()
    assert out.getvalue().endswith("\r\x1b[K")


def _store(tmp_path) -> Store:
    store = Store(tmp_path / "db.sqlite", annotator="t")
    doc = store.documents.add(Document(TEXT, "d1"))
    store.suggestions.replace(doc, [Span(TEXT.index("حلب"), TEXT.index("حلب") + 3, "GPE", 0.9, "t@1")])
    store.decisions.accept_all(doc)
    store.decisions.mark_reviewed(doc)
    store.close()
    return tmp_path / "db.sqlite"


def test_export_takes_out_or_dash_o(tmp_path, capsys):
    db = _store(tmp_path)
    for args, out in ((["a.jsonl"], "a.jsonl"), (["-o", "b.jsonl"], "b.jsonl"), (["--output", "c.jsonl"], "c.jsonl")):
        target = tmp_path / out
        assert main(["--db", str(db), "export", *[str(tmp_path / a) if a.endswith("jsonl") else a for a in args]]) == 0
        assert orjson.loads(target.read_text(encoding="utf-8").splitlines()[0])["id"] == "d1"
    assert main(["--db", str(db), "export"]) == 1
    assert "give the output file: hakam export OUT (or -o OUT" in capsys.readouterr().err
    assert main(["--db", str(db), "export", "x.jsonl", "-o", "y.jsonl"]) == 1
    assert "two outputs given" in capsys.readouterr().err


def test_suggest_explains_the_output_option(tmp_path, capsys):
    source = tmp_path / "in.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert main(["suggest", str(source), str(tmp_path / "out.jsonl"), "--model", "rules"]) == 1
    assert "out.jsonl: no such file or folder (to name the output file, use -o OUT)" in capsys.readouterr().err


def test_suggest_store_into_a_log_has_no_carriage_returns(tmp_path):
    db = tmp_path / "db.sqlite"
    store = Store(db, annotator="t")
    for n in range(3):
        store.documents.add(Document(f"{TEXT} {n}", f"d{n}"))
    store.close()
    run = subprocess.run([sys.executable, "-m", "hakam", "--db", str(db), "suggest", "--store", "--model", "rules"],
                         capture_output=True, text=True, check=True)  # fmt: skip
    assert "\r" not in run.stderr and run.stderr.strip().splitlines()[-1].startswith("suggested on 3 documents")
