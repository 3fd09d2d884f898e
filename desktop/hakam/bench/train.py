"""``hakam bench train``: train on a corpus, suggest on its test split, score — the user's path.

Each step calls what the command line calls, on a temporary store:
``hakam import TRAIN --reviewed --add-labels`` (``import_file``: spans trimmed to
Hakam's proclitic rule, a CoNLL file without ``-DOCSTART-`` cut into documents of
20 sentences), ``hakam train`` (``train_from_store``), ``hakam import TEST``,
``hakam suggest --store`` (``refresh_suggestions`` with ``suggester_for_store``,
the store's default suggester) and ``hakam export --all --suggestions``
(``export_records``), whose suggestions are scored against the test file's own
spans as ``hakam eval`` does: GPE/LOC/FAC counted as LOC, MISC left out (with
predictions that overlap it), predictions of the corpus's labels only, strict and
with the proclitic tolerance. Each component (rules, CRF) is also scored alone.
Nothing derived from the corpus outlives the run: the store is deleted at the end.
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
from hakam.io.formats.conll import SENTENCES_PER_DOC
from hakam.io.importer import import_file
from hakam.store import Store
from hakam.suggest.base import Suggester

PLACE_MAP = {"GPE": "LOC", "FAC": "LOC"}
SCORED = ("PERS", "ORG", "LOC")
IGNORED = ("MISC",)


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


def gold_side(test: Path, fmt: str, per_doc: int | None, seen: Set[str]) -> tuple[Side, Side, list[Document]]:
    """(gold, gold names unseen in training, documents) of the test file, spans as the corpus has them."""
    gold, unseen = Side(fmt), Side(fmt)
    docs = []
    for item in reader(fmt).read(test, ReadOptions(sentences_per_doc=per_doc, keep_clitics=True)):
        if isinstance(item, InputError):
            raise item
        add_record(gold, item)
        text = item.doc.text
        unseen.by_text[text] = [s for s in item.doc.spans if is_unseen(text[s.start : s.end], seen)]
        docs.append(Document(text, item.doc.id, {}))
    return gold, unseen, docs


def scored(gold: Side, unseen: Side, pred: Side, seconds: float, words: int) -> dict[str, Any]:
    """Strict and tolerant scores of ``pred`` (see the module doc), recall on unseen names, speed."""
    result = compare(gold, pred, PLACE_MAP, IGNORED, only=SCORED)
    novel = compare(unseen, pred, PLACE_MAP, IGNORED, only=SCORED)["tolerant"]
    return {
        "strict": result["strict"], "tolerant": result["tolerant"], "tolerance": result["tolerance"],
        "micro_f1_strict": result["strict"]["micro"]["f1"], "micro_f1_tolerant": result["tolerant"]["micro"]["f1"],
        "unseen_names": {"share": round(novel["micro"]["support"] / max(result["tolerant"]["micro"]["support"], 1), 3),
                         "recall_tolerant": novel["micro"]["recall"],
                         **{label: novel[label]["recall"] for label in SCORED if novel.get(label, {}).get("support")}},
        "test_words": words, "suggest_seconds": round(seconds, 2),
        "suggestion_words_per_second": round(words / seconds) if seconds else None,
    }  # fmt: skip


def store_suggestions(store: Store, document_ids: list[int]) -> tuple[Side, float]:
    """``hakam suggest --store`` on ``document_ids``, then their pending suggestions as
    ``hakam export --all --suggestions`` writes them; with the seconds suggesting took."""
    from hakam.io.exporter import export_records
    from hakam.suggest.training import refresh_suggestions, suggester_for_store

    began = time.perf_counter()
    refresh_suggestions(store, suggester_for_store(store), document_ids)
    seconds = time.perf_counter() - began
    wanted = {store.documents.get(i).ext_id for i in document_ids}
    pred = Side("suggestions")
    for record in export_records(store, include_all=True, with_suggestions=True):
        if record.doc.id in wanted:
            pred.by_text.setdefault(record.doc.text, []).extend(record.suggestions)
    return pred, seconds


def component_suggestions(suggester: Suggester, docs: list[Document]) -> tuple[Side, float]:
    pred = Side("suggestions")
    began = time.perf_counter()
    for doc in docs:
        pred.by_text.setdefault(doc.text, []).extend(suggester.suggest(doc)[0])
    return pred, time.perf_counter() - began


def import_test(store: Store, test: Path, fmt: str, per_doc: int | None) -> list[int]:
    """``hakam import TEST``: the test documents as unreviewed ones; their ids."""
    from hakam.store import TODO

    before = set(store.documents.ids(status=TODO))
    import_file(store, test, fmt, add_labels=True, options=ReadOptions(sentences_per_doc=per_doc))
    return [i for i in store.documents.ids(status=TODO) if i not in before]


def run_bench(args: argparse.Namespace) -> dict[str, Any]:
    """Figures of one import → train → suggest → score run, as a JSON-ready dict.

    ``args``: ``train`` and ``test`` paths, optional ``format`` (default conll),
    ``sentences_per_doc`` and ``quiet``. The headline figures are those of the
    store's default suggester (what ``hakam suggest --store`` gives); ``suggesters``
    has those of each component alone.
    """
    from hakam.suggest import learned
    from hakam.suggest.rules import RuleSuggester
    from hakam.suggest.training import active_crf, train_from_store

    fmt = getattr(args, "format", None) or "conll"
    per_doc = getattr(args, "sentences_per_doc", None)
    say = (lambda *_: None) if getattr(args, "quiet", False) else (lambda m: print(m, file=sys.stderr, flush=True))
    with tempfile.TemporaryDirectory(prefix="hakam-bench-") as folder:
        store = Store(Path(folder) / "bench.sqlite", annotator="bench", schema=load_schema())
        try:
            began = time.perf_counter()
            summary = import_file(store, Path(args.train), fmt, reviewed=True, add_labels=True,
                                  options=ReadOptions(sentences_per_doc=per_doc))  # fmt: skip
            import_seconds = time.perf_counter() - began
            for note in summary.reader_notes:
                say(note)
            say(f"imported {summary.documents} training documents, {summary.spans} spans "
                f"({summary.trimmed} proclitics trimmed) in {import_seconds:.1f} s")  # fmt: skip
            began = time.perf_counter()
            trained = train_from_store(store)
            train_seconds = time.perf_counter() - began
            say(f"trained in {train_seconds:.1f} s")
            test_ids = import_test(store, Path(args.test), fmt, per_doc)
            gold, unseen, docs = gold_side(Path(args.test), fmt, per_doc, _seen_names(store))
            words = sum(len(d.text.split()) for d in docs)
            results = {"default": scored(gold, unseen, *store_suggestions(store, test_ids), words)}
            rules = RuleSuggester(learned.entries(store))
            crf = active_crf(store, rules)
            for name, member in (("rules", rules), ("crf", crf)):
                if member is not None:
                    results[name] = scored(gold, unseen, *component_suggestions(member, docs), words)
        finally:
            store.close()
    return {
        "train": str(args.train), "test": str(args.test), "format": fmt,
        "sentences_per_doc": per_doc or SENTENCES_PER_DOC, "import_notes": summary.reader_notes,
        "training_documents": summary.documents, "training_spans": summary.spans, "trimmed": summary.trimmed,
        "model": asdict(trained) if is_dataclass(trained) else trained,
        "scored_labels": list(SCORED), "label_map": PLACE_MAP, "ignored": list(IGNORED),
        "suggester": "default", **results["default"],
        "suggesters": {name: {k: r[k] for k in ("micro_f1_strict", "micro_f1_tolerant", "strict", "tolerant", "unseen_names")}
                       for name, r in results.items()},
        "import_seconds": round(import_seconds, 2), "training_seconds": round(train_seconds, 2),
        "peak_rss_mb": _peak_rss_mb(),
    }  # fmt: skip
