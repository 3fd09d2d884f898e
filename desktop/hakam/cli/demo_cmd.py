"""``hakam demo``: build the demo database from the sample articles (idempotent)."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help="fill the database with the sample articles and their suggestions")
    parser.add_argument("--model", default="ensemble", help="suggester for the samples (default: ensemble)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from hakam.cli import open_store
    from hakam.io.markup import parse_markup
    from hakam.resources import resource_path

    store = open_store(args)
    added = []
    with store.atomic():
        for path in sorted(resource_path("samples", "markup").glob("*.txt")):
            gold = parse_markup(path.read_text(encoding="utf-8"), default_id=path.stem)
            document_id = store.add_document(replace(gold, spans=[], events=[]))
            if document_id is not None:
                added.append(document_id)
    print(f"demo: {len(added)} sample articles added to {store.path}", file=sys.stderr)
    if added:
        _suggest(store, added, args.model)
    return 0


def _suggest(store, document_ids: list[int], model: str) -> None:
    try:
        from hakam.suggest import create_for_store, refresh_suggestions
    except ImportError as error:  # the suggesters are optional for a bare demo
        print(f"demo: no suggestions ({error})", file=sys.stderr)
        return
    suggester = create_for_store(model, store)
    count = refresh_suggestions(store, suggester, document_ids)
    print(f"demo: {count} suggestions from {suggester.name}", file=sys.stderr)
