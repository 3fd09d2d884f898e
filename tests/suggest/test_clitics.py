"""Proclitics stay outside spans, normalised matching maps back to exact original offsets."""

from __future__ import annotations

import pytest

from hakam.core.model import Document


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل مسلحون وبالباغوز أمس", ("GPE", "الباغوز")),
        ("وصل الوفد لدمشق صباحا", ("GPE", "دمشق")),
        ("انسحبت القوات من حلب والرقة أمس", ("GPE", "الرقة")),
        ("وقال للأمم المتحدة إن الوضع سيئ", ("ORG", "لأمم المتحدة")),
        ("ودخلت قوات سوريا الديمقراطية فبالرقة", ("ORG", "قوات سوريا الديمقراطية")),
    ],
)
def test_clitic_is_outside_the_span(suggest, text, expected):
    spans, _, _ = suggest(text)
    assert expected in spans


def test_name_inside_a_longer_word_is_not_matched(suggest):
    spans, _, _ = suggest("زار الوفد مدمشقية")  # not a name followed by a word end
    assert ("GPE", "دمشق") not in spans


@pytest.mark.parametrize(
    "written",
    ["إدلب", "ادلب", "إِدْلِب", "إدلـــب", "إدْلـِب"],
)
def test_normalisation_variants_map_to_original_offsets(rules, written):
    text = f"قصفت الطائرات مدينة {written} أمس"
    spans, _ = rules.suggest(Document(text))
    gpe = [s for s in spans if s.label == "GPE"]
    assert [text[s.start : s.end] for s in gpe] == [written]


def test_ta_marbuta_and_alef_maqsura_variants(suggest):
    spans, _, _ = suggest("اشتباكات في حماه وحماة")
    assert spans.count(("GPE", "حماه")) == 1 and ("GPE", "حماة") in spans


def test_trailing_diacritic_stays_with_its_letter(rules):
    text = "غارة على حلبُ أمس"
    spans, _ = rules.suggest(Document(text))
    assert any(text[s.start : s.end] == "حلبُ" for s in spans)


def test_spelling_must_fit_a_listed_name(suggest):
    # على (preposition) normalises like the name علي; أفاد (reported) like آفاد (an agency).
    spans, _, _ = suggest("سيطرت القوات على الطريق، وفق ما أفاد مصدر")
    assert not any(label == "PERS" for label, _ in spans)
    assert not any(label == "ORG" and surface == "أفاد" for label, surface in spans)


def test_descriptor_head_stays_outside_a_listed_name(suggest):
    spans, _, _ = suggest("نزح آلاف السكان نحو منطقة المواصي غرب خان يونس")
    assert ("LOC", "المواصي") in spans and not any(s.startswith("منطقة") for _, s in spans)
