"""``hakam bench train``: train on a corpus, suggest on its test split, score.

The training file is imported as reviewed data into a temporary store (spans
trimmed to Hakam's proclitic rule), the store's suggesters are trained
(``hakam.suggest.training.train_from_store``) and the store's suggester
(``suggester_for_store``: rules + learned names + the CRF) runs on every test
document. The gold keeps the corpus's own spans; scoring maps GPE/LOC/FAC to
LOC, leaves MISC out (with predictions that overlap it) and keeps predictions
of the corpus's labels only, strict and with the proclitic tolerance. Nothing
derived from the corpus outlives the run: the store is deleted at the end.
``unseen_names`` tells how many test names never occur in training and how many of
those each suggester finds: the measure of what it learned beyond memorising names.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Set
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from hakam.core.arabic import PROCLITIC_LETTERS, normalize_word
from hakam.core.model import Document
from hakam.core.schema import load_schema
from hakam.io.errors import InputError
from hakam.io.evaluate import Side, add_record, compare
from hakam.io.formats import ReadOptions, reader
from hakam.io.importer import import_file
from hakam.store import Store
from hakam.suggest.base import Suggester

PLACE_MAP = {"GPE": "LOC", "FAC": "LOC"}
SCORED = ("PERS", "ORG", "LOC")
IGNORED = ("MISC",)
SENTENCES_PER_DOC = 20


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1 << 20 if sys.platform == "darwin" else 1 << 10), 1)


def name_key(name: str) -> str:
    """A name as compared between training and test: normalised words."""
    return " ".join(normalize_word(word) for word in name.split())


def is_unseen(name: str, seen: Set[str]) -> bool:
    """Neither the name nor the name without one or two leading proclitic letters
    (وإسرائيل; للأمم المتحدة, where ل + ال is written لل) was a training span."""
    key = name_key(name)
    readings = [key] + [key[n:] for n in (1, 2) if all(c in PROCLITIC_LETTERS for c in key[:n])]
    readings += ["ال" + r[2:] for r in readings if r.startswith("لل")]
    return not any(reading in seen for reading in readings)


def _seen_names(store: Store) -> set[str]:
    """``name_key`` of every span of the reviewed (training) documents."""
    from hakam.store import REVIEWED

    seen = set()
    for doc_id in store.documents.ids(status=REVIEWED):
        doc = store.items.reviewed_document(doc_id)
        seen.update(name_key(doc.text[s.start : s.end]) for s in doc.spans)
    return seen


def score(
    suggesters: dict[str, Suggester], test: Path, fmt: str, per_doc: int, seen: Set[str] = frozenset()
) -> dict[str, dict[str, Any]]:
    """Each suggester's scores on ``test`` (strict and tolerant, see the module doc),
    with its test words and suggestion seconds; with ``seen`` (``name_key`` of the
    training spans), also its tolerant recall on the test names never seen in training."""
    gold, unseen = Side(fmt), Side(fmt)
    preds = {name: Side("suggestions") for name in suggesters}
    seconds = dict.fromkeys(suggesters, 0.0)
    words = 0
    for item in reader(fmt).read(test, ReadOptions(sentences_per_doc=per_doc, keep_clitics=True)):
        if isinstance(item, InputError):
            raise item
        add_record(gold, item)
        text = item.doc.text
        unseen.by_text[text] = [s for s in item.doc.spans if is_unseen(text[s.start : s.end], seen)]
        doc = Document(item.doc.text, item.doc.id, {})
        words += len(doc.text.split())
        for name, suggester in suggesters.items():
            began = time.perf_counter()
            spans, _ = suggester.suggest(doc)
            seconds[name] += time.perf_counter() - began
            preds[name].by_text.setdefault(doc.text, []).extend(spans)
    out = {}
    for name, pred in preds.items():
        result = compare(gold, pred, PLACE_MAP, IGNORED, only=SCORED)
        novel = compare(unseen, pred, PLACE_MAP, IGNORED, only=SCORED)["tolerant"]
        out[name] = {
            "strict": result["strict"], "tolerant": result["tolerant"], "tolerance": result["tolerance"],
            "micro_f1_strict": result["strict"]["micro"]["f1"], "micro_f1_tolerant": result["tolerant"]["micro"]["f1"],
            "unseen_names": {"share": round(novel["micro"]["support"] / max(result["tolerant"]["micro"]["support"], 1), 3),
                             "recall_tolerant": novel["micro"]["recall"],
                             **{label: novel[label]["recall"] for label in SCORED if novel.get(label, {}).get("support")}},
            "test_words": words, "suggest_seconds": round(seconds[name], 2),
            "suggestion_words_per_second": round(words / seconds[name]) if seconds[name] else None,
        }  # fmt: skip
    return out


def _headline(trained: Any) -> str:
    """The suggester whose held-out (training data) micro F1 was higher: ``crf`` or
    ``ensemble`` (the ensemble when there are no held-out scores)."""
    held = getattr(trained, "scores", None) or {}
    f1 = {name: held[name]["entities_places_merged"]["f1"] for name in ("crf", "ensemble") if name in held}
    return "crf" if f1.get("crf", -1) > f1.get("ensemble", 1) else "ensemble"


def run_bench(args: argparse.Namespace) -> dict[str, Any]:
    """Figures of one train → suggest → score run, as a JSON-ready dict.

    ``args``: ``train`` and ``test`` paths, optional ``format`` (default conll),
    ``sentences_per_doc`` (default 20) and ``quiet``. The headline figures are
    those of the ``suggester`` chosen on held-out training data (never on the
    test); ``suggesters`` has the figures of each.
    """
    from hakam.suggest.training import suggester_for_store, train_from_store

    fmt = getattr(args, "format", None) or "conll"
    per_doc = getattr(args, "sentences_per_doc", None) or SENTENCES_PER_DOC
    say = (lambda *_: None) if getattr(args, "quiet", False) else (lambda m: print(m, file=sys.stderr, flush=True))
    with tempfile.TemporaryDirectory(prefix="hakam-bench-") as folder:
        store = Store(Path(folder) / "bench.sqlite", annotator="bench", schema=load_schema())
        try:
            began = time.perf_counter()
            summary = import_file(store, Path(args.train), fmt, reviewed=True, add_labels=True,
                                  options=ReadOptions(sentences_per_doc=per_doc))  # fmt: skip
            import_seconds = time.perf_counter() - began
            say(f"imported {summary.documents} training documents, {summary.spans} spans "
                f"({summary.trimmed} proclitics trimmed) in {import_seconds:.1f} s")  # fmt: skip
            began = time.perf_counter()
            trained = train_from_store(store, lambda *_: None, lambda: False)
            train_seconds = time.perf_counter() - began
            say(f"trained in {train_seconds:.1f} s")
            ensemble = suggester_for_store(store)
            members = getattr(ensemble, "members", [])
            crf = {"crf": members[-1]} if len(members) > 1 else {}
            seen = _seen_names(store)
            results = score({"ensemble": ensemble, **crf}, Path(args.test), fmt, per_doc, seen)
        finally:
            store.close()
    headline = _headline(trained) if crf else "ensemble"
    return {
        "train": str(args.train), "test": str(args.test), "format": fmt, "sentences_per_doc": per_doc,
        "training_documents": summary.documents, "training_spans": summary.spans, "trimmed": summary.trimmed,
        "model": asdict(trained) if is_dataclass(trained) else trained,
        "scored_labels": list(SCORED), "label_map": PLACE_MAP, "ignored": list(IGNORED),
        "suggester": headline, **results[headline],
        "suggesters": {name: {k: r[k] for k in ("micro_f1_strict", "micro_f1_tolerant", "strict", "tolerant", "unseen_names")}
                       for name, r in results.items()},
        "import_seconds": round(import_seconds, 2), "training_seconds": round(train_seconds, 2),
        "peak_rss_mb": _peak_rss_mb(),
    }  # fmt: skip
