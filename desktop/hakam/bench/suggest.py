"""``hakam bench suggest``: quality on a gold file and speed against a BERT baseline.

- With ``gold``: P/R/F1 per label of the chosen suggester (default: the rules, or
  with a database its learned names and active CRF) — entities exact and with
  GPE/LOC/FAC merged into one place class, event triggers typed and untyped,
  event arguments per role (trigger matched, exact span, same role; main
  mentions only) and the accuracy of ``fatalities``, ``injured`` and ``date``.
- Speed, on one text of ``words`` words made from the sample articles: words/s
  of the rules, of rules+CRF (the database's active CRF, else one trained here
  on the dev samples) and of camel-tools' NERecognizer running a BERT-base-size
  model with random weights (same text, same run), and the p50 latency of a
  1,000-word article.
"""

from __future__ import annotations

import itertools
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hakam.core.model import Document
from hakam.core.scoring import evaluate
from hakam.core.tokenize import word_tokens
from hakam.resources import resource_path
from hakam.suggest.base import Suggester

ARTICLE_WORDS = 1000
TARGET_LATENCY_MS = 35.0
TARGET_SPEEDUP = 50.0


def read_gold(path: Path) -> list[Document]:
    from hakam.io.errors import InputError
    from hakam.io.formats import ReadOptions, reader

    docs = []
    for item in reader("hakam").read(path, ReadOptions()):
        if isinstance(item, InputError):
            raise item
        docs.append(item.doc)
    return docs


def sample_text(words: int, docs: list[Document]) -> str:
    """A text of about ``words`` words, the sample articles repeated as needed."""
    paragraphs = [p for d in docs for p in d.text.split("\n") if p.strip()]
    if not paragraphs:
        raise ValueError("no sample text to time")
    out: list[str] = []
    count = 0
    while count < words:
        for paragraph in paragraphs:
            taken = paragraph.split()[: words - count]
            out.append(" ".join(taken))
            count += len(taken)
            if count >= words:
                break
    return "\n".join(out)


_FRESH = itertools.count(1)


def _timed(suggest: Callable[[Document], Any], text: str, runs: int, cpu: list[float] | None = None) -> list[float]:
    """Seconds per run; every timed text differs from all others (a different number of
    trailing line breaks), so no cache of any suggester (the rules keep their last
    results for the CRF) answers."""
    seconds = []
    for run in range(runs):
        doc = Document(text + "\n" * next(_FRESH), f"bench-{run}", {"date": "2025-01-15"})
        began, began_cpu = time.perf_counter(), time.process_time()
        suggest(doc)
        seconds.append(time.perf_counter() - began)
        if cpu is not None:  # the process's own CPU time: less moved by other jobs on a shared machine
            cpu.append(time.process_time() - began_cpu)
    return seconds


def _crf(store, samples: list[Document], rules) -> Suggester | None:
    from hakam.suggest.crf import CrfSuggester, Featurizer, train_models
    from hakam.suggest.training import active_crf

    crf = active_crf(store, rules) if store is not None else None
    if crf is None and samples:
        blob = train_models(samples, Featurizer())
        crf = CrfSuggester(blob, "bench", rules=rules) if blob else None
    return crf


def _bert_words_per_second(text: str, runs: int) -> float:
    from hakam.suggest.bert import BertSuggester, save_random_model

    words = [text[t.start : t.end] for t in word_tokens(text)]
    with tempfile.TemporaryDirectory(prefix="hakam-bert-") as folder:
        bert = BertSuggester(save_random_model(Path(folder) / "bert-base-random", words, size="base"))
        bert.recognizer()  # loading is not part of the throughput
        seconds = min(_timed(bert.suggest, text, runs))
    return len(words) / seconds


def run_bench(
    gold: Path | None = None,
    suggester: Suggester | None = None,
    store=None,
    words: int = ARTICLE_WORDS,
    runs: int = 7,
    bert: bool = True,
) -> dict[str, Any]:
    from hakam.suggest.ensemble import Ensemble
    from hakam.suggest.rules import RuleSuggester

    result: dict[str, Any] = {}
    samples_path = resource_path("samples", "dev_gold.jsonl")
    samples = read_gold(samples_path) if samples_path.exists() else []
    rules = RuleSuggester()
    if gold is not None:
        from hakam.suggest.training import suggester_for_store

        chosen = suggester or (suggester_for_store(store) if store is not None else Ensemble([rules]))
        docs = read_gold(gold)
        result["gold"] = {"file": str(gold), "documents": len(docs), "suggester": f"{chosen.name}@{chosen.version}",
                          **evaluate(docs, chosen.suggest)}  # fmt: skip
    crf = _crf(store, samples, rules)
    combined = Ensemble([rules, crf]) if crf else None
    source_docs = samples or (read_gold(gold) if gold else [])
    text = sample_text(words, source_docs)
    article = sample_text(ARTICLE_WORDS, source_docs)
    n_words = len(word_tokens(text))
    rules.suggest(Document(article + "\n" * 99, "warm-up"))  # knowledge base and caches outside the timings
    speed: dict[str, Any] = {
        "words": n_words,
        "rules_words_per_s": round(n_words / min(_timed(rules.suggest, text, 3))),
    }
    latency: dict[str, Any] = {"article_words": len(article.split()), "runs": runs}
    cpu: list[float] = []
    latency["rules_p50_ms"] = round(statistics.median(_timed(rules.suggest, article, runs, cpu)) * 1000, 1)
    latency["rules_p50_cpu_ms"] = round(statistics.median(cpu) * 1000, 1)
    if combined:
        combined.suggest(Document(article + "\n" * 98, "warm-up"))
        speed["rules_crf_words_per_s"] = round(n_words / min(_timed(combined.suggest, text, 3)))
        cpu = []
        latency["rules_crf_p50_ms"] = round(statistics.median(_timed(combined.suggest, article, runs, cpu)) * 1000, 1)
        latency["rules_crf_p50_cpu_ms"] = round(statistics.median(cpu) * 1000, 1)
    if bert:
        speed["bert_base_words_per_s"] = round(_bert_words_per_second(text, 2), 1)
        ours = speed.get("rules_crf_words_per_s", speed["rules_words_per_s"])  # rules+CRF when there is a CRF
        speed["speedup_vs_bert"] = round(ours / speed["bert_base_words_per_s"], 1)
    result["speed"] = speed
    result["latency"] = latency
    worst = latency.get("rules_crf_p50_ms", latency["rules_p50_ms"])
    result["targets"] = {"latency_ms": TARGET_LATENCY_MS, "speedup_vs_bert": TARGET_SPEEDUP,
                         "latency_ok": worst < TARGET_LATENCY_MS,
                         "speedup_ok": speed.get("speedup_vs_bert", TARGET_SPEEDUP) >= TARGET_SPEEDUP}  # fmt: skip
    return result
