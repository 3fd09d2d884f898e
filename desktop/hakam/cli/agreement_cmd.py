"""``hakam agreement``: inter-annotator agreement (Cohen's κ per pair, Krippendorff's α,
span and event F1), over the annotators' layers in the database or in exported files."""

from __future__ import annotations

import argparse
from pathlib import Path

import orjson

DEFINITION = (
    "Units: the non-whitespace code points of the documents reviewed by both annotators of a pair (all "
    "of them for alpha); a unit's value is the label of the accepted span covering it (the innermost), else O. "
    "Kappa: Cohen's, per pair. Alpha: Krippendorff's, nominal, by the krippendorff package. Per label: "
    "that label against all other values. Span F1: same offsets and label. Event F1: same trigger and type."
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "agreement",
        help="agreement between annotators (kappa, alpha, F1)",
        description="Agreement between annotators on the documents they reviewed, in the database (team mode) "
                    "or in exports of the same texts. " + DEFINITION,
    )  # fmt: skip
    parser.add_argument("files", metavar="FILE", nargs="*", type=Path,
                        help="exports to compare instead of the database (each reviewed record is its annotator's "
                             "layer; the annotator is the one the record names, else the file name)")  # fmt: skip
    parser.add_argument("--annotators", help="compare only these, comma-separated (default: all)")
    parser.add_argument("--format", default="auto", help="input format (default: detected)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from hakam.cli import CommandError
    from hakam.core.agreement import agreement
    from hakam.io.errors import InputError
    from hakam.io.layers import read_layers

    names = [n.strip() for n in args.annotators.split(",") if n.strip()] if args.annotators else None
    counts: dict[str, int] = {}
    if args.files:
        try:
            read = read_layers(args.files, args.format)
        except (InputError, OSError) as error:
            raise CommandError(str(error)) from None
        documents = read.documents
        counts = {"records": read.records, "not_reviewed": read.not_reviewed}
    else:
        from hakam.cli import open_store

        documents = open_store(args).team.layered()
    found = sorted({n for d in documents for n in d.layers})
    missing = [n for n in names or () if n not in found]
    if missing:
        raise CommandError(f"no reviewed document by {', '.join(missing)}; annotators found: {', '.join(found)}")
    try:
        result = agreement(documents, names)
    except ValueError as error:
        raise CommandError(f"{error}; annotators found: {', '.join(found) or 'none'}") from None
    if args.json:
        data = {**result.as_dict(), **counts}
        print(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())
        return 0
    print(report(result))
    return 0


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def report(result) -> str:
    """The figures as a few aligned lines of text."""
    lines = [f"annotators {', '.join(result.annotators)}"]
    alpha = result.alpha
    if result.documents:
        lines.append(f"Krippendorff's alpha {_figure(alpha.alpha)}  over {result.documents} documents reviewed by "
                     f"all, {alpha.units} units, {alpha.disputed} disputed")  # fmt: skip
        for label, by in result.alpha_by_label.items():
            lines.append(f"  {label:12} alpha {_figure(by.alpha)}  ({by.disputed} disputed units)")
    else:
        lines.append("Krippendorff's alpha –  no document was reviewed by all of them (compare fewer: --annotators)")
    for pair in result.pairs:
        k = pair.kappa
        lines.append(f"{pair.a} / {pair.b}: {pair.documents} documents, {k.units} units")
        if not pair.documents:
            continue
        lines.append(f"  Cohen's kappa {_figure(k.kappa)}  (agreed {k.agreed} of {k.units} units, "
                     f"chance {_figure(k.expected)})")  # fmt: skip
        s, e = pair.spans, pair.events
        lines.append(f"  span F1 {_figure(s.f1)}  (both {s.both}, only {pair.a} {s.only_a}, only {pair.b} {s.only_b})")
        if e.both or e.only_a or e.only_b:
            lines.append(f"  event F1 {_figure(e.f1)}  (both {e.both}, only {pair.a} {e.only_a}, "
                         f"only {pair.b} {e.only_b})")  # fmt: skip
        for label in sorted(set(pair.kappa_by_label) | set(pair.spans_by_label)):
            kappa = pair.kappa_by_label.get(label)
            span = pair.spans_by_label.get(label)
            lines.append(f"    {label:12} kappa {_figure(kappa.kappa if kappa else None)}  "
                         f"span F1 {_figure(span.f1 if span else None)}")  # fmt: skip
    lines.append("(" + DEFINITION + ")")
    return "\n".join(lines)
