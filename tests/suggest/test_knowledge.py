"""The suggester's knowledge base: every gazetteer and lexicon parses and follows the guidelines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hakam.core.arabic import match_key
from hakam.suggest.knowledge import (
    GAZETTEER_LABELS,
    KnowledgeError,
    all_gazetteers,
    gazetteer_dir,
    lexicon_dir,
    load_gazetteer,
    load_table,
    read_header,
    resource_dir,
)

EVENT_TYPES = {
    "AIRSTRIKE",
    "SHELLING",
    "CLASH",
    "ATTACK",
    "EXPLOSION",
    "KILLING",
    "INJURY",
    "ARREST",
    "PROTEST",
    "AGREEMENT",
    "TERRITORY",
    "DISPLACEMENT",
}
# a proclitic (و ف ب ل ك and combinations) glued to the article: outside any span
PROCLITIC_AL = re.compile("^(?:[وفبلك]|[وف][بل])ال|^[وف]?لل")
# real first words of hand-written entries that only look like proclitic + article
NOT_CLITIC = {"والي", "فالح", "فاليري", "والتز", "كالاس", "كاليفورنيا", "كالابريا", "والونيا"}
GENERATED = {"countries.tsv", "places_geonames.tsv"}  # foreign names (كاليدونيا، بالاو) are checked below
GAZETTEERS = sorted(gazetteer_dir().glob("*.tsv"))
LEXICONS = sorted(p for p in lexicon_dir().iterdir() if p.suffix in {".tsv", ".txt"})
MIN_ROWS = {"conflict_places": 300, "org": 300, "fac": 150, "pers": 200, "loc": 150, "countries": 200}
# lexicon -> minimum number of columns per row
LEXICON_COLUMNS = {
    "first_names.tsv": 2,
    "person_titles.tsv": 2,
    "nationality_adjectives.tsv": 2,
    "triggers.tsv": 3,
    "number_words.tsv": 2,
    "dates.tsv": 3,
    "place_heads.tsv": 3,
}


def test_resource_dir_is_the_repo_resources() -> None:
    assert (resource_dir() / "schema" / "guidelines.md").exists()


def test_resource_dir_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HAKAM_RESOURCES", str(tmp_path))
    assert resource_dir() == tmp_path
    assert gazetteer_dir() == tmp_path / "gazetteers"


def test_expected_files_exist() -> None:
    names = {p.name for p in GAZETTEERS}
    assert {f"{stem}.tsv" for stem in MIN_ROWS} | {"places_geonames.tsv"} <= names
    lex = {p.name for p in LEXICONS}
    assert set(LEXICON_COLUMNS) | {"stopwords.txt", "speech_verbs.txt", "org_heads.txt"} <= lex


@pytest.mark.parametrize("path", GAZETTEERS + LEXICONS, ids=lambda p: p.name)
def test_header_names_source_and_licence(path: Path) -> None:
    header = read_header(path)
    assert header.get("source"), f"{path.name}: no '# source:' line"
    assert header.get("licence"), f"{path.name}: no '# licence:' line"


@pytest.mark.parametrize("path", GAZETTEERS, ids=lambda p: p.name)
def test_gazetteer_rows(path: Path) -> None:
    entries = load_gazetteer(path)
    assert entries, f"{path.name} is empty"
    seen: set[tuple[str, str]] = set()
    for e in entries:
        assert e.label in GAZETTEER_LABELS
        key = (e.name, e.label)
        assert key not in seen, f"{path.name}: duplicate row {key}"
        seen.add(key)
        for form in e.forms():
            assert form == form.strip() and "  " not in form, f"{path.name}: spacing in {form!r}"
            if path.name not in GENERATED:
                assert form.split()[0] in NOT_CLITIC or not PROCLITIC_AL.match(form), (
                    f"{path.name}: {form!r} starts with a proclitic"
                )
            assert len(match_key(form).replace(" ", "")) >= 2, f"{path.name}: {form!r} too short"
            assert not re.search(r"^[\W_]|[\W_]$", form), f"{path.name}: punctuation edge {form!r}"


def test_no_entry_is_a_known_entry_with_a_proclitic() -> None:
    """'والرقة' or 'بالموصل' would be wrong in any file, generated ones included."""
    entries = all_gazetteers()
    known = {match_key(f) for e in entries for f in e.forms()}
    for e in entries:
        for form in e.forms():
            m = PROCLITIC_AL.match(form)
            if m:
                rest = form[m.end() - 2 :]  # from the article on
                if not rest.startswith("ال"):  # لل: only the first ل is a clitic
                    rest = "ا" + form[m.end() - 1 :]
                assert match_key(rest) not in known, (e.source, form)


@pytest.mark.parametrize("stem,minimum", sorted(MIN_ROWS.items()))
def test_gazetteer_sizes(stem: str, minimum: int) -> None:
    assert len(load_gazetteer(gazetteer_dir() / f"{stem}.tsv")) >= minimum


def test_gazetteer_labels_per_file() -> None:
    expected = {
        "conflict_places": {"GPE"},
        "countries": {"GPE"},
        "places_geonames": {"GPE"},
        "loc": {"LOC"},
        "fac": {"FAC"},
        "org": {"ORG"},
        "pers": {"PERS"},
    }
    for e in all_gazetteers():
        if e.source in expected:
            assert e.label in expected[e.source], (e.source, e.name, e.label)


def test_guideline_examples_are_known() -> None:
    forms = {(match_key(f), e.label) for e in all_gazetteers() for f in e.forms()}
    for text, label in [
        ("إدلب", "GPE"),
        ("الرقة", "GPE"),
        ("الموصل", "GPE"),
        ("الباغوز", "GPE"),
        ("دمشق", "GPE"),
        ("سوريا", "GPE"),
        ("قوات سوريا الديمقراطية", "ORG"),
        ("قسد", "ORG"),
        ("الجيش السوري", "ORG"),
        ("الأمم المتحدة", "ORG"),
        ("وزارة الدفاع الروسية", "ORG"),
        ("نهر الفرات", "LOC"),
        ("مخيم الهول", "LOC"),
        ("معبر رفح", "LOC"),
        ("الشجاعية", "LOC"),
        ("البادية السورية", "LOC"),
        ("مطار المزة العسكري", "FAC"),
        ("سجن صيدنايا", "FAC"),
        ("مستشفى الشفاء", "FAC"),
        ("سد الموصل", "FAC"),
        ("حقل العمر النفطي", "FAC"),
        ("أبو محمد الجولاني", "PERS"),
        ("فولكر تورك", "PERS"),
        ("بشار الأسد", "PERS"),
    ]:
        assert (match_key(text), label) in forms, (text, label)


def test_gpe_entries_have_no_descriptor_head() -> None:
    heads = {row[0] for row in load_table(lexicon_dir() / "place_heads.tsv") if row[2] == "no"}
    for e in all_gazetteers():
        if e.label == "GPE":
            for form in e.forms():
                assert form.split()[0] not in heads or len(form.split()) == 1, (e.source, form)


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.name)
def test_lexicon_rows(path: Path) -> None:
    rows = load_table(path, LEXICON_COLUMNS.get(path.name, 1))
    assert rows
    firsts = [tuple(r[:2]) if path.name == "triggers.tsv" else r[0] for r in rows]
    dupes = {x for x in firsts if firsts.count(x) > 1}
    assert not dupes, f"{path.name}: duplicates {sorted(dupes)[:5]}"
    for r in rows:
        assert (
            r[0].split()[0] in NOT_CLITIC or not PROCLITIC_AL.match(r[0]) or path.name in {"dates.tsv", "stopwords.txt"}
        ), r


def test_hand_entries_that_are_common_words_are_flagged() -> None:
    stop = {match_key(r[0]) for r in load_table(lexicon_dir() / "stopwords.txt")}
    flagged = {match_key(r[0]) for r in load_table(lexicon_dir() / "ambiguous_names.txt")}
    for e in all_gazetteers():
        if e.source not in {"countries", "places_geonames"}:
            for form in e.forms():
                assert match_key(form) not in stop or match_key(form) in flagged, (e.source, form)


def test_one_label_per_name_unless_flagged() -> None:
    flagged = {match_key(r[0]) for r in load_table(lexicon_dir() / "ambiguous_names.txt")}
    labels: dict[str, set[str]] = {}
    for e in all_gazetteers():
        for form in e.forms():
            labels.setdefault(match_key(form), set()).add(e.label)
    clashes = sorted(k for k, v in labels.items() if len(v) > 1 and k not in flagged)
    assert not clashes, clashes[:10]


def test_triggers() -> None:
    rows = load_table(lexicon_dir() / "triggers.tsv", 3)
    assert {r[1] for r in rows} == EVENT_TYPES
    assert {r[2] for r in rows} <= {"noun", "verb", "phrase", "mixed"}
    forms = {(r[0], r[1]) for r in rows}
    for phrase, etype in [
        ("وقف إطلاق النار", "AGREEMENT"),
        ("عبوة ناسفة", "EXPLOSION"),
        ("سيارة مفخخة", "EXPLOSION"),
        ("غارات", "AIRSTRIKE"),
        ("نزوح", "DISPLACEMENT"),
    ]:
        assert (phrase, etype) in forms
    ambiguous = {r[0] for r in rows if len(r) > 3 and "ambiguous" in r[3]}
    assert {"تقدم", "دخلت", "سقوط", "ضربة"} <= ambiguous
    for etype in EVENT_TYPES:
        assert sum(1 for r in rows if r[1] == etype) >= 15, etype


def test_place_heads() -> None:
    rows = load_table(lexicon_dir() / "place_heads.tsv", 3)
    table = {r[0]: (r[1], r[2]) for r in rows}
    assert all(label in {"GPE", "LOC", "FAC"} and inside in {"yes", "no"} for label, inside in table.values())
    assert table["مدينة"] == ("GPE", "no") and table["حي"] == ("LOC", "no")
    assert table["مخيم"] == ("LOC", "yes") and table["سجن"] == ("FAC", "yes")


def test_number_words() -> None:
    rows = load_table(lexicon_dir() / "number_words.tsv", 2)
    values = {r[0]: r[1] for r in rows}
    assert values["ثلاثة"] == "3" and values["عشرين"] == "20" and values["مئة"] == "100"
    assert values["عشرات"] == "vague" and values["خمسة عشر"] == "15"
    assert all(v == "vague" or v.isdigit() or v.startswith("ord:") for v in values.values())


def test_dates() -> None:
    rows = load_table(lexicon_dir() / "dates.tsv", 3)
    kinds = {r[0]: (r[1], r[2]) for r in rows}
    assert kinds["الثلاثاء"] == ("weekday", "2") and kinds["آذار"] == ("month", "3")
    assert kinds["مارس"] == ("month", "3") and kinds["أمس"] == ("relative", "-1")
    assert sum(1 for k, _ in kinds.values() if k == "weekday") >= 7


def test_first_names_and_titles() -> None:
    names = load_table(lexicon_dir() / "first_names.tsv", 2)
    assert len(names) >= 400 and {r[1] for r in names} == {"m", "f"}
    titles = load_table(lexicon_dir() / "person_titles.tsv", 2)
    assert {r[1] for r in titles} <= {"office", "rank", "honorific", "role", "kunya"}


def test_malformed_row_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("# source: test\n# licence: CC0\nإدلب\tGPE\t\nحلب\tCITY\t\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad\.tsv:4: unknown label"):
        load_gazetteer(bad)
    bad.write_text("إدلب\tGPE\t\nحلب\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad\.tsv:2:"):
        load_gazetteer(bad)


def test_loader_reads_variants(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text("قوات سوريا الديمقراطية\tORG\tقسد| قوات سورية الديمقراطية \n", encoding="utf-8")
    (entry,) = load_gazetteer(path)
    assert entry.variants == ("قسد", "قوات سورية الديمقراطية") and entry.source == "g"
    assert isinstance(entry, type(all_gazetteers()[0]))
    with pytest.raises(KnowledgeError):
        all_gazetteers(tmp_path / "missing")


def test_match_key() -> None:
    assert match_key("إدلب") == match_key("ادلب")
    assert match_key("الرقّة") == match_key("الرقه")
    assert match_key("مستشفى") == match_key("مستشفي")


def test_build_name_filters() -> None:
    from hakam.suggest.knowledge.build import _candidate, _too_short, clean, is_arabic_name

    assert _candidate("مدينة حلب") == "حلب"
    assert _candidate("والرقة") is None and _candidate("بالموصل") is None
    assert _candidate("حي الشجاعية") is None and _candidate("مخيم الهول") is None
    assert _candidate("Aleppo") is None and not is_arabic_name("کرمانشاه")  # Persian kaf
    assert clean("الرقّة") == "الرقة"
    assert _too_short("سحب", 800) and not _too_short("يزد", 500_000)


def test_build_country_names() -> None:
    pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    from hakam.suggest.knowledge.build import country_names

    names = country_names()
    assert names["SY"][0] == "سوريا" and "سورية" in names["SY"]
    assert "الولايات المتحدة" in names["US"]
    assert all(not n.split()[0] in {"مقاطعة", "ولاية"} for forms in names.values() for n in forms)
