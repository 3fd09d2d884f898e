"""Keep every test away from the user's database and settings; the database backends.

Tests that take ``new_db`` (or a fixture built on it) run once on SQLite and once on a
throw-away PostgreSQL server (``tests/postgres.py``). Without PostgreSQL binaries those
runs are skipped, saying why, except in CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(autouse=True)
def _isolated_user_files(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("HAKAM_DB", str(home / "hakam.sqlite"))
    monkeypatch.setenv("HAKAM_CONFIG", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the CLI's log of unexpected errors


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """The test PostgreSQL server, started once for the session."""
    from tests.postgres import Server, binaries

    bin_dir = binaries()
    if bin_dir is None:
        reason = "no PostgreSQL binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must test PostgreSQL: {reason}")
        pytest.skip(reason)
    server = Server(bin_dir)
    server.start()
    yield server
    server.remove()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def new_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Callable[..., Path | str]:
    """``new_db(name)``: the location of a new empty database on this test's backend
    (a SQLite file, or a ``postgresql://`` URL of a fresh database)."""
    server = request.getfixturevalue("pg_server") if backend == "postgresql" else None

    def make(name: str = "hakam") -> Path | str:
        return server.new_database() if server is not None else tmp_path / f"{name}.sqlite"

    return make
