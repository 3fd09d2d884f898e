"""brat (discontinuous spans, events with event arguments, attributes, notes, conf) and WebAnno TSV3."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.io.interop_helpers import TEXT, event_texts, export_record, new_store, read_all, sample_document, span_texts

from hakam.core.schema import load_schema
from hakam.io.errors import InputError
from hakam.io.formats import WriteOptions, detect
from hakam.io.formats.brat_out import WRITER as BRAT_OUT
from hakam.io.importer import import_file

BRAT_TEXT = "Google and YouTube merged.\r\nReddit reported it, and Bing\nreported it."
ANN = """T1\tOrganization 0 6\tGoogle
T2\tOrganization 11 18\tYouTube
T3\tMerge-org 19 25\tmerged
E1\tMerge-org:T3 Org-Arg:T1 Org-Arg2:T2
T4\tOrganization 27 33\tReddit
T5\tReport 34 42\treported
E2\tReport:T5 Reporter-Arg:T4 Event-Arg:E1
E3\tReport:T5 Reporter-Arg:T4
T6\tOrganization 51 55;56 64\tBing reported
A1\tConfidence E1 Low
A2\tIndividual T4
#1\tAnnotatorNotes T1\tcheck this
R1\tSame Arg1:T1 Arg2:T6\t
*\tEquiv T1 T4
N1\tReference T1 Wikipedia:1\tGoogle
"""
CONF = "[entities]\nOrganization\n[events]\nMerge-org\tOrg-Arg+:Organization\nReport\tReporter-Arg:<ENTITY>, Event-Arg:<EVENT>\n"


def brat_folder(tmp_path: Path, ann: str = ANN, conf: bool = True) -> Path:
    folder = tmp_path / "brat"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "news.txt").write_bytes(BRAT_TEXT.encode("utf-8"))
    (folder / "sub" / "news.ann").write_text(ann, encoding="utf-8")
    if conf:
        (folder / "annotation.conf").write_text(CONF, encoding="utf-8")
    return folder


def test_brat_reads_every_line_kind(tmp_path: Path) -> None:
    folder = brat_folder(tmp_path)
    assert detect(folder).name == "brat"
    record = read_all("brat", folder)[0]
    text = record.doc.text
    assert "\r" not in text and record.doc.id == "sub/news"
    assert span_texts(text, record.doc.spans) == [("Organization", "Bing"), ("Organization", "Google"),
        ("Organization", "Reddit"), ("Organization", "YouTube"), ("Organization", "reported")]  # fmt: skip
    assert event_texts(text, record.doc.events) == [
        ("Merge-org", "merged", (("Org-Arg", "Google"), ("Org-Arg", "YouTube"))),  # Org-Arg2 -> Org-Arg (conf)
        ("Report", "reported", (("Event-Arg", "merged"), ("Reporter-Arg", "Reddit"))),
        ("Report", "reported", (("Reporter-Arg", "Reddit"),)),
    ]  # two events on one trigger
    merge = next(e for e in record.doc.events if e.type == "Merge-org")
    assert merge.attributes == {"Confidence": "Low"}
    meta = record.doc.meta["brat"]
    assert meta["fragments"] == [[[51, 55], [56, 64], "Organization"]]
    assert meta["event_arguments"] == [[19, 25]]
    assert meta["attributes"] == [["Individual", True, 27, 33, "Organization"]]
    assert meta["notes"] == [["AnnotatorNotes", "check this", "span", 0, 6, "Organization"]]
    assert meta["relations"] == [["Same", ["Arg1", 0, 6, "Organization"], ["Arg2", 51, 55, "Organization"]]]
    assert meta["equivs"] == [["Equiv", [0, 6, "Organization"], [27, 33, "Organization"]]]
    assert meta["other_lines"] == ["N1\tReference T1 Wikipedia:1\tGoogle"]


@pytest.mark.parametrize("line, message", [
    ("T9\tOrganization 0 6\tGoogel", "says 'Googel' but the text there is 'Google'"),
    ("T9\ttest label 0 3 6\tgle", "expected 'Type START END"),
    ("T9\tOrganization 60 99\tx", "outside the text"),
    ("E9\tReport:T77 Reporter-Arg:T4", "trigger T77"),
    ("A9\tbool flag 0 T4", "expected 'Name Target"),
])  # fmt: skip
def test_brat_bad_lines_name_file_and_line(new_db, tmp_path: Path, line: str, message: str) -> None:
    folder = brat_folder(tmp_path, ANN + line + "\n")
    store = new_store(new_db("db"))
    with pytest.raises(InputError, match=f"news.ann:(16|None)?.*{message}" if "T77" not in line else message):
        import_file(store, folder, add_labels=True, reviewed=True)
    assert store.stats.counts()["documents"] == 0


def test_skip_invalid_drops_only_the_unreadable_brat_lines(new_db, tmp_path: Path) -> None:
    folder = brat_folder(tmp_path, ANN + "A9\tbool flag 0 T4\nT9\ttest label 0 3 6\tgle\n")
    store = new_store(new_db("db"))
    summary = import_file(store, folder, add_labels=True, reviewed=True, skip_invalid=True)
    assert (summary.documents, summary.spans, summary.events) == (1, 5, 3)
    assert [line.split(": ")[0].rsplit("/", 1)[-1] for line in summary.skipped] == ["news.ann:16", "news.ann:17"]


def test_brat_import_into_store_keeps_events(new_db, tmp_path: Path) -> None:
    store = new_store(new_db("db"))
    summary = import_file(store, brat_folder(tmp_path), add_labels=True, reviewed=True)
    assert (summary.documents, summary.spans, summary.events) == (1, 5, 3)


def test_brat_export_round_trip(tmp_path: Path) -> None:
    """brat holds spans, events (roles, attributes) and the meta the reader kept."""
    out = tmp_path / "out"
    out.mkdir()
    BRAT_OUT.write([export_record()], out, WriteOptions(schema=load_schema()))
    ann = (out / "doc-1.ann").read_text(encoding="utf-8")
    assert "\tAIRSTRIKE:T" in ann and "\tfatalities E1 5" in ann
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert "[entities]\nDATE" in conf and "fatalities\tArg:<EVENT>, Value:5" in conf
    record = read_all("brat", out)[0]
    doc = sample_document()
    assert record.doc.text == TEXT
    assert span_texts(TEXT, record.doc.spans) == span_texts(TEXT, doc.spans)
    assert event_texts(TEXT, record.doc.events) == event_texts(TEXT, doc.events)
    assert record.doc.events[0].attributes == {"fatalities": "5"}  # brat values are strings

    again = tmp_path / "again"
    again.mkdir()
    source = read_all("brat", brat_folder(tmp_path))[0]
    BRAT_OUT.write([export_record(source.doc)], again, WriteOptions())
    back = read_all("brat", again)[0]
    assert span_texts(back.doc.text, back.doc.spans) == span_texts(source.doc.text, source.doc.spans)
    assert event_texts(back.doc.text, back.doc.events) == event_texts(source.doc.text, source.doc.events)
    assert back.doc.meta["brat"]["fragments"] == source.doc.meta["brat"]["fragments"]
    assert back.doc.meta["brat"]["relations"] == source.doc.meta["brat"]["relations"]


TSV = """#FORMAT=WebAnno TSV 3.3
#T_SP=webanno.custom.Span|value|certainty
#T_RL=webanno.custom.Relation|value|BT_webanno.custom.Span


