"""The README's key table lists the keys of every action in the action table."""

from __future__ import annotations

import re
from pathlib import Path

from hakam.desk.actions import ACTIONS

README = Path(__file__).resolve().parents[2] / "README.md"
_WORDS = {"Return": "Enter", "Escape": "Esc", "Left": "←", "Right": "→", "Backtab": "Shift+Tab"}


def _readme_keys(spec_key: str) -> str:
    return "+".join(_WORDS.get(part, part) for part in spec_key.split("+"))


def test_every_action_key_is_in_the_readme_table():
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| keys | action |") :]
    table = table[: table.index("\n\n")]
    cells = [row.split("|")[1] for row in table.splitlines()[2:]]
    missing = []
    for spec in ACTIONS:
        for key in spec.keys[:1]:
            wanted = _readme_keys(key)
            if not any(wanted in _split(cell) for cell in cells):
                missing.append(f"{spec.id}: {wanted}")
    assert not missing, missing


def _split(cell: str) -> set[str]:
    """``J / Tab, K / Shift+Tab`` → {J, Tab, K, Shift+Tab}; ``Ctrl+,`` stays whole."""
    return {part.strip() for part in re.split(r"\s+[·/]\s+|\s+or\s+|(?<=[^+]),\s", cell) if part.strip()}
