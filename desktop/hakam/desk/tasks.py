"""Work the desk runs in the background (through ``worker.run_task``).

Plain functions over the store: suggestions, import and export. The suggester
is created here, on the worker thread, so its models load lazily and never
block the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from hakam.core.model import Document
from hakam.store import Store

DEFAULT_SUGGESTER = "ensemble"


class State(Protocol):
    def progress(self, done: int, total: int = 0, text: str = "") -> None: ...
    def should_stop(self) -> bool: ...


class Unavailable(RuntimeError):
    """A part of Hakam this action needs is not installed in this build."""


def suggest(store: Store, document_ids: Sequence[int], state: State) -> list[int]:
    """Put fresh suggestions on the documents; returns the ids done."""
    import hakam.suggest as suggest_package
    from hakam.suggest.base import create

    spec = store.setting("suggester") or DEFAULT_SUGGESTER
    suggester = create(spec)
    refresh = getattr(suggest_package, "refresh_suggestions", None)
    total = len(document_ids)
    if refresh is not None:
        refresh(store, suggester, list(document_ids), lambda done, *_: state.progress(done, total), state.should_stop)
        return list(document_ids)
    done: list[int] = []
    for n, doc_id in enumerate(document_ids):
        if state.should_stop():
            break
        view = store.document(doc_id)
        spans, events = suggester.suggest(Document(view.text, view.ext_id, dict(view.meta)))
        store.replace_suggestions(doc_id, spans, events)
        done.append(doc_id)
        state.progress(n + 1, total)
    return done


def import_files(store: Store, paths: Sequence[Path], state: State) -> dict[str, Any]:
    """Import JSONL or text files; ``hakam.io.errors.InputError`` names file and line."""
    from hakam.io.importer import import_paths

    summary = import_paths(store, paths, progress=lambda file, count: state.progress(count, 0, str(file)))
    return summary.as_dict()


def export_file(store: Store, out: Path, include_all: bool, state: State) -> int:
    """Write reviewed documents (all with ``include_all``) as JSONL; returns how many."""
    from hakam.io import exporter

    return exporter.export(store, out, include_all=include_all, progress=lambda n: state.progress(n))
