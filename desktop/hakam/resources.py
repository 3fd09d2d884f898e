"""Where Hakam's shipped data lives (schema, gazetteers, samples, fonts, translations).

In a source checkout it is ``resources/`` at the repository root; an installed or
frozen build sets ``HAKAM_RESOURCES`` or ships ``hakam/_resources``.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path


def resource_root() -> Path:
    override = os.environ.get("HAKAM_RESOURCES")
    return Path(override) if override else _found_root()


@lru_cache(maxsize=1)
def _found_root() -> Path:
    package = Path(__file__).resolve().parent
    candidates = [package / "_resources", package.parent.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for candidate in candidates:
        if (candidate / "schema").is_dir():
            return candidate
    raise FileNotFoundError("Hakam's resources folder was not found; set HAKAM_RESOURCES")


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)
