"""``hakam`` command line. Each sub-command lives in its own module with
``add_parser(subparsers)`` and ``run(args) -> int``; nothing here imports Qt or torch.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from hakam import __version__

# Sub-command name -> module. The modules hold only argparse set-up at import time; each
# imports its heavy dependencies inside run(), so start-up stays fast.
COMMANDS = {
    "gui": "hakam.cli.gui_cmd",
    "import": "hakam.cli.import_cmd",
    "export": "hakam.cli.export_cmd",
    "stats": "hakam.cli.stats_cmd",
    "suggest": "hakam.cli.suggest_cmd",
    "train": "hakam.cli.train_cmd",
    "eval": "hakam.cli.eval_cmd",
    "bench": "hakam.cli.bench_cmd",
    "demo": "hakam.cli.demo_cmd",
    "check": "hakam.cli.check_cmd",
    "agreement": "hakam.cli.agreement_cmd",
    "team": "hakam.cli.team_cmd",  # also assign and curate
}


class CommandError(Exception):
    """A failure to report as one line on stderr with a non-zero exit code."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hakam",
        description="Review model-suggested entities and events in Arabic news, and train on the decisions.",
    )
    parser.add_argument("--version", action="version", version=f"hakam {__version__}")
    parser.add_argument(
        "--db",
        help="database: a SQLite file, or postgresql://user@host:port/dbname"
        " (default: $HAKAM_DB, the preference, or the user data folder)",
    )
    parser.add_argument(
        "--schema", type=Path, help="schema TOML for a new database (default: resources/schema/default.toml)"
    )
    parser.add_argument("--annotator", help="name recorded on decisions (default: the preference, else the login name)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMANDS.values():
        importlib.import_module(module_name).add_parser(sub)
    return parser


def open_store(args: argparse.Namespace):  # -> hakam.store.Store
    from hakam import settings
    from hakam.core.schema import SchemaError, load_schema
    from hakam.store import Store, StoreError

    loaded = settings.load()
    for problem in loaded.problems:  # a value that does not validate falls back to its default: say so
        print(f"hakam: settings: {problem}", file=sys.stderr)
    preferences = loaded.settings
    path = preferences.database_path(args.db)
    args.database_path = path
    empty = False
    if isinstance(path, Path) and path.exists():
        if not path.is_file():
            kind = "a folder" if path.is_dir() else "not a regular file (a device or a pipe)"
            raise CommandError(f"{path}: {kind}; give a database file")
        empty = path.stat().st_size == 0
    try:
        schema = load_schema(args.schema) if args.schema else None
        store = Store(path, annotator=args.annotator, schema=schema)
    except (SchemaError, StoreError) as error:
        raise CommandError(str(error)) from None
    except OSError as error:  # a parent path that is a file, no permission to create the folder
        blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        reason = f"{blocker} is a file, not a folder" if blocker else error.strerror or str(error)
        raise CommandError(f"{path}: cannot create the database ({reason})") from None
    if empty:
        print(f"hakam: {path} was an empty file (0 bytes): a new Hakam database was made in it", file=sys.stderr)
    if args.annotator or preferences.annotator:  # else the desk asks once
        settings.adopt_annotator(store, preferences, args.annotator)
    args.opened_store = store  # closed by main() when the command ends
    return store


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except CommandError as error:
        print(f"hakam {args.command}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the last net: one line, the traceback in the log
        from hakam.cli.failures import explain, log_unexpected

        message = explain(error, getattr(args, "database_path", None) or "the database")
        if message is None:
            log = log_unexpected(error)
            message = f"unexpected error ({type(error).__name__}: {str(error)[:200]}); details in {log}"
        print(f"hakam {args.command}: {message}", file=sys.stderr)
        return 1
    finally:
        store = getattr(args, "opened_store", None)
        if store is not None:
            try:
                store.close()
            except Exception:  # a failure to close must not hide the message above
                pass
