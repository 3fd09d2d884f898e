"""What the command line says when something fails: one line, never a traceback.

``explain`` turns the failures Hakam knows (a damaged, locked or read-only
database, a file that cannot be read) into a sentence. Anything else is a bug:
``log_unexpected`` writes its traceback to ``hakam.log`` in the user log folder
(platformdirs) and the user sees one line that names the log. That is the last
net, not the fix: each failure a user can cause gets its own message where it happens.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
import tempfile
import traceback
from pathlib import Path

# Substrings of SQLite's messages -> what they mean to a user.
_DATABASE_MESSAGES = (
    ("readonly", "the database is read-only (file or folder permissions, or a read-only disk)"),
    ("malformed", "the database file is damaged ({message}); run 'hakam check --repair' or restore a backup"),
    (
        "could not decode",
        "the database file is damaged (a stored text is not UTF-8: {message}); "
        "run 'hakam check --repair' or restore a backup",
    ),
    ("not a database", "not a database file ({message})"),
    ("disk i/o error", "input/output error on the database file (a device, a failing disk, or a lost network share)"),
    ("locked", "the database is busy (another program is writing to it); try again"),
    ("busy", "the database is busy (another program is writing to it); try again"),
    ("no such table", "the database is missing a table ({message}); run 'hakam check --repair' or restore a backup"),
    ("no such column", "the database is missing a column ({message}); run 'hakam check --repair' or restore a backup"),
    ("full", "the disk is full"),
    ("unable to open", "cannot open the database file"),
)


def _is_database_error(error: BaseException) -> bool:
    try:
        import peewee
    except ImportError:  # pragma: no cover - peewee is a dependency
        return isinstance(error, sqlite3.Error)
    return isinstance(error, (sqlite3.Error, peewee.DatabaseError, peewee.InterfaceError))


def explain(error: BaseException, database: object) -> str | None:
    """One line for a failure a user can cause, or ``None`` for a bug."""
    import orjson

    from hakam.suggest.bert import BertError
    from hakam.suggest.crf_blob import CrfError

    if isinstance(error, (BertError, CrfError)):  # a model that cannot be loaded, raised on first use
        return one_line(str(error), 400)
    if _is_database_error(error) or type(error).__name__ == "StoreUnavailable":
        message = one_line(str(error)) or type(error).__name__
        for needle, meaning in _DATABASE_MESSAGES:
            if needle in message.lower():
                return f"{database}: {meaning.format(message=message)}"
        return f"{database}: database error: {message}"
    if isinstance(error, orjson.JSONDecodeError):
        return f"{database}: a stored value is damaged (not JSON: {one_line(str(error))}); run 'hakam check --repair'"
    if isinstance(error, MemoryError):
        return "out of memory"
    if isinstance(error, RecursionError):
        return "the input is nested too deeply to read"
    if isinstance(error, OSError):
        where = error.filename or database
        return f"{where}: {error.strerror or error}"
    return None


def one_line(text: str, limit: int = 160) -> str:
    """``text`` on one line, cut to ``limit`` characters (a damaged value can be long)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def log_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path("hakam", appauthor=False) / "hakam.log"


def log_unexpected(error: BaseException) -> Path:
    """Append the traceback to the log; returns where it went."""
    text = "".join(traceback.format_exception(error))
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    entry = f"--- {stamp} hakam {' '.join(sys.argv[1:])}\n{text}\n"
    for path in (log_path(), Path(tempfile.gettempdir()) / f"hakam-{os.getuid() if hasattr(os, 'getuid') else 0}.log"):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(entry)
            return path
        except OSError:
            continue
    return Path("(no writable log folder)")
