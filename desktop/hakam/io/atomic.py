"""Outputs that appear whole or not at all.

A file is written to a hidden temporary beside the target
(``.NAME.PID.RANDOM.hakam-tmp``) and renamed over it at the end, so a bad
record, a full disk or a kill leaves the previous file as it was. A folder
(brat) is written to a temporary folder and renamed into place; into a folder
that already holds files, each finished file is renamed in (each one whole).
Temporaries left by a killed run (their process is gone) are removed by the
next run on the same target. Finished outputs get the permissions the user's
umask gives a new file (an existing target keeps its own).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

SUFFIX = ".hakam-tmp"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def clean_stale(target: Path) -> list[Path]:
    """Remove the temporaries of ``target`` whose writing process is gone; returns them."""
    removed: list[Path] = []
    try:
        candidates = list(target.parent.glob(f".{_glob_escape(target.name)}.*{SUFFIX}"))
    except OSError:
        return removed
    for path in candidates:
        parts = path.name[len(target.name) + 2 :].split(".")
        if not parts[0].isdigit() or process_alive(int(parts[0])):
            continue
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
    return removed


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _prefix(target: Path) -> str:
    return f".{target.name}.{os.getpid()}."


def _file_mode(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


@contextlib.contextmanager
def atomic_file(target: Path | str, binary: bool = False) -> Iterator[IO]:
    """A stream whose content replaces ``target`` when the block ends without an error."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target)
    handle, temp = tempfile.mkstemp(prefix=_prefix(target), suffix=SUFFIX, dir=target.parent)
    try:
        text: dict[str, Any] = {} if binary else {"encoding": "utf-8", "newline": "\n"}
        with os.fdopen(handle, "wb" if binary else "w", **text) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, _file_mode(target))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


@contextlib.contextmanager
def atomic_folder(target: Path | str) -> Iterator[Path]:
    """A folder whose files end up in ``target`` when the block ends without an error."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target} is a file, not a folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target)
    temp = Path(tempfile.mkdtemp(prefix=_prefix(target), suffix=SUFFIX, dir=target.parent))
    try:
        yield temp
        os.chmod(temp, 0o777 & ~_umask())
        if target.is_dir() and not any(target.iterdir()):
            target.rmdir()
        if not target.exists():
            os.rename(temp, target)
            return
        for path in sorted(temp.rglob("*")):
            if path.is_file():
                destination = target / path.relative_to(temp)
                destination.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, destination)
        shutil.rmtree(temp)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
