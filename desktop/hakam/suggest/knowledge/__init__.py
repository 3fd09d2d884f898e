"""Knowledge base of the cold-start suggester: gazetteers and lexicons as plain files.

Gazetteers are UTF-8 TSV files with ``# key: value`` header lines and rows
``name<TAB>label<TAB>variants`` (variants ``|``-separated, may be empty).
Lexicons are TSV/TXT tables whose ``#`` lines are comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hakam.resources import resource_root

GAZETTEER_LABELS: frozenset[str] = frozenset({"PERS", "ORG", "GPE", "LOC", "FAC"})


class KnowledgeError(ValueError):
    """A knowledge file is missing or malformed; the message names file and line."""


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    label: str
    variants: tuple[str, ...]
    source: str  # file stem, e.g. "org"

    def forms(self) -> tuple[str, ...]:
        """The name followed by its variants."""
        return (self.name, *self.variants)


def resource_dir() -> Path:
    """The ``resources`` folder (``$HAKAM_RESOURCES``, the checkout's, or the frozen build's)."""
    return resource_root()


def gazetteer_dir() -> Path:
    return resource_dir() / "gazetteers"


def lexicon_dir() -> Path:
    return resource_dir() / "lexicons"


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read ({exc})") from exc
    except UnicodeDecodeError as exc:
        raise KnowledgeError(f"{path}: not UTF-8 ({exc})") from exc


def read_header(path: str | Path) -> dict[str, str]:
    """The ``# key: value`` lines at the top of a file."""
    header: dict[str, str] = {}
    for line in _read_lines(Path(path)):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        key, sep, value = line[1:].partition(":")
        if sep:
            header[key.strip().lower()] = value.strip()
    return header


def load_table(path: str | Path, min_columns: int = 1) -> list[list[str]]:
    """Rows of a lexicon file (tab-separated), skipping ``#`` and blank lines."""
    path = Path(path)
    rows: list[list[str]] = []
    for lineno, line in enumerate(_read_lines(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < min_columns or not cells[0]:
            raise KnowledgeError(f"{path}:{lineno}: expected at least {min_columns} column(s): {line!r}")
        rows.append(cells)
    return rows


def load_words(path: str | Path) -> list[str]:
    """First column of a one-word-per-line list."""
    return [row[0] for row in load_table(path)]


def load_gazetteer(path: str | Path) -> list[GazetteerEntry]:
    """Entries of one gazetteer file; raises KnowledgeError naming file and line."""
    path = Path(path)
    entries: list[GazetteerEntry] = []
    for lineno, line in enumerate(_read_lines(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) not in (2, 3):
            raise KnowledgeError(f"{path}:{lineno}: expected name<TAB>label<TAB>variants, got {len(cells)} column(s)")
        name, label = cells[0].strip(), cells[1].strip()
        if not name:
            raise KnowledgeError(f"{path}:{lineno}: empty name")
        if label not in GAZETTEER_LABELS:
            raise KnowledgeError(f"{path}:{lineno}: unknown label {label!r}")
        raw = cells[2] if len(cells) == 3 else ""
        variants = tuple(v.strip() for v in raw.split("|") if v.strip())
        entries.append(GazetteerEntry(name, label, variants, path.stem))
    return entries


def all_gazetteers(directory: str | Path | None = None) -> list[GazetteerEntry]:
    """Entries of every ``*.tsv`` gazetteer, files in name order."""
    directory = Path(directory) if directory is not None else gazetteer_dir()
    if not directory.is_dir():
        raise KnowledgeError(f"{directory}: no gazetteer folder")
    entries: list[GazetteerEntry] = []
    for path in sorted(directory.glob("*.tsv")):
        entries.extend(load_gazetteer(path))
    return entries
