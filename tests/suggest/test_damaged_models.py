"""Damaged CRF models never reach crfsuite's C loader (issue 16): every bit flip,
truncation or header change is refused with a clear message, an old model without
a checksum asks to be retrained, and a damaged active model falls back to the rules."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from hakam.cli import main
from hakam.core.model import Document
from hakam.store import Store
from hakam.suggest.crf import CrfError, CrfSuggester, Featurizer, pack, train_models, unpack
from hakam.suggest.crf_blob import MAGIC
from hakam.suggest.training import suggester_for_store

from .synthetic import corpus


@pytest.fixture(scope="module")
def blob() -> bytes:
    trained = train_models(corpus(6, 1, "a"), Featurizer())
    assert trained is not None
    return trained


def _damaged(blob: bytes) -> list[tuple[str, bytes]]:
    rng = random.Random(16)
    out = []
    for n in range(60):
        data = bytearray(blob)
        position = rng.randrange(len(data))
        data[position] ^= 1 << rng.randrange(8)
        out.append((f"flip {position}", bytes(data)))
    for size in (0, 5, len(MAGIC), len(MAGIC) + 20, len(blob) // 2, len(blob) - 1):
        out.append((f"cut to {size}", blob[:size]))
    out.append(("padded", blob + b"\0"))
    parts, header = unpack(blob)
    swapped = pack({"entities": parts["triggers"], "triggers": parts["entities"]}, header["documents"])
    out.append(("sizes swapped", swapped.replace(b'"entities":', b'"entitiez":')))  # a header field renamed
    line_end = blob.index(b"\n", len(MAGIC))
    fields = orjson.loads(blob[len(MAGIC) : line_end])
    for key, value in (("entities", -1), ("triggers", 10**12), ("documents", "x"), ("sha256", "0" * 64)):
        bad = orjson.dumps({**fields, key: value})
        out.append((f"header {key}={value!r}", MAGIC + bad + blob[line_end:]))
    return out


def test_every_damaged_model_is_refused_and_nothing_crashes(tmp_path: Path, blob: bytes) -> None:
    """In a child process, so that a crash in crfsuite would show as a signal, not kill the tests."""
    cases = _damaged(blob)
    for n, (_, data) in enumerate(cases):
        (tmp_path / f"{n}.crf").write_bytes(data)
    script = (
        "import sys\nfrom pathlib import Path\nfrom hakam.core.model import Document\n"
        "from hakam.suggest.crf import CrfError, CrfSuggester\nrefused = 0\n"
        f"for n in range({len(cases)}):\n"
        f"    data = Path({str(tmp_path)!r}, f'{{n}}.crf').read_bytes()\n"
        "    try:\n        CrfSuggester(data).suggest(Document('زار زوربان دمشق.'))\n"
        "    except CrfError:\n        refused += 1\n"
        "print(refused)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout) == len(cases)


def test_the_sound_model_still_loads_and_tags(blob: bytes) -> None:
    spans, _ = CrfSuggester(blob).suggest(Document("التقى زوربان بالوفد في دمشق."))
    assert isinstance(spans, list)


def test_an_old_model_without_a_checksum_asks_to_be_retrained(blob: bytes) -> None:
    parts, header = unpack(blob)
    old = b"HAKAM-CRF 1\n" + orjson.dumps(header) + b"\n" + parts["entities"] + parts["triggers"]
    with pytest.raises(CrfError, match="retrain"):
        CrfSuggester(old)


def test_a_damaged_model_file_is_one_line_from_the_cli(tmp_path: Path, blob: bytes, capsys) -> None:
    model = tmp_path / "m.crf"
    model.write_bytes(blob[:-10] + bytes(10))
    text = tmp_path / "a.txt"
    text.write_text("زار زوربان دمشق.", encoding="utf-8")
    assert main(["suggest", "--model", f"crf:{model}", str(text)]) == 1
    err = capsys.readouterr().err
    assert f"{model}: damaged CRF model: the checksum does not match" in err and len(err.strip().splitlines()) == 1


def test_a_damaged_active_model_falls_back_to_the_rules_with_a_warning(tmp_path: Path, blob: bytes, capsys) -> None:
    db = tmp_path / "db.sqlite"
    store = Store(db, annotator="t")
    damaged = bytearray(blob)
    damaged[len(damaged) // 2] ^= 0x10
    store.models.activate(store.models.register("crf", "7", "crf", blob=bytes(damaged)))
    warnings: list[str] = []
    ensemble = suggester_for_store(store, warn=warnings.append)
    assert [m.name for m in ensemble.members] == ["rules"]
    assert warnings and "the active CRF model 7 cannot be used" in warnings[0] and "checksum" in warnings[0]
    store.documents.add(Document("زار زوربان دمشق أمس."))
    store.close()
    assert main(["--db", str(db), "suggest", "--store"]) == 0
    err = capsys.readouterr().err
    assert "warning: the active CRF model 7 cannot be used" in err and "suggested on 1 documents" in err
