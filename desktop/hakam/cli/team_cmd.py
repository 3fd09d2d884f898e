"""``hakam team``, ``hakam assign`` and ``hakam curate``: working as a team on one database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import orjson


def add_parser(sub: argparse._SubParsersAction) -> None:
    team = sub.add_parser("team", help="the annotators of this database",
                          description="Team mode: each annotator decides in their own layer over shared suggestions.")  # fmt: skip
    verbs = team.add_subparsers(dest="verb", metavar="VERB", required=True)
    init = verbs.add_parser("init", help="PostgreSQL: the annotator and curator groups and row-level security",
                            description="Run once, as the owner of the tables: creates the roles hakam_annotator "
                                        "and hakam_curator and the policies that keep each annotator to their own "
                                        "layer and their assigned documents.")  # fmt: skip
    init.set_defaults(run=run_init)
    add = verbs.add_parser("add", help="add an annotator (PostgreSQL: a login role with a one-time password; "
                                       "SQLite: the name they give with --annotator)")  # fmt: skip
    add.add_argument("name", metavar="NAME")
    add.add_argument("--curator", action="store_true", help="this one settles the differences (hakam curate)")
    add.add_argument("--password-file", type=Path, metavar="FILE",
                     help="PostgreSQL: take the role's password from FILE instead of printing a new one")  # fmt: skip
    add.set_defaults(run=run_add)
    listing = verbs.add_parser("list", help="annotators with their assigned, done and pending documents")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)

    assign = sub.add_parser(
        "assign", help="deal documents to annotators",
        description="Deal documents so that each is reviewed by --per-document annotators, balanced (everyone "
                    "within one document of the others, counting what they already have) and reproducible "
                    "(--seed). Or give --ids to one annotator with --to.")  # fmt: skip
    assign.add_argument("--annotators", help="comma-separated names")
    assign.add_argument("--per-document", type=int, default=2, help="annotators per document (default 2)")
    assign.add_argument("--documents", metavar="QUERY", help="only documents whose text or id contains QUERY")
    assign.add_argument("--seed", type=int, default=0, help="seed of the draw that breaks ties (default 0)")
    assign.add_argument("--to", metavar="NAME", help="assign --ids to this annotator")
    assign.add_argument("--ids", help="comma-separated document ids (as exported) for --to")
    assign.set_defaults(run=run_assign)

    curate = sub.add_parser(
        "curate", help="pre-fill the curated layer from the annotators' agreement",
        description="For every document all its annotators reviewed: where they agree (unanimous, or more than "
                    "half with majority) the items go to the curated layer; the differences are listed, each "
                    "reading with who chose it.")  # fmt: skip
    curate.add_argument("--premerge", choices=("unanimous", "majority"), default="unanimous")
    curate.add_argument("--json", action="store_true", help="print the differences as JSON")
    curate.set_defaults(run=run_curate)


def _names(value: str | None) -> list[str]:
    return [n.strip() for n in (value or "").split(",") if n.strip()]


def run_init(args: argparse.Namespace) -> int:
    from hakam.cli import CommandError, open_store
    from hakam.store import StoreError, roles

    store = open_store(args)
    try:
        roles.init(store)
    except StoreError as error:
        raise CommandError(str(error)) from None
    print("row-level security is on: annotators see their assigned documents and write only their own layer")
    return 0


def run_add(args: argparse.Namespace) -> int:
    from hakam.cli import CommandError, open_store
    from hakam.store import StoreError, roles

    store = open_store(args)
    if store.is_postgresql:
        try:
            given = args.password_file.read_text(encoding="utf-8").strip() if args.password_file else None
            password = roles.add(store, args.name, args.curator, given)
        except (StoreError, OSError) as error:
            raise CommandError(str(error)) from None
        if args.curator:
            store.settings.set("curators", orjson.dumps(sorted({*_curators(store), args.name})).decode())
        role = "curator" if args.curator else "annotator"
        print(f"role {args.name} ({role}) can log in" + ("" if given else f" with the one-time password: {password}"))
        print(f"they work with: hakam --db postgresql://{args.name}@HOST/DATABASE gui" + (" --curate" if args.curator
                                                                                          else ""))  # fmt: skip
        return 0
    if args.password_file:
        raise CommandError("--password-file is for PostgreSQL roles; a SQLite file has no passwords")
    store.team.add_member(args.name)
    if args.curator:
        store.settings.set("curators", orjson.dumps(sorted({*_curators(store), args.name})).decode())
    role = "curator" if args.curator else "annotator"
    print(f"{args.name} added as {role}; they work with: hakam --annotator {args.name} --db {store.name} gui"
          + (" --curate" if args.curator else ""))  # fmt: skip
    return 0


def _curators(store) -> list[str]:
    raw = store.settings.get("curators")
    return orjson.loads(raw) if raw else []


def run_list(args: argparse.Namespace) -> int:
    from hakam.cli import open_store

    store = open_store(args)
    members = store.team.members()
    curators = set(_curators(store))
    if args.json:
        rows = [{"name": m.name, "curator": m.name in curators, "assigned": m.assigned, "reviewed": m.reviewed,
                 "ignored": m.ignored, "pending": m.pending} for m in members]  # fmt: skip
        print(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode())
        return 0
    print(f"{'annotator':20} {'assigned':>8} {'done':>6} {'pending':>8}")
    for m in members:
        name = m.name + (" (curator)" if m.name in curators else "")
        print(f"{name:20} {m.assigned:>8} {m.reviewed + m.ignored:>6} {m.pending:>8}")
    return 0


def run_assign(args: argparse.Namespace) -> int:
    from hakam.cli import CommandError, open_store
    from hakam.core.assignment import deal

    store = open_store(args)
    if args.to:
        ids = _names(args.ids)
        if not ids:
            raise CommandError("--to needs --ids")
        found = {}
        for ext in ids:
            view = store.documents.by_ext_id(ext)
            if view is None:
                raise CommandError(f"no document {ext}")
            found[view.id] = [args.to]
        made = store.team.assign(found)
        print(f"assigned {made} documents to {args.to}")
        return 0
    names = _names(args.annotators)
    if not names:
        raise CommandError("name the annotators: --annotators a,b,c (or --to NAME --ids …)")
    assigned = store.team.assigned()
    query = args.documents or ""
    views = [v for v in store.documents.each() if query in v.text or query in v.ext_id]  # every document, not a queue
    todo = [v.id for v in views if v.id not in assigned]
    loads = {n: 0 for n in names}
    for people in assigned.values():
        for name in people:
            if name in loads:
                loads[name] += 1
    try:
        dealt = deal(todo, names, args.per_document, args.seed, loads)
    except ValueError as error:
        raise CommandError(str(error)) from None
    store.team.assign(dealt)
    for name in names:
        store.team.add_member(name)
    counts = {n: sum(n in people for people in dealt.values()) for n in names}
    print(
        f"dealt {len(dealt)} documents, {args.per_document} annotators each ("
        + ", ".join(f"{n} {c}" for n, c in counts.items())
        + f"); {len(views) - len(todo)} were already assigned"
    )
    return 0


def run_curate(args: argparse.Namespace) -> int:
    from hakam.cli import CommandError, open_store
    from hakam.core.premerge import premerge
    from hakam.store import REVIEWED

    store = open_store(args)
    if not store.team.enabled:
        raise CommandError("this database has one annotator's layer only: nothing to curate")
    done = {}
    for document_id, people in store.team.assignments().items():
        names = [name for name in people if name != "curated"]
        if names and all(people[name][0] == REVIEWED for name in names):
            done[document_id] = names
    documents = store.team.layered_by_id(done)
    pre_accepted = differences = 0
    listed = []
    for document_id, layered in documents.items():
        merged = premerge(layered, args.premerge)
        pre_accepted += store.team.write_curated(document_id, merged.spans, merged.events, merged.chosen_by)
        open_differences = [d for d in merged.differences if d.chosen is None]
        differences += len(open_differences)
        listed += [{"document": layered.id, **d.as_dict()} for d in merged.differences]
    if args.json:
        print(orjson.dumps(listed, option=orjson.OPT_INDENT_2).decode())
    print(
        f"{len(documents)} documents reviewed by all their annotators: {pre_accepted} items pre-accepted into the "
        f"curated layer ({args.premerge}), {differences} differences left to settle",
        file=sys.stderr,
    )
    return 0
