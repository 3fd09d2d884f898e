"""``hakam check [--repair]``: check a database file; copy what can be saved into a new one."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "check",
        help="check the database (integrity, references, decision log); --repair saves what it can to a new file",
        description="Checks SQLite's integrity, foreign keys, every text, JSON value and the decision log against "
        "the items. --repair never changes the database: it writes a NEW file with every row that can be read, "
        "items rebuilt from the decision log, and reports what was lost.",
    )
    parser.add_argument("--repair", action="store_true", help="write a repaired copy (the original is left as it is)")
    parser.add_argument("--out", type=Path, metavar="NEW.sqlite",
                        help="where the repaired copy goes (default: beside the database, named by the time)")  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from hakam import settings
    from hakam.cli import CommandError
    from hakam.store.check import check, repair

    path = settings.load().settings.database_path(args.db)
    args.database_path = path
    if not isinstance(path, Path):
        raise CommandError("check works on SQLite files; a PostgreSQL server checks its own pages (pg_amcheck)")
    if not path.is_file():
        raise CommandError(f"{path}: no such database file")
    report = check(path)
    for problem in report.problems:
        print(f"problem: {problem}", file=sys.stderr)
    more = report.counts["problems"] - len(report.problems)
    if more:
        print(f"… and {more} more problems", file=sys.stderr)
    if not args.repair:
        print(f"{path}: " + ("sound" if report.sound else f"{report.counts['problems']} problems; "
                             "run 'hakam check --repair' to save what can be saved into a new file"))  # fmt: skip
        return 0 if report.sound else 1
    out = args.out or path.with_name(f"{path.stem}-repaired-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}")
    try:
        fixed = repair(path, out)
    except FileExistsError as error:
        raise CommandError(str(error)) from None
    counts = sorted(fixed.counts.items())
    lost = {k.replace(" rows lost", "").replace(" rows unreadable", " (unreadable)"): v for k, v in counts
            if k.endswith(("rows lost", "rows unreadable")) and v}  # fmt: skip
    rebuilt = {k.replace(" rebuilt from the log", ""): v for k, v in counts if k.endswith("rebuilt from the log")}
    copied = {k.replace(" rows copied", ""): v for k, v in counts if k.endswith("rows copied")}
    print(f"repaired copy: {out}")
    print("copied: " + ", ".join(f"{k} {v}" for k, v in copied.items()))
    print("rebuilt from the decision log: " + (", ".join(f"{k} {v}" for k, v in rebuilt.items()) or "nothing"))
    print("rows lost: " + (", ".join(f"{k} {v}" for k, v in lost.items()) or "none"))
    for problem in fixed.problems:
        print(f"note: {problem}")
    print(f"check it, then use it: hakam --db {out} stats")
    return 0
