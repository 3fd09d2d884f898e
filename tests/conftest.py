"""Keep every test away from the user's database and settings."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_user_files(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("HAKAM_DB", str(home / "hakam.sqlite"))
    monkeypatch.setenv("HAKAM_CONFIG", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the CLI's log of unexpected errors
