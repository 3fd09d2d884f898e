"""``hakam stats``: documents, reviewed, decisions by action, counts per label and event type."""

from __future__ import annotations

import argparse

import orjson


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("stats", help="show what the database holds")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from hakam.cli import open_store

    counts = open_store(args).stats.counts()
    if args.json:
        print(orjson.dumps(counts, option=orjson.OPT_INDENT_2).decode())
        return 0
    print(f"documents  {counts['documents']}  (reviewed {counts['reviewed']}, ignored {counts['ignored']}, "
          f"to review {counts['to_review']})")  # fmt: skip
    print(f"decisions  {counts['decisions']}  pending suggestions {counts['pending_suggestions']}")
    for title, key in (
        ("by action", "decisions_by_action"),
        ("entities", "entities_by_label"),
        ("events", "events_by_type"),
    ):
        if counts[key]:
            print(f"{title:10} " + ", ".join(f"{k} {v}" for k, v in counts[key].items()))
    return 0
