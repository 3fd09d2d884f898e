"""ruff's checks (pyflakes, syntax, import order) and its formatter, as configured in pyproject.toml."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUFF = Path(sys.executable).with_name("ruff")


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_ruff_finds_nothing(command: list[str]) -> None:
    result = subprocess.run([str(RUFF), *command, "desktop", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:]


SELECTED = ("F", "E9", "I001")  # [tool.ruff.lint] select
TYPED = ("desktop/hakam/core/", "desktop/hakam/store/", "desktop/hakam/io/")  # what mypy checks
IGNORE = "# type" + ": ignore"  # spelt apart so that this file does not match itself


def test_no_suppression_names_a_rule_no_tool_checks() -> None:
    """A ``noqa`` for a rule ruff does not select, or a ``type: ignore`` where mypy does not
    run, silences nothing and misleads the reader."""
    stale = []
    for path in sorted([*ROOT.glob("desktop/**/*.py"), *ROOT.glob("tests/**/*.py")]):
        relative = path.relative_to(ROOT).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for codes in re.findall(r"# noqa: ([A-Z0-9, ]+)", line):
                if any(not code.strip().startswith(SELECTED) for code in codes.split(",") if code.strip()):
                    stale.append(f"{relative}:{number}: {line.strip()}")
            if IGNORE in line and not relative.startswith(TYPED):
                stale.append(f"{relative}:{number}: {line.strip()}")
    assert not stale, "\n".join(stale)
