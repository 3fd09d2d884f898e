"""Generated hostile records thrown at every reader (hypothesis).

For each one: the import either succeeds or raises ``InputError`` (the documented
refusal); nothing else escapes. A refused file leaves the database exactly as it
was; an accepted one leaves a database that reopens, counts and exports in every
format. Bounded examples, no deadline (the machine is shared).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.io.test_hostile import content

from hakam.io.errors import InputError
from hakam.io.exporter import export
from hakam.io.formats import ReadOptions, detect, writer_names
from hakam.io.importer import import_file
from hakam.store import Store

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
CHARS = st.sampled_from(list("ab دمشق بشار\n\r\t\0|#*:[]\\\"'") + ["😀", "\u202e", "\ufeff", "\u200c", "-", "_"])
TEXTS = st.text(CHARS, max_size=24)
WORDS = st.lists(st.sampled_from(["دمشق", "بشار", "وزار", "a", "😀", "x|y", "الأمم"]), min_size=1, max_size=6)
DOC_TEXT = WORDS.map(" ".join) | st.text(CHARS, min_size=1, max_size=30)
KEYS = ["text", "spans", "events", "meta", "id", "label", "labels", "start", "end", "source", "score", "type",
        "trigger", "arguments", "attributes", "role", "value", "result", "annotations", "data", "user", "answer",
        "start_offset", "end_offset", "entities", "relations", "predictions", "reviewed_at", "_timestamp", "tokens"]  # fmt: skip
SCALARS = (st.none() | st.booleans() | st.integers(-3, 40) | st.integers() | st.floats(allow_nan=False) | TEXTS |
           st.sampled_from(["PERS", "GPE", "12", "شخص", "", " ", "A:B", "9999-12-31T23:59:59-14:00", "labels"]))  # fmt: skip
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) |
                    st.dictionaries(st.sampled_from(KEYS) | TEXTS, inner, max_size=4), max_leaves=10)  # fmt: skip
OFFSET = st.integers(0, 12) | st.integers(0, 12) | st.integers(-1, 40) | JSON
LABEL = st.sampled_from(["PERS", "GPE", "ORG", "PERS", "GPE", "12", "شخص", "", " ", "A:B", "#x", "AIRSTRIKE"]) | JSON


def _span(keys: tuple[str, str, str]) -> st.SearchStrategy:
    start, end, label = keys
    return st.fixed_dictionaries({start: OFFSET, end: OFFSET, label: LABEL},
                                 optional={"text": TEXTS, "source": JSON, "score": JSON, "user": JSON, "id": JSON})  # fmt: skip


def _maybe(base: st.SearchStrategy) -> st.SearchStrategy:
    """A well-formed value most of the time, anything JSON sometimes."""
    return st.one_of(base, base, base, base, base, JSON)


HAKAM = st.fixed_dictionaries(
    {"text": DOC_TEXT},
    optional={"id": JSON, "meta": _maybe(st.dictionaries(TEXTS, JSON, max_size=3)), "spans": _maybe(st.lists(_span(("start", "end", "label")), max_size=4)),
              "events": _maybe(st.lists(st.fixed_dictionaries({"type": LABEL, "trigger": _maybe(_span(("start", "end", "label")))},
                                                              optional={"arguments": _maybe(st.lists(_span(("start", "end", "role")), max_size=2)),
                                                                        "attributes": JSON, "id": JSON}), max_size=2)),
              "answer": _maybe(st.sampled_from(["accept", "reject", "ignore", "pending"])), "reviewed_at": _maybe(TEXTS),
              "annotator": JSON},
)  # fmt: skip
PRODIGY = st.fixed_dictionaries(
    {"text": DOC_TEXT, "_input_hash": JSON, "spans": _maybe(st.lists(_span(("start", "end", "label")), max_size=4))},
    optional={"tokens": JSON, "answer": JSON, "_timestamp": JSON, "meta": JSON, "events": JSON},
)  # fmt: skip
DOCCANO = st.fixed_dictionaries(
    {"text": DOC_TEXT, "annotations": _maybe(st.lists(_span(("start_offset", "end_offset", "label")) |
                                                   st.lists(OFFSET | LABEL, min_size=3, max_size=3), max_size=4))},
    optional={"id": JSON, "meta": JSON, "relations": JSON},
)  # fmt: skip
REGION = st.fixed_dictionaries({"type": _maybe(st.just("labels")), "value": _maybe(st.fixed_dictionaries(
    {"start": OFFSET, "end": OFFSET, "labels": _maybe(st.lists(LABEL, max_size=2))}, optional={"text": TEXTS}))},
    optional={"id": JSON, "from_id": JSON, "to_id": JSON, "score": JSON})  # fmt: skip
LABELSTUDIO = st.fixed_dictionaries(
    {"data": _maybe(st.fixed_dictionaries({"text": DOC_TEXT})),
     "annotations": _maybe(st.lists(_maybe(st.fixed_dictionaries({"result": _maybe(st.lists(REGION, max_size=3))},
                                                                 optional={"was_cancelled": JSON, "completed_by": JSON,
                                                                           "created_at": JSON})), max_size=3))},
    optional={"predictions": JSON, "id": JSON, "meta": JSON},
)  # fmt: skip
TAG = st.sampled_from(["O", "B-PERS", "I-PERS", "B-12", "I-", "B- ", "E-GPE", "S-شخص", "X"]) | TEXTS
CONLL_LINE = st.one_of(st.just(""), st.just("-DOCSTART- -X- O"), st.builds(lambda t, g: f"{t} {g}", TEXTS, TAG),
                       st.builds(lambda t, g, h: f"{t}\t{g}\t{h}", TEXTS, TAG, TAG), TEXTS)  # fmt: skip
BRAT_LINE = st.one_of(
    st.builds(lambda n, lbl, a, b, t: f"T{n}\t{lbl} {a} {b}\t{t}", st.integers(0, 3), TEXTS, st.integers(-1, 12), st.integers(-1, 12), TEXTS),
    st.builds(lambda n, t: f"E{n}\tATTACK:T{t} Place:T1", st.integers(0, 3), st.integers(0, 4)),
    st.sampled_from(["*", "*\tX", "*\tEquiv T1 T9", "R1\tRel Arg1:T1 Arg2:T2", "A1\tNeg E1", "#1\tNote T1\tx", "N1"]), TEXTS,
)  # fmt: skip
TSV_LINE = st.one_of(
    st.builds(lambda t: f"#Text={t}", TEXTS),
    st.builds(lambda s, a, b, t, v: f"1-{s}\t{a}-{b}\t{t}\t{v}", st.integers(1, 3), st.integers(0, 12), st.integers(0, 12), TEXTS, TAG),
    st.sampled_from(["#T_SP=webanno.custom.Span|value", "#T_RL=x|y", ""]), TEXTS,
)  # fmt: skip


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")  # integers past 64 bits too


def _jsonl(records: list) -> bytes:
    return b"".join(_dumps(r) + b"\n" for r in records)


def _check(fmt: str, files: dict[str, bytes], add_labels: bool, reviewed: bool = False) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, data in files.items():
            (root / "in").mkdir(exist_ok=True)
            (root / "in" / name).write_bytes(data)
        target = root / "in" / next(iter(files)) if len(files) == 1 else root / "in"
        store = Store(root / "db.sqlite", annotator="fuzz")
        before = content(root / "db.sqlite")
        try:
            import_file(store, target, fmt, reviewed=reviewed, add_labels=add_labels, options=ReadOptions())
        except InputError:
            store.close()
            assert content(root / "db.sqlite") == before
            return
        store.close()
        store = Store(root / "db.sqlite")  # reopens: the stored schema still parses
        store.stats.counts()
        for name in writer_names():
            export(store, root / f"out-{name}", name, include_all=True)
        store.close()


@SETTINGS
@given(st.lists(HAKAM | JSON, min_size=1, max_size=3), st.booleans(), st.booleans())
def test_hakam_jsonl(records, add_labels, reviewed) -> None:
    _check("hakam", {"a.jsonl": _jsonl(records)}, add_labels, reviewed)


@SETTINGS
@given(st.lists(PRODIGY, min_size=1, max_size=3), st.booleans())
def test_prodigy(records, add_labels) -> None:
    _check("prodigy", {"a.jsonl": _jsonl(records)}, add_labels)


@SETTINGS
@given(st.lists(DOCCANO, min_size=1, max_size=3), st.booleans(), st.booleans())
def test_doccano(records, add_labels, reviewed) -> None:
    _check("doccano", {"a.jsonl": _jsonl(records)}, add_labels, reviewed)


@SETTINGS
@given(st.lists(LABELSTUDIO | JSON, min_size=1, max_size=3), st.booleans(), st.booleans())
def test_labelstudio(tasks, add_labels, as_array) -> None:
    _check("labelstudio", {"a.json": _dumps(tasks) if as_array else _jsonl(tasks)}, add_labels)


@SETTINGS
@given(st.lists(CONLL_LINE, min_size=1, max_size=12), st.booleans())
def test_conll(lines, add_labels) -> None:
    _check("conll", {"a.conll": "\n".join(lines).encode("utf-8", "surrogatepass")}, add_labels)


@SETTINGS
@given(DOC_TEXT, st.lists(BRAT_LINE, max_size=6), st.booleans())
def test_brat(text, lines, add_labels) -> None:
    _check("brat", {"a.txt": text.encode(), "a.ann": "\n".join(lines).encode()}, add_labels)


def _tsv(words: list[str], tags: list[str], shifts: list[int]) -> str:
    rows, offset = [], 0
    for n, (word, tag, shift) in enumerate(zip(words, tags, shifts), 1):
        start = offset + shift
        rows.append(f"1-{n}\t{start}-{start + len(word.encode('utf-16-le')) // 2}\t{word}\t{tag}")
        offset += len(word.encode("utf-16-le")) // 2 + 1
    return f"#Text={' '.join(words)}\n" + "\n".join(rows)


SENTENCE = st.builds(_tsv, WORDS, st.lists(st.sampled_from(["_", "GPE", "PERS[1]", "*", "12", "ORG[2]|GPE"]) | TAG, min_size=6,
                                           max_size=6), st.lists(st.sampled_from([0, 0, 0, 1, -1]), min_size=6, max_size=6))  # fmt: skip


@SETTINGS
@given(st.lists(SENTENCE | TSV_LINE, max_size=4), st.booleans())
def test_webanno_tsv(lines, add_labels) -> None:
    header = "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n"
    _check("tsv3", {"a.tsv": (header + "\n".join(lines)).encode()}, add_labels)


@SETTINGS
@given(st.binary(max_size=64) | TEXTS.map(str.encode))
def test_text(data) -> None:
    _check("text", {"a.txt": data}, False)


@SETTINGS
@given(
    st.binary(max_size=200) | JSON.map(_dumps), st.sampled_from([".jsonl", ".json", ".txt", ".conll", ".tsv", ".ann"])
)
def test_the_format_sniffer(data, suffix) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x{suffix}"
        path.write_bytes(data)
        try:
            detect(path)
        except InputError:
            pass
