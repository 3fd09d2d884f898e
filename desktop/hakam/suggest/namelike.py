"""How much a word looks like a name to the rules, from its letters and its use.

Arabic has no capitals. A word is name-like when its letters look like a name's
(``nameness``: transliterated and Arabic names against common words) and general
Arabic text does not use it like a common word: names seldom take the article
(بلير is frequent, البلير is not; رفض and الرفض both are). ``level`` gives 0
(not name-like), ``WEAK`` or ``STRONG``; the person rules ask for ``STRONG`` where
nothing else in the sentence says "person" and for ``WEAK`` next to a given name,
a title or a verb of saying. The tables load once per process, on first use.
"""

from __future__ import annotations

from functools import lru_cache

from hakam.suggest import frequency, nameness

WEAK = 2
STRONG = 3
_COMMON_IN_NAMES = 4
_COMMON = 5  # Zipf of the commonest words (في, قال …): never names on their own here


@lru_cache(maxsize=65536)
def level(form: str) -> int:
    """0, ``WEAK`` or ``STRONG`` for a normalised form without proclitics or article."""
    if len(form) < nameness.MIN_LETTERS or not form.isalpha():
        return 0
    bucket = nameness.shipped().bucket(form)
    if bucket < WEAK:
        return 0
    own = frequency.zipf(form)
    if own and (frequency.zipf("ال" + form) >= own or own > _COMMON):
        return 0  # used with the article as much as without, or among the commonest words
    return STRONG if bucket >= STRONG else WEAK


def common_noun(form: str) -> bool:
    """A frequent word that takes the article about as often as not (إطار, دوري):
    a place or organisation of that spelling needs more than في before it."""
    own = frequency.zipf(form)
    return own >= 4 and frequency.zipf("ال" + form) >= own - 1


def whole_word_reading(whole: str, stem: str) -> bool:
    """The word is more frequent whole than without its first letters (فاطمة, not
    ف + أطمة; بلاد, not ب + لاد): the letters are not a proclitic."""
    if whole.startswith("لل") and stem.startswith("ل"):
        stem = "ا" + stem  # للمغرب: ل + المغرب
    own = frequency.zipf(whole)
    return own >= 3 and own > frequency.zipf(stem)


def common_word(form: str) -> bool:
    """A frequent word without the article that does not look like a name (تجاوز,
    تناولت): it ends a name rather than continues it."""
    return frequency.zipf(form) >= _COMMON_IN_NAMES and level(form) == 0
