"""Hostile input files: each is refused with one line naming the file (and line), the
database is left exactly as it was, and no traceback ever reaches the user (issue 16)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import orjson
import pytest

from hakam.cli import main
from hakam.store import Store

TEXT = "زار بشار دمشق أمس."


def jsonl(*records: object) -> bytes:
    return b"".join((r if isinstance(r, bytes) else orjson.dumps(r)) + b"\n" for r in records)


def content(db: Path) -> str:
    """A digest of every row of every table (the file's bytes move with WAL checkpoints)."""
    with sqlite3.connect(db) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        rows = [(t, connection.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()) for t in tables]
    connection.close()
    return hashlib.sha256(repr(rows).encode("utf-8")).hexdigest()


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "db.sqlite"
    assert (
        main(
            [
                "--db",
                str(path),
                "import",
                str(_write(tmp_path / "seed.jsonl", jsonl({"id": "seed", "text": "نص البداية"}))),
            ]
        )
        == 0
    )
    return path


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _ls(annotations: object) -> bytes:
    return orjson.dumps([{"data": {"text": TEXT}, "annotations": annotations}])


# (name, file name, bytes, extra arguments, what the one line must say)
CASES = [
    ("nested 100,000 deep", "deep.jsonl", b"[" * 100_000 + b"]" * 100_000 + b"\n", ["--format", "hakam"], "deep.jsonl:1: bad JSON"),
    ("nested 100,000 deep, sniffed", "deep.json", b"[" * 100_000 + b"]" * 100_000, [], "cannot tell the format"),
    ("arguments: 5", "args.jsonl",
     jsonl({"text": TEXT, "events": [{"type": "ATTACK", "trigger": {"start": 0, "end": 3}, "arguments": 5}]}), [],
     'args.jsonl:1: ATTACK event: "arguments" must be a list'),
    ("meta 800 deep", "meta.jsonl", ("{" + f'"text": "{TEXT}", "meta": ' + '{"a":' * 800 + "1" + "}" * 800 + "}\n").encode(), [], "meta.jsonl:1: meta cannot be stored"),
    ("span source an object", "src.jsonl",
     jsonl({"text": TEXT, "spans": [{"start": 4, "end": 8, "label": "PERS", "source": {"x": 1}}]}), [],
     "src.jsonl:1: span 4..8 (PERS): source must be text"),
    ("event id a list", "eid.jsonl",
     jsonl({"text": TEXT, "events": [{"id": [1], "type": "ATTACK", "trigger": {"start": 0, "end": 3}}]}), [],
     "eid.jsonl:1: ATTACK event: id must be text"),
    ("reviewed_at before year 1 in UTC", "ts1.jsonl",
     jsonl({"text": TEXT, "answer": "accept", "reviewed_at": "0001-01-01T00:00:00+14:00"}), [],
     'ts1.jsonl:1: "reviewed_at": 0001-01-01T00:00:00+14:00 is outside the years 1 to 9999'),
    ("reviewed_at after 9999 in UTC", "ts2.jsonl",
     jsonl({"text": "x y", "answer": "accept"}, {"text": TEXT, "answer": "accept", "reviewed_at": "9999-12-31T23:59:59.999-14:00"}),
     [], "ts2.jsonl:2: "),
    ("prodigy _timestamp 1e300", "ts3.jsonl", jsonl({"text": TEXT, "spans": [], "answer": "accept", "_input_hash": 1, "_timestamp": 1e300}), [],
     "ts3.jsonl:1: the review time is outside the years 1 to 9999"),
    ("doccano entity id a list", "dc.jsonl",
     jsonl({"text": TEXT, "entities": [{"id": [1], "start_offset": 4, "end_offset": 8, "label": "PERS"}], "relations": []}),
     [], "dc.jsonl:1: span 4..8: an entity id must be a number or text"),
    ("doccano user a list", "du.jsonl",
     jsonl({"text": TEXT, "annotations": [{"label": "PERS", "start_offset": 4, "end_offset": 8, "user": [1]}]}), [],
     "du.jsonl:1: span 4..8: user must be a number or a name"),
    ("doccano offset inside an emoji", "emoji.jsonl", jsonl({"text": "😀 دمشق", "label": [[1, 5, "GPE"]]}), [],
     "emoji.jsonl:1: span (GPE): offsets 1..5 split a character outside the BMP"),
    ("Label Studio offset inside an emoji", "lse.json",
     orjson.dumps([{"data": {"text": "😀 دمشق"}, "annotations": [{"result": [
         {"id": "r", "type": "labels", "value": {"start": 1, "end": 7, "labels": ["GPE"]}}]}]}]), [],
     "lse.json:1: region r: offsets 1..7 split"),
    ("Label Studio value not an object", "ls1.json", _ls([{"result": [{"id": "r", "type": "labels", "value": 5}]}]), [],
     "ls1.json:1: region r: value must be an object"),
    ("Label Studio empty labels", "ls2.json",
     _ls([{"result": [{"id": "r", "type": "labels", "value": {"start": 4, "end": 8, "labels": []}}]}]), [],
     "ls2.json:1: region r: labels must be a non-empty list"),
    ("Label Studio result not a list", "ls3.json", _ls([{"result": {"a": 1}}]), [], 'ls3.json:1: "result" must be a list'),
    ("Label Studio annotations an object", "ls4.json", _ls({"result": []}), [], 'ls4.json:1: "annotations" must be a list'),
    ("TSV3 header only", "hdr.tsv", "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n", [],
     "hdr.tsv:1: no #Text= sentence: the document is empty"),
    ("TSV3 token inside an emoji", "emo.tsv",
     "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n#Text=😀 دمشق\n1-1\t1-3\tدم\tGPE\n", [],
     "emo.tsv:6: token 1-1 at 1-3"),
    ("unknown label: file, first line, records", "unk.jsonl",
     jsonl({"text": "a b"}, {"text": TEXT, "spans": [{"start": 4, "end": 8, "label": "WEAPONX"}]},
           {"text": TEXT + "!", "spans": [{"start": 4, "end": 8, "label": "WEAPONX"}]}), [],
     "unk.jsonl:2: unknown label WEAPONX (2 records); use --map FROM=TO or --add-labels"),
    ("a label with a space", "space.jsonl", jsonl({"text": TEXT, "spans": [{"start": 4, "end": 8, "label": "A B"}]}),
     ["--add-labels"], "space.jsonl:1: label 'A B' cannot be added: a name cannot contain spaces"),
    ("a blank label", "blank.conll", "بشار B- \nزار O\nدمشق O\n", ["--add-labels", "--format", "conll"], "blank.conll:"),
    ("a label that is an event type", "clash.jsonl", jsonl({"text": TEXT, "spans": [{"start": 4, "end": 8, "label": "AIRSTRIKE"}]}),
     ["--add-labels"], "clash.jsonl:1: 'AIRSTRIKE' cannot be both an entity label and an event type"),
    ("a bidi override in a label", "bidi.jsonl", jsonl({"text": TEXT, "spans": [{"start": 4, "end": 8, "label": "\u202eX"}]}),
     ["--add-labels"], "invisible character U+202E"),
    ("brat line '*' alone", "brat/x.ann", "T1\tPERS 0 3\tزار\n*\n", [], "x.ann:2: *: expected 'Type Id Id…'"),
    ("a NUL in the text", "nul.jsonl", jsonl({"text": "a\u0000b"}), [], "nul.jsonl:1: the text contains a NUL character"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "file", "data", "extra", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_hostile_file_is_refused_in_one_line_and_nothing_is_written(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str], name, file, data, extra, expected
) -> None:
    path = tmp_path / file
    path.parent.mkdir(exist_ok=True)
    _write(path, data)
    if file.endswith(".ann"):
        _write(path.with_suffix(".txt"), "زار دمشق\n")
    before = content(db)
    capsys.readouterr()
    assert main(["--db", str(db), "import", *extra, str(path)]) == 1
    err = capsys.readouterr().err
    assert expected in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert content(db) == before
    assert main(["--db", str(db), "export", str(tmp_path / "out.jsonl")]) == 0  # still opens and exports


def test_skip_invalid_skips_a_bad_label_studio_task_and_says_so(tmp_path: Path, db: Path, capsys) -> None:
    good = {"data": {"text": "قال عمر"}, "annotations": [{"result": []}]}
    bad = {"data": {"text": TEXT}, "annotations": [{"result": [{"id": "r", "type": "labels", "value": 5}]}]}
    path = _write(tmp_path / "tasks.json", orjson.dumps([good, bad]).replace(b"},{", b"},\n{"))
    assert main(["--db", str(db), "import", "--skip-invalid", str(path)]) == 0
    captured = capsys.readouterr()
    assert (
        orjson.loads(captured.out)["skipped"] == 1
        and "skipped " in captured.err
        and "value must be an object" in captured.err
    )


def test_numeric_and_arabic_labels_are_added_and_the_database_still_works(tmp_path: Path, db: Path, capsys) -> None:
    conll = _write(tmp_path / "n.conll", "JAPAN _ _ B-12\nGET _ _ O\nCHINA _ _ B-13\n\nبشار _ _ B-شخص\nزار _ _ O\n")
    quoted = _write(tmp_path / "q.jsonl", jsonl({"text": TEXT, "spans": [{"start": 4, "end": 8, "label": 'say"hi\\'}]}))
    assert main(["--db", str(db), "import", "--add-labels", "--reviewed", str(conll), str(quoted)]) == 0
    summary = orjson.loads(capsys.readouterr().out)
    assert {"12", "13", "شخص", 'say"hi\\'} <= set(summary["added_labels"])
    for command in (["stats"], ["export", str(tmp_path / "out.jsonl")], ["export", "--format", "brat", str(tmp_path / "b")],
                    ["export", "--format", "conll", str(tmp_path / "out.conll")]):  # fmt: skip
        assert main(["--db", str(db), *command]) == 0, command
    store = Store(db)
    assert {"12", "شخص", 'say"hi\\'} <= set(store.schema.entities)
    store.close()
    assert "B-شخص" in (tmp_path / "out.conll").read_text(encoding="utf-8")


def test_two_doccano_users_whose_spans_clash_are_all_stored_as_suggestions(tmp_path: Path, db: Path, capsys) -> None:
    spans = [{"label": "PERS", "start_offset": 4, "end_offset": 8, "user": 1},
             {"label": "PERS", "start_offset": 4, "end_offset": 13, "user": 2},
             {"label": "PERS", "start_offset": 6, "end_offset": 13, "user": 3}]  # fmt: skip
    path = _write(tmp_path / "two.jsonl", jsonl({"text": TEXT, "annotations": spans}))
    assert main(["--db", str(db), "import", str(path)]) == 0
    assert orjson.loads(capsys.readouterr().out)["suggestions"] == 3
    store = Store(db)
    view = store.documents.find()[-1]
    assert sorted((s.start, s.end) for s in store.items.spans(view.id)) == [(4, 8), (4, 13), (6, 13)]
    assert "unplaced_spans" not in view.meta
    store.close()


def test_a_renamed_id_is_reported_and_an_id_like_the_suffix_does_not_collide(tmp_path: Path, db: Path, capsys) -> None:
    suffix = hashlib.sha256("two".encode()).hexdigest()[:8]
    path = _write(tmp_path / "ids.jsonl", jsonl({"id": "a", "text": "one"}, {"id": f"a-{suffix}", "text": "three"},
                                                {"id": "a", "text": "two"}))  # fmt: skip
    assert main(["--db", str(db), "import", str(path)]) == 0
    captured = capsys.readouterr()
    assert orjson.loads(captured.out)["renamed"] == 1 and orjson.loads(captured.out)["documents"] == 3
    assert f"ids.jsonl:3: id 'a' is taken by another text; stored as 'a-{suffix}-2'" in captured.err


def test_txt_folders_with_link_loops_and_dangling_links(tmp_path: Path, db: Path, capsys) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    _write(folder / "a.txt", "نص أول")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    before = content(db)
    assert main(["--db", str(db), "import", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "dangling.txt: cannot read: No such file" in err and "Traceback" not in err
    assert content(db) == before
    assert main(["--db", str(db), "import", "--skip-invalid", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "loop.txt: cannot read: Too many levels of symbolic links" in captured.err
    assert orjson.loads(captured.out)["documents"] == 1


def test_txt_documents_say_which_file_and_when(tmp_path: Path, db: Path) -> None:
    assert main(["--db", str(db), "import", str(_write(tmp_path / "news.txt", "خبر عاجل"))]) == 0
    store = Store(db)
    meta = store.documents.by_ext_id("news").meta
    store.close()
    assert meta["file"] == "news.txt" and meta["imported_at"].endswith("Z")


def test_a_binary_labels_file(tmp_path: Path, db: Path, capsys) -> None:
    path = _write(
        tmp_path / "lab.jsonl", jsonl({"text": TEXT, "annotations": [{"label": 1, "start_offset": 4, "end_offset": 8}]})
    )
    labels = _write(tmp_path / "labels.bin", bytes(range(256)) * 4)
    assert main(["--db", str(db), "import", "--labels", str(labels), str(path)]) == 1
    assert "labels.bin: not UTF-8 (byte 128): the labels file must be JSON or TSV" in capsys.readouterr().err


def test_negative_sentences_per_doc_is_refused(tmp_path: Path, db: Path, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--db", str(db), "import", "--sentences-per-doc", "-3", str(tmp_path)])
    assert "-3 is negative" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["device", "folder", "parent is a file"])
def test_database_paths_that_cannot_be_a_database(tmp_path: Path, capsys, kind: str) -> None:
    source = _write(tmp_path / "a.txt", "نص")
    target = {"device": Path("/dev/null"), "folder": tmp_path, "parent is a file": source / "x.sqlite"}[kind]
    assert main(["--db", str(target), "import", str(source)]) == 1
    err = capsys.readouterr().err
    expected = {"device": "not a regular file", "folder": "a folder; give a database file",
                "parent is a file": "a.txt is a file, not a folder"}[kind]  # fmt: skip
    assert expected in err and len(err.strip().splitlines()) == 1


def test_an_unexpected_error_is_one_line_and_a_logged_traceback(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    import hakam.cli.stats_cmd as stats_cmd

    def broken(args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(stats_cmd, "run", broken)
    assert main(["--db", str(tmp_path / "x.sqlite"), "stats"]) == 1
    err = capsys.readouterr().err
    assert "unexpected error (RuntimeError: a bug); details in" in err and len(err.strip().splitlines()) == 1
    log = Path(err.rsplit("details in ", 1)[1].strip())
    assert log.is_relative_to(tmp_path) and "Traceback" in log.read_text() and "a bug" in log.read_text()
