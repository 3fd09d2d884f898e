"""mypy on the Qt-free core, store and io, as configured in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_mypy_finds_nothing_in_core_store_and_io() -> None:
    command = [sys.executable, "-m", "mypy", "-p", "hakam.core", "-p", "hakam.store", "-p", "hakam.io"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:]
