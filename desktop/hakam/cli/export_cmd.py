"""``hakam export OUT`` (or ``-o OUT``, as ``suggest`` takes it): reviewed documents as JSONL
(or another format)."""

from __future__ import annotations

import argparse
import sys

from hakam.cli.progress import TerminalProgress

FORMATS = ["hakam", "conll", "prodigy", "doccano", "labelstudio", "brat"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "export",
        help="export reviewed documents (JSONL by default)",
        description="Write reviewed and ignored documents (every document with --all) in import order. "
        "Offsets are code points of the text, in logical order.",
    )
    parser.add_argument("out", metavar="OUT", nargs="?", help="output file, - for stdout (a folder for brat)")
    parser.add_argument("-o", "--output", metavar="OUT", help="the same as OUT (either form works)")
    parser.add_argument("--format", default="hakam", choices=FORMATS)
    parser.add_argument("--all", action="store_true", help="every document, reviewed or not")
    parser.add_argument("--suggestions", action="store_true",
                        help="write pending span suggestions instead of accepted annotations (to score them with hakam eval)")  # fmt: skip
    parser.add_argument("--layer", metavar="curated|NAME|all",
                        help="team mode: whose annotations (default: the curated layer where there is one, else the "
                             "only annotator's; all: one record per annotator and the curated layer)")  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from hakam.cli import CommandError, open_store
    from hakam.io.errors import InputError
    from hakam.io.exporter import export

    if args.out and args.output and args.out != args.output:
        raise CommandError(f"two outputs given ({args.out} and -o {args.output}): give one")
    args.out = args.out or args.output
    if not args.out:
        raise CommandError("give the output file: hakam export OUT (or -o OUT; - for stdout)")
    store = open_store(args)
    progress = TerminalProgress("export")
    skipped: list[int] = []
    if args.layer and not store.team.enabled:
        raise CommandError("--layer: this database has no team layers (hakam assign or a second annotator's import "
                           "starts team mode)")  # fmt: skip
    try:
        count = export(store, args.out, args.format, include_all=args.all, progress=progress.update, layer=args.layer,
                       skipped=skipped, suggestions=args.suggestions)  # fmt: skip
    except (InputError, OSError) as error:
        raise CommandError(str(error)) from None
    finally:
        progress.done()
    print(f"exported {count} documents to {args.out}", file=sys.stderr)
    if skipped:
        print(f"left out {len(skipped)} documents with several annotators' layers and no curated one "
              "(hakam curate, or --layer NAME|all)", file=sys.stderr)  # fmt: skip
    return 0
