"""``hakam bench curve``: the learning curve a user would see, in import order or by uncertainty.

The training file is imported into a temporary store as unreviewed documents
(``hakam import TRAIN``) and the test file beside it. At each size the next
documents are "reviewed" — their gold annotations stored as a reviewer's
(``Store.add_reviewed``, what importing them with ``--reviewed`` does) — then
``hakam train`` (``train_from_store``) and ``hakam suggest --store``
(``refresh_suggestions`` with the store's default suggester) run and the test
suggestions are scored as ``hakam bench train`` scores them. Size 0 is the cold
start (rules and shipped knowledge). ``order``: ``import`` takes the documents
in file order; ``uncertain`` takes the top of the review queue (``hakam gui
--order uncertain``) after suggesting on the remaining documents with the
current model. Figures go out as JSON, the curve as a PNG.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from hakam.bench.train import component_suggestions, gold_side, import_test, scored, store_suggestions
from hakam.core.schema import load_schema
from hakam.io.errors import InputError
from hakam.io.formats import ReadOptions, reader
from hakam.io.formats.conll import SENTENCES_PER_DOC
from hakam.io.importer import import_file
from hakam.store import Store

DEFAULT_SIZES: list[int | None] = [0, 10, 25, 50, 100, None]  # None: every training document
ORDERS = ("import", "uncertain")


def _reviewed_gold(path: Path, fmt: str, per_doc: int | None) -> dict[str, Any]:
    """Documents of the training file as a reviewer's annotations (spans trimmed as on import), by id."""
    out = {}
    for item in reader(fmt).read(path, ReadOptions(sentences_per_doc=per_doc)):
        if isinstance(item, InputError):
            raise item
        out[item.doc.id] = item.doc
    return out


def run_curve(
    train: Path, test: Path, sizes: list[int | None], order: str, fmt: str = "conll", per_doc: int | None = None,
    say=lambda message: None,
) -> list[dict[str, Any]]:  # fmt: skip
    """One point per size: documents, F1 (tolerant and strict), training and suggesting seconds."""
    from hakam.bench.train import _seen_names
    from hakam.store import REVIEWED, TODO
    from hakam.suggest.training import refresh_suggestions, suggester_for_store, train_from_store

    points = []
    with tempfile.TemporaryDirectory(prefix="hakam-curve-") as folder:
        store = Store(Path(folder) / "curve.sqlite", annotator="bench", schema=load_schema())
        try:
            import_file(store, train, fmt, add_labels=True, options=ReadOptions(sentences_per_doc=per_doc))
            pool = store.documents.ids(status=TODO)
            test_ids = import_test(store, test, fmt, per_doc)
            gold_docs = _reviewed_gold(train, fmt, per_doc)
            reviewed: list[int] = []
            for size in sizes:
                wanted = len(pool) if size is None else min(size, len(pool))
                picked = _next(store, pool, reviewed, wanted - len(reviewed), order)
                for document_id in picked:
                    view = store.documents.get(document_id)
                    store.items.add_reviewed(document_id, gold_docs[view.ext_id], status=REVIEWED)
                reviewed += picked
                began = time.perf_counter()
                trained = train_from_store(store) if reviewed else None
                train_seconds = time.perf_counter() - began
                gold, unseen, docs = gold_side(test, fmt, per_doc, _seen_names(store))
                words = sum(len(d.text.split()) for d in docs)
                result = scored(gold, unseen, *store_suggestions(store, test_ids), words)
                point = {"documents": len(reviewed), "f1_tolerant": result["micro_f1_tolerant"],
                         "f1_strict": result["micro_f1_strict"], "components": _components(store, gold, unseen, docs),
                         "labels": {k: v["f1"] for k, v in result["tolerant"].items() if k != "micro"},
                         "training_seconds": round(train_seconds, 1),
                         "policy": (trained.scores.get("policy") if trained else None)}  # fmt: skip
                points.append(point)
                say(
                    f"{order}: {len(reviewed)} documents → F1 {point['f1_tolerant']:.4f} (trained in {train_seconds:.0f} s)"
                )
                if order == "uncertain" and size != sizes[-1]:
                    rest = [i for i in pool if i not in set(reviewed)]
                    refresh_suggestions(store, suggester_for_store(store), rest)
        finally:
            store.close()
    return points


def _components(store: Store, gold, unseen, docs) -> dict[str, float]:
    """Tolerant F1 of the default suggester's components alone: the rules (with the
    learned names) and the active CRF."""
    from hakam.suggest import learned
    from hakam.suggest.rules import RuleSuggester
    from hakam.suggest.training import active_crf

    rules = RuleSuggester(learned.entries(store))
    out = {}
    for name, member in (("rules", rules), ("crf", active_crf(store, rules))):
        if member is not None:
            out[name] = scored(gold, unseen, *component_suggestions(member, docs), 1)["micro_f1_tolerant"]
    return out


def _next(store: Store, pool: list[int], reviewed: list[int], count: int, order: str) -> list[int]:
    """The next ``count`` documents to review: in import order, or the queue's most uncertain."""
    if count <= 0:
        return []
    done = set(reviewed)
    if order == "import" or not reviewed:
        return [i for i in pool if i not in done][:count]
    rest = set(pool) - done
    queue = [view.id for view in store.documents.find(status="todo", order="uncertain") if view.id in rest]
    return queue[:count]


def run_bench(args: argparse.Namespace) -> dict[str, Any]:
    fmt = getattr(args, "format", None) or "conll"
    per_doc = getattr(args, "sentences_per_doc", None)
    sizes = getattr(args, "sizes", None) or DEFAULT_SIZES
    orders = [args.order] if getattr(args, "order", None) else list(ORDERS)
    say = (lambda *_: None) if getattr(args, "quiet", False) else (lambda m: print(m, file=sys.stderr, flush=True))
    curves = {order: run_curve(Path(args.train), Path(args.test), sizes, order, fmt, per_doc, say) for order in orders}
    result: dict[str, Any] = {
        "train": str(args.train), "test": str(args.test), "format": fmt,
        "sentences_per_doc": per_doc or SENTENCES_PER_DOC, "curves": curves,
    }  # fmt: skip
    png = getattr(args, "png", None) or Path("learning-curve.png")
    from hakam.bench.curve_png import write_png

    write_png(curves, Path(png), title=f"{Path(args.train).name} → {Path(args.test).name}")
    result["png"] = str(png)
    return result
