"""``hakam import PATH…``: articles and annotations into the database."""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from hakam.cli.progress import TerminalProgress

FORMATS = ["auto", "hakam", "text", "prodigy", "doccano", "labelstudio", "brat", "conll", "tsv3"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "import",
        help="import .txt articles, Hakam JSONL or another tool's annotations",
        description="Import files or folders. Each file is one transaction: a bad record stops it with "
        "file and line, and nothing from that file is written (unless --skip-invalid).",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument(
        "--format", default="auto", choices=FORMATS, help="input format (default: decide from the file)"
    )
    parser.add_argument("--reviewed", action="store_true", help="store spans as reviewed annotations, not suggestions")
    parser.add_argument("--skip-invalid", action="store_true", help="skip bad records and report them")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FROM=TO|FILE.toml",
        help='rename a label, event type or role (repeatable), or a TOML file of FROM = "TO"',
    )
    parser.add_argument("--add-labels", action="store_true", help="add unknown labels to this database's schema")
    parser.add_argument("--text-key", default="text", help="Label Studio: the data field with the text")
    parser.add_argument("--labels", type=Path, help="doccano: JSON or TSV file mapping label ids to names")
    add_sentences_per_doc(parser)
    parser.add_argument("--keep-clitics", action="store_true", help="CoNLL: keep proclitics inside spans")
    parser.set_defaults(run=run)


def positive_int(value: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number; give 1 or more") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is {'negative' if number < 0 else 'zero'}; give 1 or more")
    return number


def add_sentences_per_doc(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sentences-per-doc", type=positive_int, metavar="N",
                        help="CoNLL: sentences per document (default: one per -DOCSTART-, or 20 when the file has none)")  # fmt: skip


def parse_map(values: list[str]) -> dict[str, str]:
    from hakam.cli import CommandError

    mapping: dict[str, str] = {}
    for value in values:
        if "=" in value:
            source, _, target = value.partition("=")
            if not source or not target:
                raise CommandError(f"--map {value!r}: write FROM=TO")
            mapping[source] = target
            continue
        try:
            table = tomllib.loads(Path(value).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise CommandError(f"--map {value}: {error}") from None
        mapping.update({str(k): str(v) for k, v in table.items()})
    return mapping


def run(args: argparse.Namespace) -> int:
    import orjson

    from hakam.cli import CommandError, open_store
    from hakam.io.errors import InputError
    from hakam.io.formats import ReadOptions
    from hakam.io.importer import import_paths

    store = open_store(args)
    options = ReadOptions(args.text_key, args.labels, args.sentences_per_doc, args.keep_clitics)
    progress = TerminalProgress("importing")
    try:
        summary = import_paths(store, args.paths, fmt=args.format, reviewed=args.reviewed, skip_invalid=args.skip_invalid,
                               options=options, label_map=parse_map(args.map), add_labels=args.add_labels,
                               progress=progress.file_update)  # fmt: skip
    except InputError as error:
        progress.done()
        raise CommandError(f"{error} (nothing from this file was imported)") from None
    progress.done()
    for path, fmt in summary.formats.items():
        if args.format == "auto":
            print(f"{path}: read as {fmt}", file=sys.stderr)
    for line in summary.notes():
        print(line, file=sys.stderr)
    print(orjson.dumps(summary.as_dict()).decode())
    return 0