#Text=في 😊 حلب وAleppo
1-1\t0-2\tفي\t_\t_\t_\t_\t
1-2\t3-5\t😊\t*\t_\t_\t_\t
1-3\t6-9\tحلب\tGPE[1]|CITY[2]\thigh[1]|*[2]\t_\t_\t
1-4\t10-17\tوAleppo\tGPE[1]|CITY[2]\thigh[1]|*[2]\tsame\t1-3\t
1-4.1\t11-17\tAleppo\tLOC\t*\t_\t_\t

#Text=ثم .
2-1\t18-20\tثم\t_\t_\t_\t_\t
2-2\t21-22\t.\t_\t_\t_\t_\t
"""


def test_tsv3_stacked_subtoken_and_emoji(tmp_path: Path) -> None:
    path = tmp_path / "doc.tsv"
    path.write_text(TSV, encoding="utf-8")
    assert detect(path).name == "tsv3"
    record = read_all("tsv3", path)[0]
    assert record.doc.text == "في 😊 حلب وAleppo\nثم ."
    assert span_texts(record.doc.text, record.doc.spans) == [
        ("CITY", "حلب وAleppo"), ("GPE", "حلب وAleppo"), ("LOC", "Aleppo"), ("Span", "😊")]  # fmt: skip
    meta = record.doc.meta["tsv3"]
    assert meta["attributes"] == [[5, 16, "GPE", "certainty", "high"]]
    assert meta["layers"]["webanno.custom.Relation|value"] == {"1-4": "same"}


def test_tsv3_token_offset_mismatch_is_reported(new_db, tmp_path: Path) -> None:
    path = tmp_path / "doc.tsv"
    path.write_text(TSV.replace("1-3\t6-9\t", "1-3\t5-8\t"), encoding="utf-8")
    store = new_store(new_db("db"))
    with pytest.raises(InputError, match="doc.tsv:9: token 1-3"):
        import_file(store, path, add_labels=True)
