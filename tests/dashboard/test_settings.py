"""Preferences: typed JSON round trip, validation, migration, the annotator rule."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from hakam import settings as st
from hakam.store import Store


def test_defaults_when_nothing_is_saved_and_the_env_folder_is_used() -> None:
    loaded = st.load()
    assert loaded.settings == st.Settings() and loaded.problems == []
    assert st.settings_path().parent == Path(os.environ["HAKAM_CONFIG"])


def test_round_trip_keeps_unknown_keys() -> None:
    path = st.settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(orjson.dumps({"version": 1, "language": "ar", "future_key": [1, 2]}))
    loaded = st.load()
    changed = st.Settings(**{**{k: getattr(loaded.settings, k) for k in ("language", "extra")},
                             "annotator": "أمل", "font_size": 22, "theme": "dark"})  # fmt: skip
    st.save(changed)
    again = st.load().settings
    assert again == changed and again.annotator == "أمل" and again.language == "ar"
    assert orjson.loads(path.read_bytes())["future_key"] == [1, 2]


def test_bad_values_fall_back_one_by_one() -> None:
    path = st.settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(orjson.dumps({"version": 1, "language": "fr", "font_size": "big", "theme": "dark"}))
    loaded = st.load()
    assert loaded.settings.language == "system" and loaded.settings.font_size == 18
    assert loaded.settings.theme == "dark" and len(loaded.problems) == 2


def test_unreadable_file_gives_defaults_and_is_kept_aside_on_save() -> None:
    path = st.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    loaded = st.load()
    assert loaded.settings == st.Settings() and loaded.problems
    st.save(loaded.settings)
    assert path.with_name("settings.json.bad").read_text() == "{not json"
    assert st.load().problems == []


def test_save_refuses_invalid_settings() -> None:
    with pytest.raises(ValueError, match="font_size"):
        st.save(st.Settings(font_size=200))
    assert not st.settings_path().exists()


def test_migrations_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    def v1_to_v2(data: dict) -> dict:
        data["theme"] = "dark" if data.pop("dark_mode", False) else "light"
        return data

    monkeypatch.setattr(st, "SETTINGS_VERSION", 2)
    monkeypatch.setattr(st, "MIGRATIONS", {1: v1_to_v2})
    path = st.settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(orjson.dumps({"version": 1, "dark_mode": True}))
    loaded = st.load()
    assert loaded.settings.theme == "dark" and loaded.settings.version == 2
    assert "dark_mode" not in loaded.settings.extra


def test_a_newer_file_keeps_its_version() -> None:
    path = st.settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(orjson.dumps({"version": 7, "theme": "dark", "new_field": 1}))
    loaded = st.load().settings
    st.save(loaded)
    expected = {**orjson.loads(st.Settings().to_json()), "version": 7, "theme": "dark", "new_field": 1}
    assert orjson.loads(path.read_bytes()) == expected


def test_database_path_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prefs = st.Settings(database=str(tmp_path / "mine.sqlite"))
    assert prefs.database_path(tmp_path / "cli.sqlite") == tmp_path / "cli.sqlite"
    assert prefs.database_path() == Path(os.environ["HAKAM_DB"])
    monkeypatch.delenv("HAKAM_DB")
    assert prefs.database_path() == tmp_path / "mine.sqlite"


def test_annotator_rule(tmp_path: Path) -> None:
    prefs = st.Settings(annotator="nour")
    fresh = Store(tmp_path / "a.sqlite")
    assert st.adopt_annotator(fresh, prefs) == "nour" and fresh.settings.get("annotator") == "nour"
    fresh.close()
    reopened = Store(tmp_path / "a.sqlite")
    assert st.adopt_annotator(reopened, st.Settings(annotator="other")) == "nour"
    assert st.adopt_annotator(reopened, prefs, explicit="guest") == "guest"
    assert reopened.settings.get("annotator") == "nour"
