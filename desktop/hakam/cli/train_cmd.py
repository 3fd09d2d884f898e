"""``hakam train``: train the CRF on the database's reviewed documents and print its scores.

The new model version becomes the active one unless ``--no-activate``. ``--save``
also writes the model file (usable as ``--model crf:FILE``); ``--learned-tsv``
writes the learned gazetteer as a gazetteer TSV.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hakam.cli.progress import TerminalProgress


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("train", help="train the CRF suggester on reviewed documents")
    parser.add_argument("--no-activate", action="store_true", help="keep the current model active")
    parser.add_argument("--save", type=Path, metavar="FILE", help="also write the model file")
    parser.add_argument("--learned-tsv", type=Path, metavar="FILE", help="write the learned gazetteer (TSV)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import orjson

    from hakam.cli import CommandError, open_store
    from hakam.suggest import learned
    from hakam.suggest.training import train_from_store

    store = open_store(args)
    progress = TerminalProgress("training", unit="steps")
    try:
        result = train_from_store(store, progress=progress.stage, activate_model=not args.no_activate)
    finally:
        progress.done()
    if args.learned_tsv:
        learned.write_tsv(learned.entries(store), args.learned_tsv)
    if result.model_version_id is None:
        raise CommandError("no reviewed documents to train on")
    if args.save:
        from hakam.io.atomic import atomic_file

        with atomic_file(args.save, binary=True) as out:
            out.write(store.models.blob(result.model_version_id) or b"")
    report = {
        "model_version": result.model_version_id,
        "active": not args.no_activate,
        "train_documents": result.train_documents,
        "held_out_documents": result.held_out,
        "learned_names": result.learned_names,
        "seconds": round(result.seconds, 1),
        "scores": result.scores,
    }
    print(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode())
    return 0
