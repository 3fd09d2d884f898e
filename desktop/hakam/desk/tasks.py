"""Work the desk runs in the background (through ``worker.run_task``).

Plain functions over the store: suggestions, import and export. The suggester
is created here, on the worker thread, so its models load lazily and never
block the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from hakam.store import Store


class State(Protocol):
    def progress(self, done: int, total: int = 0, text: str = "") -> None: ...
    def should_stop(self) -> bool: ...


def suggest(store: Store, document_ids: Sequence[int], state: State) -> int:
    """Fresh suggestions (rules, learned names, active CRF) on the unreviewed ones; returns how many."""
    from hakam.suggest.training import refresh_suggestions, suggester_for_store

    def progress(_stage: str, done: int, total: int) -> None:
        state.progress(done, total)

    return refresh_suggestions(store, suggester_for_store(store), document_ids, progress, state.should_stop)


def import_files(store: Store, paths: Sequence[Path], state: State) -> dict[str, Any]:
    """Import files or folders; ``hakam.io.errors.InputError`` names file and line. The result
    also lists the ``ids`` of the documents added still to review (for suggestions)."""
    from hakam.io.importer import import_paths
    from hakam.store import TODO

    before = set(store.documents.ids())
    summary = import_paths(store, paths, progress=lambda file, count: state.progress(count, 0, str(file)))
    return {**summary.as_dict(), "ids": [i for i in store.documents.ids(TODO) if i not in before]}


def check_database(store: Store, state: State) -> Any:
    """``hakam check`` on the open SQLite file (read-only); None for a server."""
    from hakam.store.check import check

    return check(store.path) if isinstance(store.path, Path) else None


def quick_check(store: Store, state: State) -> list[str]:
    """SQLite's quick check of the open file (after an unclean shutdown); empty when sound."""
    from hakam.store.check import quick_check

    return quick_check(store.path) if isinstance(store.path, Path) else []


def load_samples(store: Store, state: State) -> list[int]:
    """Add the sample articles (once); returns the ids added."""
    from hakam.io.samples import add_samples

    state.progress(0, 0)
    return add_samples(store)


def export_file(store: Store, out: Path, include_all: bool, state: State) -> int:
    """Write reviewed documents (all with ``include_all``) as JSONL; returns how many."""
    from hakam.io import exporter

    return exporter.export(store, out, include_all=include_all, progress=lambda n: state.progress(n))


def open_differences(store: Store, ready: dict[int, list[str]], state: State) -> dict[int, int]:
    """The curation queue's count of open differences per document (a premerge each)."""
    from hakam.desk.curation_state import open_counts

    return open_counts(store, ready, state.should_stop)
