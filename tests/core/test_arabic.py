"""The one place for Arabic basics: normaliser, proclitic rule, sentence ends."""

from __future__ import annotations

import unicodedata

from hakam.core.arabic import (
    match_key,
    normalize,
    proclitic_length,
    sentence_ranges,
    stems,
    strip_marks,
)
from hakam.core.tokenize import word_tokens


def test_decomposed_hamza_and_marks_normalise_like_written_letters() -> None:
    written = "أحمد"
    decomposed = unicodedata.normalize("NFD", written)
    assert decomposed != written
    assert match_key(decomposed) == match_key(written) == "احمد"
    assert match_key("الرقّة  ومستشفى") == "الرقه ومستشفي"


def test_offsets_map_back_over_removed_marks() -> None:
    text = "في الرَّقّة اليوم"
    norm = normalize(text)
    start = norm.text.index("الرقه")
    assert norm.original_span(start, start + 5) == (text.index("ال"), text.index(" اليوم"))
    assert strip_marks("الرَّقّـة") == "الرقة"


def test_proclitics_are_cut_and_the_article_kept() -> None:
    known = {"دمشق"}.__contains__
    assert proclitic_length("وبالباغوز") == 2  # وب + الباغوز
    assert proclitic_length("للجيش") == 1  # ل + لجيش: ل + ال written لل
    assert proclitic_length("لدمشق", known) == 1
    assert proclitic_length("لدمشق") == 0  # a bare prefix needs a known stem
    assert proclitic_length("وزارة", known) == 0
    assert proclitic_length("وكالات") == 0  # not و + ك + الات
    assert (1, "الجيش") in stems("للجيش")


def test_sentences_end_at_marks_and_line_breaks() -> None:
    text = "قال إنه وصل. ثم غادر؟ نعم… هنا \nسطر جديد"
    tokens = word_tokens(text)
    words = [[t.text_in(text) for t in tokens[a:b]] for a, b in sentence_ranges(text, tokens)]
    assert words == [["قال", "إنه", "وصل", "."], ["ثم", "غادر", "؟"], ["نعم", "…"], ["هنا"], ["سطر", "جديد"]]
