"""``hakam gui``: the review desk. Qt is imported only when this command runs."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("gui", help="open the review desk")
    parser.add_argument("--doc", help="open this document (external id or number) instead of the last one")
    parser.add_argument(
        "--order",
        choices=("import", "uncertain"),
        default="import",
        help="queue order: import order, or the documents whose suggestions the model is least sure of first",
    )
    parser.add_argument("--curate", action="store_true",
                        help="team mode: settle the annotators' differences into the curated layer")  # fmt: skip
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png",
                        help="render the window offscreen to a PNG and exit")  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from hakam.cli import CommandError, open_store

    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    store = open_store(args)
    if args.curate:
        if not store.team.enabled:
            raise CommandError("nothing to curate: this database has one annotator's layer only")
        from hakam.desk import curation  # the curator's door into the desk (allowed in pyproject's contract)

        return curation.run(store, args.screenshot)
    document = None
    if args.doc:
        view = store.documents.by_ext_id(args.doc)
        if view is None and args.doc.isdigit() and int(args.doc) in store.documents.ids():
            document = int(args.doc)
        elif view is None:
            raise CommandError(f"no document {args.doc!r} in {store.name}")
        else:
            document = view.id
    from hakam.desk import app  # the CLI's one door into the desk (allowed in pyproject's contract)

    return app.run(store, document, args.screenshot, args.order)
