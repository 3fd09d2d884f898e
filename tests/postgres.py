"""A throw-away PostgreSQL server for the tests: Debian's binaries, run as the
``postgres`` system user when we are root (initdb refuses root), listening only on
a Unix socket in a temporary folder. Each test gets a fresh database."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg


def binaries() -> Path | None:
    """The newest ``/usr/lib/postgresql/*/bin`` with initdb (None: PostgreSQL is not installed)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parent.parent.name))
    return Path(found[-1]).parent if found else None


class Server:
    """``start()`` → ``url(database)`` for each test → ``stop()``; ``restart(immediate=True)``
    kills it the way a crash would (``pg_ctl stop -m immediate``) and starts it again."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="hakam-pg-"))
        os.chmod(self.root, 0o777)  # the postgres user writes its data and socket here
        self.data = self.root / "data"
        self.user = "postgres" if os.geteuid() == 0 else None
        self._names = itertools.count(1)

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        result = subprocess.run([*prefix, *command], capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {result.stdout}{result.stderr}")

    @property
    def role(self) -> str:
        return self.user or os.environ.get("USER", "postgres")

    def start(self) -> None:
        if not self.data.exists():
            self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", self.role, "-A", "trust", "-E", "UTF8",
                      "--locale=C", "--no-sync")  # fmt: skip
        options = f"-k {self.root} -c listen_addresses='' -c max_connections=300 -c fsync=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-o", options,
                  "-w", "start")  # fmt: skip

    def stop(self, immediate: bool = False) -> None:
        mode = "immediate" if immediate else "fast"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def restart(self, immediate: bool = True) -> None:
        self.stop(immediate)
        self.start()

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.role}@/{database}?host={self.root}"

    def new_database(self) -> str:
        """A fresh empty database; its URL."""
        name = f"hakam_test_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)

    def remove(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
