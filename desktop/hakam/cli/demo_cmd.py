"""``hakam demo``: build the demo database from the sample articles (idempotent)."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help="fill the database with the sample articles and their suggestions")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from hakam.cli import open_store
    from hakam.cli.progress import TerminalProgress
    from hakam.io.samples import add_samples
    from hakam.suggest.training import refresh_suggestions, suggester_for_store

    store = open_store(args)
    added = add_samples(store)  # suggestions, not the gold
    print(f"demo: {len(added)} sample articles added to {store.name}", file=sys.stderr)
    if added:
        progress = TerminalProgress("suggest", len(added))
        suggester = suggester_for_store(store, warn=lambda text: print(f"demo: warning: {text}", file=sys.stderr))
        refresh_suggestions(store, suggester, added, progress.stage)
        progress.done()
        print(f"demo: suggestions from {suggester.name}", file=sys.stderr)
    return 0
