"""The rule suggester's knowledge, read once from resources/ and normalised.

``knowledge()`` builds the shared ``KB`` on first use (gazetteer automaton,
lexicon tables as normalised sets and dicts). A missing lexicon file gives an
empty table, so the suggester still runs on a partial resources folder.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from hakam.core.arabic import match_key, strip_marks, without_article
from hakam.suggest.gazetteer import Gazetteer
from hakam.suggest.knowledge import KnowledgeError, all_gazetteers, lexicon_dir, load_table

WEAK_SOURCES = frozenset({"places_geonames"})  # gazetteers built by program, not by hand
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"PERS", "ORG", "GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class Trigger:
    words: tuple[str, ...]  # normalised words of the trigger phrase
    type: str
    pos: str
    ambiguous: bool


@dataclass
class KB:
    gazetteer: Gazetteer
    first_names: frozenset[str] = frozenset()  # normalised, multi-word ones with one space
    first_name_spellings: dict[str, set[str]] = field(default_factory=dict)
    first_name_heads: frozenset[str] = frozenset()  # first words of multi-word given names
    kunya: frozenset[str] = frozenset({"ابو", "ام"})
    titles: dict[str, str] = field(default_factory=dict)  # title -> kind (office, rank, kunya …)
    title_spellings: dict[str, set[str]] = field(default_factory=dict)
    title_heads: frozenset[str] = frozenset()  # first words of titles (رئيس in رئيس الوزراء)
    speech_verbs: frozenset[str] = frozenset()
    org_heads: frozenset[str] = frozenset()
    place_heads: dict[str, tuple[str, bool]] = field(default_factory=dict)  # head -> (label, inside)
    nationality: dict[str, str] = field(default_factory=dict)  # adjective form -> country
    triggers: dict[str, list[Trigger]] = field(default_factory=dict)  # first word -> phrases
    inflected_triggers: dict[str, Trigger] = field(default_factory=dict)
    numbers: dict[str, int | None] = field(default_factory=dict)  # None = vague
    dates: dict[str, tuple[str, str]] = field(default_factory=dict)  # word -> (kind, value)
    stopwords: frozenset[str] = frozenset()
    ambiguous_names: frozenset[str] = frozenset()

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Words the tokenizer may split a proclitic before (names, triggers, heads)."""
        words = (
            self.gazetteer.words | self.first_names | self.triggers.keys() | self.org_heads | self.place_heads.keys()
        )
        return frozenset(w for w in words if len(w) >= 3)

    @cached_property
    def name_parts(self) -> dict[str, tuple[str, ...]]:
        """Word -> where it stands in the multi-word names listed (``PERS:first``,
        ``ORG:mid``, ``LOC:last`` …; places as LOC): a CRF clue for names that are
        not listed whole (ساركوزي alone, a new ministry of a listed kind)."""
        table: dict[str, set[str]] = {}
        for key, label in self.gazetteer.labels.items():
            words = key.split(" ")
            if len(words) < 2:
                continue
            kind = "LOC" if label in PLACE_LABELS else label
            for k, word in enumerate(words):
                where = "first" if k == 0 else "last" if k == len(words) - 1 else "mid"
                table.setdefault(word, set()).add(f"{kind}:{where}")
        return {word: tuple(sorted(parts)) for word, parts in table.items()}

    @cached_property
    def countries(self) -> frozenset[str]:
        """Match keys of the countries the nationality adjectives name (سوريا, السودان)."""
        return frozenset(match_key(country) for country in self.nationality.values())

    @cached_property
    def surnames(self) -> frozenset[str]:
        """Last words of listed persons' names that stand nowhere else in the lists
        (بلير of توني بلير): a later or lone mention of the person."""
        return frozenset(word for word, where in self.name_parts.items()
                         if "PERS:last" in where and all(w.startswith("PERS:") for w in where))  # fmt: skip

    def lexical(self, form: str) -> bool:
        """A word some lexicon knows as something other than a name."""
        return (
            form in self.stopwords
            or form in self.triggers
            or form in self.numbers
            or form in self.dates
            or form in self.titles
            or form in self.org_heads
            or form in self.place_heads
            or form in self.speech_verbs
        )


def _rows(name: str, columns: int = 1) -> list[list[str]]:
    path: Path = lexicon_dir() / name
    if not path.exists():
        return []
    return [row + [""] * (columns - len(row)) for row in load_table(path)]


