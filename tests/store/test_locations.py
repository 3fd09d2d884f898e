"""Where the database is: a file path or a postgresql:// URL, from --db, $HAKAM_DB or the preference."""

from __future__ import annotations

from pathlib import Path

import pytest

from hakam import settings
from hakam.store import default_db_path, is_url
from hakam.store.database import describe

URL = "postgresql://hakam:secret@db.example.org:5432/hakam"


def test_a_url_is_kept_as_it_is_from_every_source(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HAKAM_DB", URL)
    assert default_db_path() == URL and settings.Settings().database_path() == URL
    monkeypatch.delenv("HAKAM_DB")
    assert settings.Settings(database=URL).database_path() == URL
    assert settings.Settings(database=URL).database_path(URL.replace("hakam:secret@", "")) == URL.replace(
        "hakam:secret@", ""
    )
    assert settings.field_problem("database", URL) is None
    assert settings.Settings(database="~/h.sqlite").database_path() == Path.home() / "h.sqlite"
    assert settings.Settings().database_path(str(tmp_path / "x.sqlite")) == tmp_path / "x.sqlite"


def test_messages_never_show_the_password() -> None:
    assert describe(URL) == "postgresql://hakam@db.example.org:5432/hakam"
    assert describe("/data/h.sqlite") == "/data/h.sqlite"
    assert is_url("postgres://u@h/d") and not is_url("postgresql.sqlite") and not is_url(Path("postgresql://x"))
