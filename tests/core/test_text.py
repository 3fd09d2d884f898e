"""Offsets are code points of the untouched text; normalisation only for matching."""

from __future__ import annotations

from camel_tools.tokenizers.word import simple_word_tokenize
from hypothesis import given, settings
from hypothesis import strategies as st

from hakam.core.arabic import normalize, normalize_word
from hakam.core.tokenize import tokenize, word_tokens

ARABIC = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْ"
CHARS = list(ARABIC + "abcXYZ0123456789٠١٢٣ .,،؛:-()«»\n\t")
EMOJI = ["😀", "👍🏽", "🇸🇾", "❤️"]  # whole emoji as writers type them
texts = st.lists(st.sampled_from(CHARS + EMOJI), max_size=120).map("".join)


def texts_of(text: str, tokens) -> list[str]:
    return [t.text_in(text) for t in tokens]


@given(texts)
def test_word_tokens_are_camel_tools_tokens_with_offsets(text: str) -> None:
    assert texts_of(text, word_tokens(text)) == simple_word_tokenize(text)


@given(texts)
@settings(max_examples=300)
def test_tokens_are_monotone_exact_and_lose_no_text(text: str) -> None:
    tokens = tokenize(text, known={"دمشق", "حلب"})
    previous_end = 0
    for token in tokens:
        assert previous_end <= token.start < token.end <= len(text)
        previous_end = token.end
    # Only whitespace lies between tokens: nothing is lost.
    covered = "".join(t.text_in(text) for t in tokens)
    assert covered == "".join(text.split())


@given(texts)
def test_normalized_offsets_map_back_to_the_original(text: str) -> None:
    norm = normalize(text)
    for i, char in enumerate(norm.text):
        original = text[norm.original_offset(i)]
        assert normalize_word(original) == char


def test_proclitics_are_split_from_names() -> None:
    text = "وبالباغوز لدمشق والرقة للأمم فالموصل"
    assert texts_of(text, tokenize(text, known={"دمشق"})) == [
        "وب", "الباغوز", "ل", "دمشق", "و", "الرقة", "ل", "لأمم", "ف", "الموصل",
    ]  # fmt: skip


def test_words_starting_with_clitic_letters_stay_whole() -> None:
    text = "وزارة بغداد كركوك فلسطين لبنان وكالات والدة"
    assert texts_of(text, tokenize(text)) == text.split()


def test_extra_splits_cut_a_token() -> None:
    text = "لدمشق"
    assert texts_of(text, tokenize(text, splits=[1])) == ["ل", "دمشق"]


def test_normalisation_variants_fold_and_map_back() -> None:
    text = "أحمد إلى آل مدرسةٌ ـــالقاهرة"
    norm = normalize(text)
    assert norm.text == "احمد الي ال مدرسه القاهره"
    start = norm.text.index("مدرسه")
    assert norm.original_span(start, start + 5) == (12, 18)
    assert text[12:18] == "مدرسةٌ"


def test_mixed_arabic_latin_digits_line_keeps_logical_offsets() -> None:
    text = "قال Reuters إن 12 شخصا قتلوا في حلب 2024"
    tokens = texts_of(text, word_tokens(text))
    assert tokens == ["قال", "Reuters", "إن", "12", "شخصا", "قتلوا", "في", "حلب", "2024"]
    assert text[text.index("حلب") : text.index("حلب") + 3] == "حلب"