def nationality_forms(adjective: str) -> list[str]:
    """Masculine/feminine, with and without the article, and plurals of a nisba adjective."""
    base = without_article(match_key(adjective))
    if base.endswith("يه"):
        base = base[:-1]
    forms = {base, base + "ه", base + "ون", base + "ين"}
    return sorted(forms | {"ال" + f for f in forms})


def _triggers() -> dict[str, list[Trigger]]:
    table: dict[str, list[Trigger]] = {}
    for form, kind, pos, note in _rows("triggers.tsv", 4):
        words = tuple(match_key(form).split())
        if not words or not kind:
            continue
        trigger = Trigger(words, kind, pos, "ambiguous" in note)
        table.setdefault(words[0], []).append(trigger)
    for phrases in table.values():
        phrases.sort(key=lambda t: -len(t.words))
    return table


def inflected(triggers: dict[str, list[Trigger]]) -> dict[str, Trigger]:
    """Unlisted forms of one-word triggers with an accusative or plural ending
    (اعتصاما، انسحابا، ينسحبوا، القتيلين) -> the listed trigger."""
    out: dict[str, Trigger] = {}
    for word, phrases in triggers.items():
        single = [t for t in phrases if len(t.words) == 1 and not t.ambiguous]
        if single and len(word) >= 3:
            for ending in ("ا", "وا", "ين", "ان"):
                if word + ending not in triggers:
                    out.setdefault(word + ending, single[0])
    return out


def _numbers() -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for word, value, *_ in _rows("number_words.tsv", 2):
        if value.strip().isdigit() or value.strip() == "vague":  # ordinals (ord:N) are not counts
            out[match_key(word)] = int(value) if value.strip().isdigit() else None
    return out


def _spellings(forms: list[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for form in forms:
        out.setdefault(match_key(form), set()).add(strip_marks(form))
    return out


def build_kb() -> KB:
    gazetteers = all_gazetteers()
    entries = [(entry.forms(), entry.label) for entry in gazetteers]
    strong = {match_key(f) for e in gazetteers if e.source not in WEAK_SOURCES for f in e.forms()}
    weak = [f for e in gazetteers if e.source in WEAK_SOURCES for f in e.forms() if match_key(f) not in strong]
    ambiguous = frozenset(match_key(w[0]) for w in _rows("ambiguous_names.txt"))
    nationality: dict[str, str] = {}
    for adjective, country, *_ in _rows("nationality_adjectives.tsv", 2):
        for form in nationality_forms(adjective):
            nationality.setdefault(form, country)
    names = [r[0] for r in _rows("first_names.tsv")]
    first_names = frozenset(match_key(n) for n in names)
    triggers = _triggers()
    title_rows = _rows("person_titles.tsv", 2)
    titles = {match_key(r[0]): r[1] for r in title_rows}
    return KB(
        gazetteer=Gazetteer(entries, ambiguous, weak),
        first_names=first_names,
        first_name_spellings=_spellings(names),
        first_name_heads=frozenset(name.split()[0] for name in first_names if " " in name),
        kunya=frozenset({"ابو", "ام"} | {t for t, kind in titles.items() if kind == "kunya"}),
        titles=titles,
        title_spellings=_spellings([r[0] for r in title_rows] + [r[0].split()[0] for r in title_rows]),
        title_heads=frozenset(t.split()[0] for t, kind in titles.items() if kind != "kunya"),
        speech_verbs=frozenset(match_key(r[0]) for r in _rows("speech_verbs.txt")),
        org_heads=frozenset(match_key(r[0]) for r in _rows("org_heads.txt")),
        place_heads={match_key(r[0]): (r[1] or "GPE", r[2].lower() == "yes") for r in _rows("place_heads.tsv", 3)},
        nationality=nationality,
        triggers=triggers,
        inflected_triggers=inflected(triggers),
        numbers=_numbers(),
        dates={match_key(r[0]): (r[1], r[2]) for r in _rows("dates.tsv", 3)},
        stopwords=frozenset(match_key(r[0]) for r in _rows("stopwords.txt")),
        ambiguous_names=ambiguous,
    )


_lock = threading.Lock()
_kb: KB | None = None


def knowledge() -> KB:
    """The shared knowledge base, built on first call (thread-safe)."""
    global _kb
    with _lock:
        if _kb is None:
            _kb = build_kb()
        return _kb


__all__ = ["KB", "KnowledgeError", "Trigger", "build_kb", "knowledge"]
