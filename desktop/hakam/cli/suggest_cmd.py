"""``hakam suggest``: suggest entities and events for files, or for the database.

    hakam suggest IN… [-o OUT.jsonl] [--model SPEC]   JSONL (id/text) or .txt files/folders
    hakam --db X suggest --store [--model SPEC]       fill unreviewed documents of the database

Files are written as Hakam JSONL (spans with score and source, events with
arguments). With ``--db`` the default model also uses the database's learned
names and its active CRF.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from hakam.cli.progress import TerminalProgress


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("suggest", help="suggest entities and events (files or the database)")
    parser.add_argument("inputs", nargs="*", type=Path, metavar="IN", help="JSONL with id/text, .txt files or folders")
    parser.add_argument("-o", "--output", type=Path, help="output JSONL (default: standard output)")
    parser.add_argument("--model", default="ensemble",
                        help="rules | ensemble | crf:FILE | bert:DIR (default: ensemble)")  # fmt: skip
    parser.add_argument(
        "--store", action="store_true", help="fill suggestions for unreviewed documents in the database"
    )
    parser.set_defaults(run=run)


def read_documents(paths: list[Path]):
    """Documents of JSONL files and .txt files or folders, in order."""
    from hakam.cli import CommandError
    from hakam.io.errors import InputError
    from hakam.io.formats import ReadOptions, reader

    for path in paths:
        if not path.exists():
            hint = " (to name the output file, use -o OUT)" if path == paths[-1] and len(paths) > 1 else ""
            raise CommandError(f"{path}: no such file or folder{hint}")
        jsonl = sorted(path.glob("*.jsonl")) if path.is_dir() else [path] if path.suffix != ".txt" else []
        sources = [(reader("hakam"), p) for p in jsonl]
        if path.is_dir() and any(path.glob("*.txt")) or path.suffix == ".txt":
            sources.append((reader("text"), path))
        for source, file in sources:
            for item in source.read(file, ReadOptions()):
                if isinstance(item, InputError):
                    raise CommandError(str(item))
                yield item.doc


def _suggester(args: argparse.Namespace, store):
    from hakam.cli import CommandError
    from hakam.suggest import UnknownSuggester, create

    try:
        if store is not None and args.model == "ensemble":
            from hakam.suggest.training import suggester_for_store

            return suggester_for_store(store, warn=_warn)
        return create(args.model)
    except (UnknownSuggester, OSError, ValueError) as error:
        raise CommandError(str(error).strip("'\"")) from None


def _warn(text: str) -> None:
    print(f"hakam suggest: warning: {text}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from hakam.cli import CommandError, open_store

    if args.store == bool(args.inputs):
        raise CommandError("give input files, or --store to fill the database (not both)")
    store = open_store(args) if args.store or args.db else None
    suggester = _suggester(args, store)
    if args.store:
        from hakam.suggest.training import refresh_suggestions

        progress = TerminalProgress("suggest")
        try:
            done = refresh_suggestions(store, suggester, progress=progress.stage)
        finally:
            progress.done()
        print(f"suggested on {done} documents with {suggester.name}@{suggester.version}", file=sys.stderr)
        return 0
    from hakam.core.model import Document
    from hakam.io.atomic import atomic_file
    from hakam.io.jsonl import document_to_record, dumps_line

    count = 0  # a file is written whole or not at all: a bad record or a kill leaves the old one
    with atomic_file(args.output) if args.output else contextlib.nullcontext(sys.stdout) as out:
        for doc in read_documents(args.inputs):
            spans, events = suggester.suggest(doc)
            out.write(dumps_line(document_to_record(Document(doc.text, doc.id, doc.meta, spans, events))))
            count += 1
    if args.output:
        print(f"{count} documents → {args.output}", file=sys.stderr)
    return 0
