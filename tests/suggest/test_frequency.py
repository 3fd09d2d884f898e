"""Frequency features: common words inflect and take the article, names do not."""

from hakam.core.arabic import normalize_word
from hakam.suggest import frequency


def _values(form: str) -> dict[str, int]:
    return {k: int(v) for k, v in (f.split("=") for f in frequency.features(normalize_word(form)))}


def test_common_nouns_are_frequent_with_the_article_names_are_not():
    for noun in ("مدينة", "كتاب"):
        values, name = _values(noun), _values("ساركوزي")
        assert values["zal"] >= 4 and values["zinf"] >= 1
        assert name["zal"] == 0 and name["zinf"] == 0 and name["zdef"] < values["zdef"]


def test_forms_with_the_article_are_compared_with_the_bare_word():
    values = _values("المدينة")
    assert set(values) == {"zf", "zbare", "zdef"}
    assert values["zf"] >= 5 and values["zbare"] >= 4


def test_lookups_are_on_normalised_forms():
    assert frequency.zipf(normalize_word("أحمد")) == frequency.zipf(normalize_word("احمد")) > 0
    assert frequency.zipf("qqqzzz") == 0
    assert frequency.features("و") == []
