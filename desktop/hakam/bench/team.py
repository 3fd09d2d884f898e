"""``hakam bench team``: team-mode figures as JSON. The agreement computation on a synthetic
corpus (default 10,000 articles of ~300 words, 3 annotators who each miss, relabel or resize
some of the same entities); with ``--db``, first many annotators reviewing at once
(``hakam.bench.team_load``). Nothing here asserts a target; the JSON says it."""

from __future__ import annotations

import random
import statistics
import time
from typing import Any

from hakam.core.agreement import agreement
from hakam.core.model import Layer, LayeredDocument, Span

_WORDS = (
    "قال مصدر عسكري إن الطائرات الحربية شنت غارات على مواقع في ريف المدينة وأسفرت عن مقتل عدد من المسلحين "
    "وإصابة آخرين بينما اندلعت اشتباكات عنيفة بين القوات الحكومية والفصائل المسلحة قرب الطريق الدولي"
).split()
_LABELS = ("PERS", "ORG", "GPE", "LOC", "FAC", "DATE")
AGREEMENT_TARGET_SECONDS = 5.0


def corpus(documents: int, words: int, annotators: int, seed: int = 0) -> list[LayeredDocument]:
    """Articles with an entity every ~8 words; each annotator drops 8%, relabels 4% and
    stretches 4% of them by a word."""
    rng = random.Random(seed)
    names = [f"annotator{i + 1}" for i in range(annotators)]
    out = []
    for _ in range(documents):
        chosen = [rng.choice(_WORDS) for _ in range(words)]
        text = " ".join(chosen)
        bounds, position = [], 0
        for word in chosen:
            bounds.append((position, position + len(word)))
            position += len(word) + 1
        gold = []
        index = 0
        while index < words - 3:
            index += rng.randint(3, 12)
            last = min(index + rng.choice((0, 0, 1, 2)), words - 1)
            if index < words:
                gold.append((index, last, rng.choice(_LABELS)))
            index = last + 1
        layers = {}
        for name in names:
            spans = []
            for first, last, label in gold:
                roll = rng.random()
                if roll < 0.08:
                    continue
                if roll < 0.12:
                    label = rng.choice(_LABELS)
                elif roll < 0.16 and last + 1 < words:
                    last += 1
                spans.append(Span(bounds[first][0], bounds[last][1], label))
            layers[name] = Layer(tuple(spans))
        out.append(LayeredDocument(text, layers))
    return out


def run_bench(args: Any) -> dict[str, Any]:
    """The agreement timing; with ``--db`` first the load of ``--annotators`` at once."""
    result: dict[str, Any] = {}
    location = getattr(args, "db", None)
    if location is not None:
        from hakam.bench.team_load import load

        result["load"] = load(str(location), getattr(args, "annotators", 20), getattr(args, "seconds", 60.0),
                              getattr(args, "rate", 5.0))  # fmt: skip
    return {**result, **_agreement_bench(args)}


def _agreement_bench(args: Any) -> dict[str, Any]:
    documents = getattr(args, "documents", 10_000)
    words = getattr(args, "words", 300)
    raters = getattr(args, "raters", 3)
    runs = getattr(args, "runs", 3)
    docs = corpus(documents, words, raters)
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = agreement(docs)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {
        "agreement": {
            "documents": documents, "annotators": raters, "words_per_document": words,
            "units": result.alpha.units, "disputed_units": result.alpha.disputed,
            "alpha": round(result.alpha.alpha or 0.0, 4),
            "seconds_median": round(statistics.median(walls), 3), "seconds_all": [round(w, 3) for w in walls],
            "cpu_seconds_median": round(statistics.median(cpus), 3),
            "target_seconds": AGREEMENT_TARGET_SECONDS,
            "met": statistics.median(walls) < AGREEMENT_TARGET_SECONDS,
        },
    }  # fmt: skip
