"""``hakam bench team --db LOCATION``: N annotators reviewing their assigned documents at
once, each in its own process and, on PostgreSQL, connected as its own role under
row-level security (``hakam team init``); a decision is acknowledged when the call returns,
and afterwards every acknowledged one must be in the log (lost = 0)."""

from __future__ import annotations

import multiprocessing
import random
import statistics
import time
from typing import Any

from hakam.core.assignment import deal
from hakam.core.model import Document, Span

_WORDS = (
    "قال مصدر عسكري إن الطائرات الحربية شنت غارات على مواقع في ريف المدينة وأسفرت عن مقتل عدد من المسلحين "
    "وإصابة آخرين بينما اندلعت اشتباكات عنيفة بين القوات الحكومية والفصائل المسلحة قرب الطريق الدولي"
).split()
_LABELS = ("PERS", "ORG", "GPE", "LOC", "FAC", "DATE")


def _article(rng: random.Random, number: int, words: int = 200) -> tuple[str, list[Span]]:
    chosen = [f"خبر{number}"] + [rng.choice(_WORDS) for _ in range(words)]
    text = " ".join(chosen)
    spans, position = [], 0
    for index, word in enumerate(chosen):
        if index and index % 7 == 0:
            spans.append(Span(position, position + len(word), rng.choice(_LABELS), 0.7, "bench"))
        position += len(word) + 1
    return text, spans


def _as_role(url: str, role: str, password: str | None) -> str:
    scheme, rest = url.split("://", 1)
    host = rest.split("@", 1)[1] if "@" in rest else rest
    return f"{scheme}://{role}{':' + password if password else ''}@{host}"


def prepare(location: str, annotators: int, per_annotator: int, seed: int) -> dict[str, str]:
    """Documents, suggestions, assignments (2 annotators a document) and, on PostgreSQL,
    one role each; returns each annotator's database location."""
    from hakam.store import Store, StoreError, is_url, roles

    store = Store(location, annotator="bench-owner")
    if store.documents.ids():
        raise StoreError(f"{store.name} already holds documents: give an empty database for the team benchmark")
    rng = random.Random(seed)
    names = [f"bench_a{i:02d}" for i in range(1, annotators + 1)]
    ids = []
    with store.atomic():
        for number in range(annotators * per_annotator // 2):
            text, spans = _article(rng, number)
            document_id = store.documents.add(Document(text, f"bench-{number}"))
            store.suggestions.replace(document_id, spans)
            ids.append(document_id)
    store.team.assign(deal(ids, names, 2, seed))
    locations = {name: location for name in names}
    if is_url(location):
        for name in names:
            locations[name] = _as_role(location, name, roles.add(store, name))
    store.close()
    return locations


def annotate(location: str, name: str, seconds: float, rate: float, seed: int) -> dict[str, Any]:
    """One annotator's session: accept, reject or relabel pending spans (now and then undo),
    mark each document reviewed when done. Returns latencies and the acknowledged batches."""
    from hakam.store import Store, StoreError

    store = Store(location, annotator=name)
    rng = random.Random(seed)
    queue = store.documents.ids()
    latencies, batches, errors = [], [], 0
    end = time.monotonic() + seconds
    next_at = time.monotonic()
    while time.monotonic() < end and queue:
        if rate:
            next_at += rng.expovariate(rate)
            pause = next_at - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        document_id = queue[0]
        try:
            pending = [s for s in store.items.spans(document_id) if s.status == "pending"]
            started = time.perf_counter()
            roll = rng.random()
            if not pending:
                change = store.decisions.mark_reviewed(document_id)
                queue.pop(0)
            elif roll < 0.05 and store.decisions.can_undo():
                change = store.decisions.undo()
            elif roll < 0.70:
                change = store.decisions.accept(pending[0].id)
            elif roll < 0.85:
                change = store.decisions.reject(pending[0].id)
            else:
                change = store.decisions.relabel(pending[0].id, rng.choice(_LABELS))
            latencies.append((time.perf_counter() - started) * 1000)
            if change is not None:
                batches.append(change.batch)
        except (StoreError, ValueError):
            errors += 1
    store.close()
    return {"latencies": latencies, "batches": batches, "errors": errors}


def _annotate(arguments: tuple) -> dict[str, Any]:
    return annotate(*arguments)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def load(location: str, annotators: int, seconds: float, rate: float, seed: int = 0) -> dict[str, Any]:
    from hakam.store import Store

    # Enough documents that nobody runs out: ~30 decisions a document, 2 annotators each.
    per_annotator = int(seconds * (rate or 60) / 25) + 5
    locations = prepare(location, annotators, per_annotator, seed)
    with multiprocessing.get_context("spawn").Pool(annotators) as pool:
        results = pool.map(_annotate, [(locations[n], n, seconds, rate, seed + i) for i, n in enumerate(locations)])
    latencies = [ms for r in results for ms in r["latencies"]]
    acknowledged = {b for r in results for b in r["batches"]}
    owner = Store(location, annotator="bench-owner")
    logged = {row["batch"] for row in owner.decisions.log()}
    owner.close()
    return {
        "database": "postgresql" if str(location).startswith("postgres") else "sqlite",
        "annotators": annotators, "seconds": seconds, "rate_per_annotator": rate or "flat out",
        "decisions_committed": len(acknowledged), "decisions_lost": len(acknowledged - logged),
        "decisions_per_second": round(len(acknowledged) / seconds, 1),
        "write_ms_p50": round(statistics.median(latencies), 2) if latencies else None,
        "write_ms_p95": round(_percentile(latencies, 0.95), 2) if latencies else None,
        "errors": sum(r["errors"] for r in results),
    }  # fmt: skip
