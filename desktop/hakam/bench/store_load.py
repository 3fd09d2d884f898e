"""``hakam bench store --writers N``: N processes, each a reviewer working on its own
documents (accept, reject, relabel, resize, undo) at ``--rate`` decisions a second
(0: flat out) for ``--seconds``, against one database. Afterwards every decision a
writer saw acknowledged is looked up in the log: ``lost`` must be 0."""

from __future__ import annotations

import multiprocessing
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

DOCUMENTS_PER_WRITER = 10
SPANS_PER_DOCUMENT = 40
# A reviewer's mix of actions (weights), from the desk's own use: mostly verdicts.
MIX = {"accept": 50, "reject": 15, "relabel": 15, "resize": 5, "undo": 10, "add": 5}
LABELS = ("GPE", "LOC", "ORG", "PERS")


def _text(writer: int, number: int) -> str:
    words = ["قصفت", "الطائرات", "مدينة", "حلب", "وقالت", "وزارة", "الدفاع", "إن", "القوات", "تقدمت"]
    return f"وثيقة {writer}-{number}: " + " ".join(words[(i * 7 + number) % len(words)] for i in range(200))


def _prepare(location: Path | str, writers: int) -> dict[int, list[int]]:
    """Each writer's documents, with pending suggestions on every word."""
    from hakam.core.model import Document, Span
    from hakam.store import Store

    store = Store(location, annotator="bench")
    if store.documents.ids():
        store.close()
        raise ValueError(f"{store.name}: the load benchmark writes its own documents; give it an empty database")
    owned: dict[int, list[int]] = {}
    for writer in range(writers):
        for number in range(DOCUMENTS_PER_WRITER):
            text = _text(writer, number)
            doc = store.documents.add(Document(text, f"load-{writer}-{number}"))
            assert doc is not None
            starts = [i + 1 for i, c in enumerate(text) if c == " "][:SPANS_PER_DOCUMENT]
            spans = [Span(s, text.index(" ", s), LABELS[s % len(LABELS)], 0.5, "bench@1") for s in starts]
            store.suggestions.replace(doc, spans)
            owned.setdefault(writer, []).append(doc)
    store.close()
    return owned


def _writer(location: Path | str, writer: int, documents: list[int], seconds: float, rate: float,
            out: Any) -> None:  # fmt: skip
    """One reviewer process; sends (latencies ms, acknowledged batches, errors) back."""
    from hakam.store import DecisionError, Store, StoreError

    rng = random.Random(writer)
    store = Store(location, annotator=f"load-{writer}")
    actions, weights = list(MIX), list(MIX.values())
    latencies: list[float] = []
    acknowledged: list[int] = []
    errors: dict[str, int] = {}
    pending: dict[int, list[Any]] = {}  # per document, read once as the desk does, kept up to date

    def todo(doc: int) -> list[Any]:
        if doc not in pending:
            pending[doc] = [s for s in store.items.spans(doc) if s.status == "pending"]
        return pending[doc]

    began = time.perf_counter()
    next_at = began
    while time.perf_counter() - began < seconds:
        if rate > 0:
            next_at += rng.expovariate(rate)  # a reviewer's pauses vary; the mean rate is ``rate``
            pause = next_at - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
        doc = rng.choice(documents)
        action = rng.choices(actions, weights)[0]
        items = todo(doc)
        started = time.perf_counter()
        try:
            if action == "undo":
                change = store.decisions.undo()
            elif not items or action == "add":
                change = store.decisions.add_span(doc, 0, 5, rng.choice(LABELS))
            elif action == "accept":
                change = store.decisions.accept(items[0].id)
            elif action == "reject":
                change = store.decisions.reject(items[0].id)
            elif action == "relabel":
                change = store.decisions.relabel(items[0].id, rng.choice(LABELS))
            else:
                change = store.decisions.resize(items[0].id, items[0].start, items[0].end - 1)
        except (DecisionError, StoreError) as error:
            errors[type(error).__name__] = errors.get(type(error).__name__, 0) + 1
            continue
        if change is not None:
            latencies.append((time.perf_counter() - started) * 1000)
            acknowledged.append(change.batch)
            if action == "undo":
                pending.pop(change.document_id, None)  # what came back is read again
            elif items and action != "add":
                items.pop(0)
    store.close()
    out.put((writer, latencies, acknowledged, errors))


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def run_load(location: Path | str | None, writers: int, seconds: float, rate: float) -> dict[str, Any]:
    from hakam.store import Store, is_url

    with tempfile.TemporaryDirectory() as folder:
        where = location if location is not None else Path(folder) / "load.sqlite"
        owned = _prepare(where, writers)
        context = multiprocessing.get_context("spawn")
        queue = context.Queue()
        processes = [
            context.Process(target=_writer, args=(where, w, owned[w], seconds, rate, queue)) for w in range(writers)
        ]
        started = time.perf_counter()
        for process in processes:
            process.start()
        results = [queue.get() for _ in processes]
        for process in processes:
            process.join()
        elapsed = time.perf_counter() - started
        store = Store(where, annotator="bench")
        logged = store.decisions.batches()
        backend = "postgresql" if store.is_postgresql else "sqlite"
        store.close()
    latencies = [ms for _, lat, _, _ in results for ms in lat]
    acknowledged = [batch for _, _, acked, _ in results for batch in acked]
    errors: dict[str, int] = {}
    for _, _, _, errs in results:
        for name, count in errs.items():
            errors[name] = errors.get(name, 0) + count
    return {
        "backend": backend,
        "database": "temporary SQLite file" if location is None else ("server" if is_url(str(location)) else "file"),
        "writers": writers,
        "seconds": seconds,
        "rate_per_writer": rate or "flat out",
        "decisions_committed": len(acknowledged),
        "decisions_per_s": round(len(acknowledged) / seconds, 1),
        "wall_seconds": round(elapsed, 1),  # with the writers' start-up
        "decisions_lost": len(set(acknowledged) - logged),
        "write_ms": {
            "p50": round(statistics.median(latencies), 2) if latencies else None,
            "p95": round(_percentile(latencies, 0.95), 2),
            "max": round(max(latencies), 2) if latencies else None,
        },
        "errors": errors,
        "cpus": os.cpu_count(),
    }
