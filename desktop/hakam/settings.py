"""User preferences: one typed, versioned schema stored as JSON (never QSettings or pickle).

The file is ``settings.json`` in ``$HAKAM_CONFIG`` (a folder), else in the user's
config folder (platformdirs). Older files are migrated step by step on load; a
file written by a newer Hakam is read for the fields this one knows, and its
version and unknown keys are written back unchanged. Values that do not validate
fall back to their defaults (reported in ``problems``). Saving writes a temp file
and renames it, and a file that could not be parsed is kept as ``settings.json.bad``.

Which name goes on decisions (see ``adopt_annotator``): ``--annotator``, else the
database's own ``annotator`` setting, else this preference, else the login name.
A database remembers the first name it was given, so a shared or copied database
keeps its annotator; the preference is the default for new databases.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import orjson
from platformdirs import user_config_path

from hakam.store.database import default_db_path, is_url

SETTINGS_VERSION = 1
FILE_NAME = "settings.json"
LANGUAGES = ("system", "ar", "en")
THEMES = ("light", "dark")
FONT_SIZES = range(8, 49)  # article font, points

# Migrations from version N to N+1, on the raw JSON dict (add one per schema change).
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


@dataclass(frozen=True, slots=True)
class Settings:
    annotator: str = ""  # empty: the login name
    language: str = "system"  # system | ar | en
    font_size: int = 18
    theme: str = "light"  # light | dark
    database: str = ""  # empty: $HAKAM_DB or the user data folder
    suggest_after_import: bool = True  # the desk suggests for imported documents in the background
    version: int = SETTINGS_VERSION
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # unknown keys, kept on save

    def validate(self) -> list[str]:
        """Problems with the values (empty when all is well)."""
        names = [f.name for f in fields(self) if f.name not in ("version", "extra")]
        return [p for p in (field_problem(n, getattr(self, n)) for n in names) if p]

    def database_path(self, explicit: Path | str | None = None) -> Path | str:
        """``--db``, else ``$HAKAM_DB``, else this preference, else the default location:
        a SQLite file, or a ``postgresql://`` URL kept as it is."""
        chosen = explicit if explicit is not None else self.database
        if explicit is None and (os.environ.get("HAKAM_DB") or not self.database):
            return default_db_path()
        return str(chosen) if is_url(str(chosen)) else Path(chosen).expanduser()

    def to_json(self) -> bytes:
        data = dict(self.extra)
        data.update({k: v for k, v in asdict(self).items() if k != "extra"})
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)


def field_problem(name: str, value: Any) -> str | None:
    """Why ``value`` is not valid for the field ``name`` (None when it is)."""
    if type(value) is not type(getattr(Settings(), name)):
        return f"{name}: expected {type(getattr(Settings(), name)).__name__}"
    if name == "annotator":
        if value != value.strip() or any(c in value for c in "\n\r\t"):
            return "annotator: no surrounding spaces or line breaks"
        if len(value) > 64:
            return "annotator: at most 64 characters"
    elif name == "language" and value not in LANGUAGES:
        return f"language: one of {', '.join(LANGUAGES)}"
    elif name == "theme" and value not in THEMES:
        return f"theme: one of {', '.join(THEMES)}"
    elif name == "font_size" and value not in FONT_SIZES:
        return f"font_size: {FONT_SIZES.start}..{FONT_SIZES.stop - 1}"
    elif name == "database" and value and not is_url(value) and Path(value).expanduser().is_dir():
        return "database: a file, not a folder"
    return None


@dataclass(frozen=True, slots=True)
class Loaded:
    settings: Settings
    problems: list[str]


def config_dir() -> Path:
    override = os.environ.get("HAKAM_CONFIG")
    return Path(override) if override else user_config_path("hakam", appauthor=False)


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("version", 1)
    if not isinstance(version, int) or version < 1:
        raise ValueError(f"bad settings version {version!r}")
    while version < SETTINGS_VERSION:
        data = MIGRATIONS[version](dict(data))
        version += 1
        data["version"] = version
    return data


def from_dict(data: dict[str, Any]) -> Loaded:
    """Settings from a (migrated) dict: bad values fall back to defaults, one by one."""
    names = {f.name for f in fields(Settings)} - {"extra"}
    defaults = Settings()
    extra = {k: v for k, v in data.items() if k not in names}
    known = {k: v for k, v in data.items() if k in names}
    settings = replace(defaults, extra=extra, version=max(SETTINGS_VERSION, int(data.get("version", 1))))
    problems = []
    for name, value in known.items():
        if name == "version":
            continue
        problem = field_problem(name, value)
        if problem:
            problems.append(f"{problem}; using {getattr(defaults, name)!r}")
        else:
            settings = replace(settings, **{name: value})
    return Loaded(settings, problems)


def load(path: Path | None = None) -> Loaded:
    """The saved settings, or the defaults (with the reason) when there are none or they are unreadable."""
    path = path or settings_path()
    if not path.exists():
        return Loaded(Settings(), [])
    try:
        data = orjson.loads(path.read_bytes())
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return from_dict(migrate(data))
    except (OSError, ValueError, KeyError) as error:
        return Loaded(Settings(), [f"{path}: {error}; using the defaults"])


def save(settings: Settings, path: Path | None = None) -> Path:
    problems = settings.validate()
    if problems:
        raise ValueError("; ".join(problems))
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not _parses(path):
        path.replace(path.with_name(path.name + ".bad"))
    temp = path.with_name(path.name + ".tmp")
    temp.write_bytes(settings.to_json())
    os.replace(temp, path)
    return path


def _parses(path: Path) -> bool:
    try:
        return isinstance(orjson.loads(path.read_bytes()), dict)
    except (OSError, ValueError):
        return False


def adopt_annotator(store: Any, settings: Settings, explicit: str | None = None) -> str:
    """Set ``store.annotator`` by the rule in the module docstring; a database
    without an ``annotator`` setting records the chosen name. ``store`` is a
    ``hakam.store.Store`` opened before any action was taken."""
    stored = store.settings.get("annotator")
    name = explicit or stored or settings.annotator or store.annotator
    if not stored:
        store.settings.set("annotator", name)
    store.annotator = name
    return name
