"""Nameness: letter patterns of names against common words."""

from hakam.core.arabic import normalize_word
from hakam.suggest import nameness
from hakam.suggest.kb import knowledge
from hakam.suggest.nameness import Nameness, grams


def test_grams_mark_the_word_edges():
    assert grams("قال") == ["^ق", "قا", "ال", "ل$", "^قا", "قال", "ال$", "^قال", "قال$"]


def test_a_scorer_learns_which_letters_mark_names():
    scorer = Nameness(names=["ساركوزي", "كوزيمو", "بروزي"], common=["كتاب", "كتابة", "مكتب"])
    assert scorer.score("موزي") > 0 > scorer.score("كتب")
    assert -nameness.BUCKETS <= scorer.bucket("موزي") <= nameness.BUCKETS


def test_the_shipped_scorer_ranks_unlisted_foreign_names_above_common_words():
    scorer = nameness.shipped()
    names = ["ماتيراتسي", "شفتشينكو", "ستويكيتا"]  # in no shipped list
    common = ["اجتماع", "الحكومة", "الاقتصادية", "المفاوضات"]
    assert min(scorer.score(normalize_word(w)) for w in names) > max(scorer.score(normalize_word(w)) for w in common)
    kb_words = knowledge().gazetteer.words | knowledge().first_names
    assert not kb_words.intersection(normalize_word(w) for w in names)
