"""Cold-start person, organisation and place rules for general news (names no list holds)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وسجل التشيلي أليكسيس سانشيز هدف الفوز", "أليكسيس سانشيز"),  # after a nationality noun
        ("وقال كلاوس بيكارد رئيس الرابطة إن الأسعار سترتفع", "كلاوس بيكارد"),  # name-like words
        ("وقال بلير لمحطة تلفزيون إن القرار صائب", "بلير"),  # a listed surname after a verb of saying
        ("وسيتوجه شافيز بعد ذلك إلى روسيا", "شافيز"),  # a listed surname that looks like a name
        ("والتقى الوزير بوش وبلير في لندن", "بلير"),  # listed after a person
        ("وصل الملك عبدالله الثاني إلى الكويت", "عبدالله الثاني"),  # عبد joined, a regnal number
    ],
)
def test_persons_without_a_title(suggest, text, name):
    found, _, _ = suggest(text)
    assert ("PERS", name) in found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("وحصل ذلك علي الرغم من الاعتراضات", "علي"),  # على written علي
        ("وأكد العراقيون قادرون على الرد", "قادرون"),  # no name after a nationality noun
        ("أطاح بنظيره الفرنسي بفارق 17 نقطة", "بفارق"),
    ],
)
def test_common_words_are_no_persons(suggest, text, word):
    found, _, _ = suggest(text)
    assert not any(label == "PERS" and word in surface for label, surface in found)


def test_a_given_name_is_no_proclitic_and_a_place(suggest):
    found, _, _ = suggest("وعادت فاطمة إلى بيتها في المدينة")
    assert not any(label in ("GPE", "LOC") for label, _ in found)


def test_a_common_noun_place_needs_a_place_head(suggest):
    found, _, _ = suggest("وجاء ذلك في إطار التعاون بين البلدين")
    assert not any(surface == "إطار" for _, surface in found)


def test_a_world_region(suggest):
    found, _, _ = suggest("ضربت العاصفة ولاية فلوريدا وأجزاء من كاليفورنيا")
    assert ("GPE", "فلوريدا") in found and ("GPE", "كاليفورنيا") in found


def test_a_head_and_a_name_like_word_is_an_organisation(suggest):
    found, _, _ = suggest("تخرج من جامعة برينستون في الولايات المتحدة")
    assert ("ORG", "جامعة برينستون") in found


def test_a_head_of_both_kinds_and_a_common_word_is_no_place(suggest):
    found, _, _ = suggest("وشنت مديرية أمن المحافظة حملة اعتقالات")
    assert not any(label in ("GPE", "LOC") for label, _ in found)


def test_a_quoted_name_after_a_head_is_an_organisation(suggest):
    found, _, _ = suggest("وذكرت شركة «فالكوريت للتقنيات» أن مبيعاتها تراجعت")  # a name no list holds
    assert ("ORG", "فالكوريت للتقنيات") in found
