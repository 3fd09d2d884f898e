"""``hakam eval PRED GOLD``: precision, recall and F1 of predicted spans, as JSON."""

from __future__ import annotations

import argparse
from pathlib import Path

from hakam.cli.import_cmd import FORMATS, add_sentences_per_doc


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "eval",
        help="score predicted spans against gold spans (P/R/F1 per label and micro, JSON)",
        description="Pair documents by text (else id) and score spans strictly and with Hakam's proclitic "
        "tolerance. Both files may be in any importable format.",
    )
    parser.add_argument("pred", type=Path, metavar="PRED")
    parser.add_argument("gold", type=Path, metavar="GOLD")
    parser.add_argument("--format", default="auto", choices=FORMATS, help="format of both files (default: detect)")
    parser.add_argument("--gold-format", choices=FORMATS, help="format of GOLD when it differs from PRED's")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FROM=TO|FILE.toml",
        help="rename labels on both sides before scoring (repeatable)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="LABEL",
        help="leave a gold label out (and predictions overlapping it)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="LABEL",
        help="score only predictions of this label, after --map (repeatable; default: all)",
    )
    parser.add_argument("--tolerance", type=int, default=2, help="proclitic letters a start may differ by (default 2)")
    parser.add_argument("--text-key", default="text", help="Label Studio: the data field with the text")
    parser.add_argument("--labels", type=Path, help="doccano: JSON or TSV file mapping label ids to names")
    add_sentences_per_doc(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import orjson

    from hakam.cli import CommandError
    from hakam.cli.import_cmd import parse_map
    from hakam.io.errors import InputError
    from hakam.io.evaluate import compare, read_side
    from hakam.io.formats import ReadOptions

    options = ReadOptions(args.text_key, args.labels, args.sentences_per_doc, keep_clitics=True)
    try:
        pred = read_side(args.pred, args.format, options, predictions=True)
        gold = read_side(args.gold, args.gold_format or args.format, options)
    except InputError as error:
        raise CommandError(str(error)) from None
    result = compare(gold, pred, parse_map(args.map), args.ignore, args.tolerance, only=args.only)
    print(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode())
    return 0
