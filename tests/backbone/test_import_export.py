"""`hakam import` / `hakam export` of Hakam JSONL and text: the round trip and every bad input."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from hakam.cli import main
from hakam.store import IGNORED, PENDING, REVIEWED, Store

TEXT = "قالت وزارة الدفاع إن غارات استهدفت ودمشق أمس."
GOOD = {
    "id": "a1",
    "text": TEXT,
    "meta": {"date": "2025-03-02", "source": "test"},
    "spans": [
        {"start": 5, "end": 17, "label": "ORG", "text": "وزارة الدفاع"},
        {"start": 36, "end": 40, "label": "GPE", "text": "دمشق"},
        {"start": 41, "end": 44, "label": "DATE"},
    ],
    "events": [
        {
            "id": "e1",
            "type": "AIRSTRIKE",
            "trigger": {"start": 21, "end": 26, "text": "غارات"},
            "arguments": [{"role": "PLACE", "start": 36, "end": 40, "text": "دمشق"}],
            "attributes": {"fatalities": 3},
        }
    ],
}


def write_jsonl(path: Path, *records: object) -> Path:
    path.write_bytes(b"".join((r if isinstance(r, bytes) else orjson.dumps(r)) + b"\n" for r in records))
    return path


def hakam(db: Path | str, *args: str) -> int:
    return main(["--db", str(db), "--annotator", "tester", *map(str, args)])


@pytest.fixture
def db(new_db) -> Path | str:
    """A new database, on SQLite and on PostgreSQL."""
    return new_db("h")


def test_import_as_suggestions_then_reviewed(tmp_path: Path, db: Path | str) -> None:
    assert hakam(db, "import", write_jsonl(tmp_path / "a.jsonl", GOOD)) == 0
    store = Store(db)
    [doc] = store.documents.find()
    assert {s.status for s in store.items.spans(doc.id)} == {PENDING} and len(store.items.spans(doc.id)) == 3
    assert store.items.events(doc.id)[0].arguments[0].role == "PLACE"
    other = dict(GOOD, id="a2", text=TEXT + " وفي حلب.")
    assert hakam(db, "import", "--reviewed", write_jsonl(tmp_path / "b.jsonl", other)) == 0
    reviewed = Store(db).documents.by_ext_id("a2")
    assert reviewed is not None and reviewed.status == REVIEWED


def test_round_trip_is_byte_identical(tmp_path: Path, db: Path | str, new_db) -> None:
    ignored = {"id": "a3", "text": "نص آخر للتجاهل.", "answer": "ignore"}
    hakam(db, "import", "--reviewed", write_jsonl(tmp_path / "in.jsonl", GOOD, ignored))
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    assert hakam(db, "export", first) == 0
    empty = new_db("empty")
    assert hakam(empty, "import", "--reviewed", first) == 0
    assert hakam(empty, "export", second) == 0
    assert first.read_bytes() == second.read_bytes()
    lines = [orjson.loads(line) for line in first.read_bytes().splitlines()]
    assert [line["answer"] for line in lines] == ["accept", "ignore"]
    assert list(lines[0]) == ["id", "text", "meta", "spans", "events", "answer", "annotator", "reviewed_at"]
    assert lines[0]["spans"][1] == {"start": 36, "end": 40, "label": "GPE", "text": "دمشق", "source": "import",
                                    "annotator": "tester"}  # fmt: skip
    assert lines[0]["events"][0]["attributes"] == {"fatalities": 3}
    assert Store(empty).documents.by_ext_id("a3").status == IGNORED


def test_export_defaults_to_reviewed_and_all_takes_every_document(tmp_path: Path, db: Path | str, capsys) -> None:
    hakam(db, "import", write_jsonl(tmp_path / "a.jsonl", GOOD))
    out = tmp_path / "o.jsonl"
    hakam(db, "export", out)
    assert out.read_bytes() == b""
    hakam(db, "export", "--all", out)
    assert orjson.loads(out.read_bytes())["spans"] == []  # suggestions are not annotations


def test_text_files_and_folders_and_duplicates(tmp_path: Path, db: Path | str, capsys) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text("غارة على حلب.\n", encoding="utf-8")
    (folder / "two.txt").write_text("اشتباكات في درعا.\n", encoding="utf-8")
    assert hakam(db, "import", folder, folder / "one.txt") == 0
    summary = orjson.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (summary["documents"], summary["duplicates"]) == (2, 1)
    assert [d.ext_id for d in Store(db).documents.find()] == ["one", "two"]


BAD = [
    (b'{"id": "x", "text": "\xff\xfe"}', "not UTF-8"),
    (b'{"id": "x", "text": ', "bad JSON"),
    (orjson.dumps({"id": "x"}), 'missing "text"'),
    (orjson.dumps({"id": "x", "text": "   "}), '"text" is empty'),
    (orjson.dumps({"text": TEXT, "spans": [{"start": 40, "end": 90, "label": "GPE"}]}), "outside the text"),
    (
        orjson.dumps({"text": TEXT, "spans": [{"start": 9, "end": 9, "label": "GPE"}]}),
        "start must be ≥ 0 and before end",
    ),
    (orjson.dumps({"text": TEXT, "spans": [{"start": 36, "end": 40, "label": "GPE", "text": "حلب"}]}), "says 'حلب'"),
    (
        orjson.dumps({"text": TEXT, "spans": [{"start": 36, "end": 40, "label": "CITY"}]}),
        "unknown label CITY (1 record)",
    ),
    (
        orjson.dumps({"text": TEXT, "events": [{"type": "RIOT", "trigger": {"start": 0, "end": 4}}]}),
        "unknown event type RIOT",
    ),
    (
        orjson.dumps(
            {
                "text": TEXT,
                "events": [
                    {
                        "type": "CLASH",
                        "trigger": {"start": 0, "end": 4},
                        "arguments": [{"role": "WITNESS", "start": 5, "end": 9}],
                    }
                ],
            }
        ),
        "unknown role WITNESS",
    ),  # fmt: skip
    (
        orjson.dumps(
            {"text": TEXT, "spans": [{"start": 5, "end": 17, "label": "ORG"}, {"start": 11, "end": 20, "label": "ORG"}]}
        ),
        "overlap with the same label ORG",
    ),  # fmt: skip
    (orjson.dumps({"text": TEXT, "answer": "maybe"}), '"answer" must be'),
]


@pytest.mark.parametrize(("line", "message"), BAD, ids=[m for _, m in BAD])
def test_a_bad_record_names_file_and_line_and_writes_nothing(
    tmp_path: Path, db: Path | str, capsys, line: bytes, message: str
) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", GOOD, line, dict(GOOD, id="after", text=TEXT + "!"))
    assert hakam(db, "import", path) == 1
    error = capsys.readouterr().err
    assert "bad.jsonl:2: " in error
    assert message in error
    assert len(error.strip().splitlines()) == 1
    assert Store(db).documents.find() == []  # the good first record was rolled back too


def test_skip_invalid_imports_the_rest_and_reports(tmp_path: Path, db: Path | str, capsys) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", GOOD, b"{broken", dict(GOOD, id="after", text=TEXT + "!"))
    assert hakam(db, "import", "--skip-invalid", path) == 0
    captured = capsys.readouterr()
    assert "skipped " in captured.err and "bad.jsonl:2" in captured.err
    assert orjson.loads(captured.out.strip().splitlines()[-1])["skipped"] == 1
    assert [d.ext_id for d in Store(db).documents.find()] == ["a1", "after"]


def test_map_and_add_labels(tmp_path: Path, db: Path | str) -> None:
    record = {
        "text": TEXT,
        "spans": [{"start": 36, "end": 40, "label": "CITY"}, {"start": 5, "end": 17, "label": "AGENCY"}],
    }
    path = write_jsonl(tmp_path / "m.jsonl", record)
    assert hakam(db, "import", "--map", "CITY=GPE", "--add-labels", path) == 0
    store = Store(db)
    assert sorted(s.label for s in store.items.spans(store.documents.find()[0].id)) == ["AGENCY", "GPE"]
    assert "AGENCY" in store.schema.entities and "CITY" not in store.schema.entities


def test_prodigy_style_answers(tmp_path: Path, db: Path | str) -> None:
    records = [dict(GOOD, answer="accept"), {"text": "نص مرفوض.", "spans": [{"start": 0, "end": 2, "label": "GPE"}],
               "answer": "reject"}, {"text": "نص متجاهل.", "answer": "ignore"}]  # fmt: skip
    hakam(db, "import", write_jsonl(tmp_path / "p.jsonl", *records))
    store = Store(db)
    statuses = [d.status for d in store.documents.find()]
    assert statuses == [REVIEWED, "todo", IGNORED]
    rejected = store.documents.find()[1].id
    assert [s.status for s in store.items.spans(rejected, include_closed=True)] == ["rejected"]


def test_import_streams_large_files_in_constant_memory(tmp_path: Path, db: Path | str) -> None:
    import tracemalloc

    path = tmp_path / "big.jsonl"
    with open(path, "wb") as out:
        for i in range(3000):
            out.write(orjson.dumps({"id": f"d{i}", "text": f"خبر رقم {i} " + "كلمة " * 50}) + b"\n")
    store = Store(db)
    from hakam.io.importer import import_paths

    tracemalloc.start()
    import_paths(store, [path])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(store.documents.ids()) == 3000
    assert peak < path.stat().st_size  # never holds the file in memory


def test_stats_json(tmp_path: Path, db: Path | str, capsys) -> None:
    hakam(db, "import", "--reviewed", write_jsonl(tmp_path / "a.jsonl", GOOD))
    capsys.readouterr()
    assert hakam(db, "stats", "--json") == 0
    counts = orjson.loads(capsys.readouterr().out)
    assert counts["reviewed"] == 1 and counts["entities_by_label"] == {"DATE": 1, "GPE": 1, "ORG": 1}
    assert counts["events_by_type"] == {"AIRSTRIKE": 1}


def test_cli_core_loads_no_qt_and_no_torch() -> None:
    import subprocess
    import sys

    code = ("import sys, hakam.cli; hakam.cli.build_parser(); import hakam.store, hakam.io.importer, hakam.io.exporter;"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'torch', 'transformers', 'pyqtgraph')];"
            "print(bad); sys.exit(1 if bad else 0)")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_auto_detects_a_jsonl_file_whose_first_record_is_long(tmp_path: Path, db: Path | str) -> None:
    long_article = dict(GOOD, text=TEXT + " " + "خبر " * 5000)
    assert hakam(db, "import", write_jsonl(tmp_path / "long.jsonl", long_article)) == 0
    assert len(Store(db).documents.find()) == 1
