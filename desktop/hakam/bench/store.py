"""``hakam bench store``: decision write latency on a large database, import and
export throughput, peak memory; with ``--writers N`` the load run instead
(``hakam.bench.store_load``). Prints JSON; nothing here asserts a target."""

from __future__ import annotations

import random
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

_WORDS = (
    "قال مصدر عسكري إن الطائرات الحربية شنت غارات على مواقع في ريف المدينة وأسفرت عن مقتل عدد من المسلحين "
    "وإصابة آخرين بينما اندلعت اشتباكات عنيفة بين القوات الحكومية والفصائل المسلحة قرب الطريق الدولي "
    "وأعلنت وزارة الدفاع أن وحداتها سيطرت على بلدة جديدة بعد معارك استمرت يومين وسط نزوح مئات العائلات"
).split()


def _article(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)) + "."


def _spans(text: str, count: int) -> list[dict[str, Any]]:
    spans, start = [], 0
    for _ in range(count):
        start = text.find(" ", start + 40) + 1
        if start <= 0:
            break
        end = text.find(" ", start)
        spans.append({"start": start, "end": end, "label": "GPE", "score": 0.8, "source": "bench"})
    return spans


def write_jsonl(path: Path, documents: int, words: int, seed: int) -> None:
    rng = random.Random(seed)
    with open(path, "wb") as out:
        for i in range(documents):
            text = f"{seed}-{i} " + _article(rng, words)
            out.write(orjson.dumps({"id": f"b{seed}-{i}", "text": text, "meta": {}, "spans": _spans(text, 20)}) + b"\n")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run_bench(args: Any) -> dict[str, Any]:
    writers = getattr(args, "writers", None)
    if writers:
        from hakam.bench.store_load import run_load

        return run_load(getattr(args, "db", None), writers, getattr(args, "seconds", 10.0), getattr(args, "rate", 5.0))
    from hakam.core.model import Document
    from hakam.io.exporter import export
    from hakam.io.importer import import_paths
    from hakam.store import Store

    documents = getattr(args, "documents", 10_000)
    words = getattr(args, "words", 500)
    decisions = getattr(args, "decisions", 500)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "in.jsonl"
        write_jsonl(source, documents, words, seed=1)
        store = Store(root / "bench.sqlite", annotator="bench")
        started = time.perf_counter()
        summary = import_paths(store, [source])
        import_seconds = time.perf_counter() - started

        rng = random.Random(2)
        ids = store.documents.ids()
        latencies = []
        for _ in range(decisions):
            doc = rng.choice(ids)
            item = rng.choice(store.items.spans(doc) or [None])
            if item is None:
                item_id = store.decisions.add_span(doc, 0, 2, "GPE").span_ids[0]
            else:
                item_id = item.id
            label = rng.choice(["GPE", "LOC", "ORG"])
            began = time.perf_counter()
            store.decisions.relabel(item_id, label)
            latencies.append((time.perf_counter() - began) * 1000)
        undo_started = time.perf_counter()
        store.decisions.undo()
        undo_ms = (time.perf_counter() - undo_started) * 1000

        for doc in ids:  # reviewed without decisions, as an import of reviewed files would
            store.items.add_reviewed(doc, Document("", None), annotator="bench")
        started = time.perf_counter()
        exported = export(store, root / "out.jsonl")
        export_seconds = time.perf_counter() - started
        size = (root / "bench.sqlite").stat().st_size
        store.close()
    return {
        "documents": documents,
        "words_per_document": words,
        "decision_write_ms": {
            "p50": round(statistics.median(latencies), 3),
            "p95": round(_percentile(latencies, 0.95), 3),
            "max": round(max(latencies), 3),
            "n": len(latencies),
        },
        "undo_ms": round(undo_ms, 3),
        "import_documents_per_s": round(summary.documents / import_seconds),
        "import_suggestions": summary.suggestions,
        "export_documents_per_s": round(exported / export_seconds),
        "database_mb": round(size / 2**20, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "sqlite_synchronous": "full",
    }
