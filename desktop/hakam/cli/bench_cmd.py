"""``hakam bench {store,suggest,desk,train,curve,team}``: performance and quality figures as JSON.

Each benchmark lives next to what it measures and is imported only when it
runs: ``hakam.bench.store``, ``hakam.bench.suggest``, ``hakam.bench.desk``,
``hakam.bench.train``, ``hakam.bench.curve`` and ``hakam.bench.team``, each with ``run_bench(args) -> dict`` (suggest takes
keyword arguments, see ``_suggest``).
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from hakam.cli.import_cmd import add_sentences_per_doc

# Benchmark -> module holding its run_bench(); imported by name so the CLI never
# imports Qt (the desk benchmark starts the GUI itself).
MODULES = {
    "store": "hakam.bench.store",
    "suggest": "hakam.bench.suggest",
    "desk": "hakam.bench.desk",
    "train": "hakam.bench.train",
    "curve": "hakam.bench.curve",
    "team": "hakam.bench.team",
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("bench", help="measure speed and quality (prints JSON)")
    benches = parser.add_subparsers(dest="bench", metavar="BENCH", required=True)

    # Options left out are not set at all (SUPPRESS), so each run_bench keeps its own defaults.
    store = benches.add_parser("store", help="import, queue and export timings of the database",
                               argument_default=argparse.SUPPRESS)  # fmt: skip
    store.add_argument("--documents", type=int, help="documents to import")
    store.add_argument("--words", type=int, help="words per document")
    store.add_argument("--decisions", type=int, help="review decisions to time")
    store.add_argument("--db", help="with --writers: an empty database to load (a file or postgresql://…; "
                                    "default: a temporary SQLite file)")  # fmt: skip
    store.add_argument("--writers", type=int, help="reviewer processes writing at once (the load run)")
    store.add_argument("--seconds", type=float, help="with --writers: how long they write (default 10)")
    store.add_argument(
        "--rate", type=float, help="with --writers: decisions a second per writer (default 5; 0 flat out)"
    )
    store.set_defaults(run=_module_bench)

    suggest = benches.add_parser("suggest", help="suggester quality on a gold file, and speed against BERT")
    suggest.add_argument("--gold", type=Path, help="Hakam JSONL with gold spans and events")
    suggest.add_argument("--words", type=int, default=1000, help="words in the timed text (default 1000)")
    suggest.add_argument("--runs", type=int, default=7, help="runs for the latency median (default 7)")
    suggest.add_argument("--model", help="suggester to score (default: rules, with --db its learned names and CRF)")
    suggest.add_argument("--no-bert", action="store_true", help="skip the BERT baseline")
    suggest.set_defaults(run=_suggest)

    desk = benches.add_parser("desk", help="review-desk timings (opens the GUI off screen)",
                              argument_default=argparse.SUPPRESS)  # fmt: skip
    desk.add_argument("--words", type=int, help="words in the test article")
    desk.add_argument("--suggestions", type=int, help="suggestions on the test article")
    desk.add_argument("--accepts", type=int, help="accept keystrokes to time")
    desk.add_argument("--large-documents", type=int,
                      help="documents in the large-database run (default 10000; 0 skips it)")  # fmt: skip
    desk.set_defaults(run=_module_bench)

    train = benches.add_parser("train", help="train on a corpus, score on its test split",
                               argument_default=argparse.SUPPRESS)  # fmt: skip
    train.add_argument("--train", type=Path, required=True, help="training file (imported as reviewed data)")
    train.add_argument("--test", type=Path, required=True, help="test file (never trained on)")
    train.add_argument("--format", help="input format (default conll)")
    add_sentences_per_doc(train)
    train.add_argument("--quiet", action="store_true")
    train.set_defaults(run=_module_bench)

    team = benches.add_parser("team", help="team mode: agreement time on a large synthetic corpus",
                              argument_default=argparse.SUPPRESS)  # fmt: skip
    team.add_argument("--documents", type=int, help="articles (default 10000)")
    team.add_argument("--words", type=int, help="words per article (default 300)")
    team.add_argument("--raters", type=int, help="annotators who reviewed every article (default 3)")
    team.add_argument("--runs", type=int, help="timed runs; the median is reported (default 3)")
    team.add_argument("--db", help="an EMPTY database (file or postgresql:// URL, as its owner) for the load run: "
                                   "documents, assignments and, on PostgreSQL, one role per annotator are created")  # fmt: skip
    team.add_argument("--annotators", type=int, help="annotators reviewing at once (default 20)")
    team.add_argument("--seconds", type=float, help="length of the load run (default 60)")
    team.add_argument("--rate", type=float, help="decisions a second per annotator, 0 = flat out (default 5)")
    team.set_defaults(run=_module_bench)

    curve = benches.add_parser("curve", help="learning curve: F1 after each number of reviewed documents (JSON + PNG)",
                               argument_default=argparse.SUPPRESS)  # fmt: skip
    curve.add_argument("--train", type=Path, required=True, help="training file (documents reviewed in turn)")
    curve.add_argument("--test", type=Path, required=True, help="test file (never trained on)")
    curve.add_argument("--sizes", type=sizes_arg, help="reviewed documents at each point (default 0,10,25,50,100,all)")
    curve.add_argument(
        "--order", choices=["import", "uncertain"], help="which documents come next (default: both curves)"
    )
    curve.add_argument("--png", type=Path, help="where to write the curve (default learning-curve.png)")
    curve.add_argument("--format", help="input format (default conll)")
    add_sentences_per_doc(curve)
    curve.add_argument("--quiet", action="store_true")
    curve.set_defaults(run=_module_bench)


def sizes_arg(text: str) -> list[int | None]:
    """``0,10,all`` -> [0, 10, None] (None: every training document), ascending."""
    sizes: list[int | None] = []
    for part in text.split(","):
        part = part.strip()
        if part == "all":
            sizes.append(None)
        elif part.isdigit():
            sizes.append(int(part))
        else:
            raise argparse.ArgumentTypeError(f"{part!r} is neither a number of documents nor 'all'")
    numbers = [s for s in sizes if s is not None]
    if numbers != sorted(set(numbers)) or sizes.count(None) > 1 or (None in sizes and sizes[-1] is not None):
        raise argparse.ArgumentTypeError("sizes must rise, 'all' last (e.g. 0,10,25,50,all)")
    return sizes


def _print(result: dict) -> int:
    import orjson

    print(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode())
    return 0


def _module_bench(args: argparse.Namespace) -> int:
    from hakam.cli import CommandError

    try:
        module = importlib.import_module(MODULES[args.bench])
    except ModuleNotFoundError as error:
        if error.name != MODULES[args.bench]:
            raise
        raise CommandError(f"the {args.bench} benchmark is not available in this build") from None
    from hakam.store import StoreError

    try:
        return _print(module.run_bench(args))
    except StoreError as error:
        raise CommandError(str(error)) from None


def _suggest(args: argparse.Namespace) -> int:
    from hakam.bench.suggest import run_bench
    from hakam.cli import CommandError, open_store
    from hakam.suggest import UnknownSuggester, create

    store = open_store(args) if args.db else None
    try:
        suggester = create(args.model) if args.model else None
    except (UnknownSuggester, OSError, ValueError) as error:
        raise CommandError(str(error).strip("'\"")) from None
    if args.gold and not args.gold.exists():
        raise CommandError(f"{args.gold}: no such file")
    return _print(run_bench(args.gold, suggester, store, args.words, args.runs, bert=not args.no_bert))
