"""Event triggers from the lexicon (clitic-aware), with context rules.

A lexicon phrase picks the type (قصف جوي → AIRSTRIKE) but the trigger span is
the one word of it that is a trigger on its own (قصف), as the guidelines tag
it; a phrase without such a word is tagged whole (وقف إطلاق النار, عبوة ناسفة).
Words marked ``ambiguous`` need the context rule in ``_CONTEXT``; those
without a rule are never suggested.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hakam.core.arabic import match_key, match_keys, stems
from hakam.suggest.cands import TRIGGER, TRIGGER_CONTEXT
from hakam.suggest.kb import KB, Trigger
from hakam.suggest.numbers import read_number
from hakam.suggest.words import Text

_AIR = match_keys(
    {"جوي", "جويه", "الجوي", "الجويه", "جويا", "طائرات", "الطائرات", "طائره", "الطيران", "طيران", "مقاتلات",
     "المقاتلات", "حربيه", "الحربيه", "مسيره", "مسيرات", "المسيرات", "مروحيات", "المروحيات", "مروحيه", "التحالف"}
)  # fmt: skip
_MILITARY = match_keys(
    {"قوات", "القوات", "الجيش", "جيش", "فصائل", "الفصائل", "مقاتلي", "مقاتلو", "وحدات", "عناصر", "مسلحو",
     "مسلحي", "ميليشيا", "ميليشيات", "رتل", "دبابات", "قوه", "القوه", "مقاتلين", "المسلحين", "مسلحون",
     "مسلحين", "الجنود", "جنود", "الحراس"}
)  # fmt: skip
_AT = match_keys({"على", "باتجاه", "نحو", "صوب", "سقط", "سقطت", "اطلق", "اطلقت", "اطلقوا", "اطلاق", "اصاب", "اصابت"})
_ADVANCE = match_keys({"باتجاه", "نحو", "الى", "داخل", "محور", "محاور", "صوب", "اطراف", "في", "حتى", "مشارف"})
_CIVILIANS = match_keys(
    {"مدنيين", "المدنيين", "سكان", "السكان", "عائلات", "العائلات", "الاهالي", "الالاف", "الاف", "مئات", "عشرات",
     "المدنيون", "نازحين", "اسر", "الاسر"}
)  # fmt: skip
_EXPLOSIVE_OBJECT = match_keys(
    {"عبوه", "سياره", "مبنى", "جسر", "نفسه", "نفسها", "حزاما", "لغما", "عبوات", "منازل", "منزل", "منزلا", "المبنى",
     "جسرا"}
)  # fmt: skip
_ARMED = match_keys({"مسلحه", "عنيفه", "مسلحين", "المسلحه", "المسلحين", "الجماعات", "عسكريه"})
_MARCH = match_keys(
    {"احتجاجيه", "شعبيه", "حاشده", "سلميه", "مندده", "للتنديد", "تنديدا", "خرجت", "نظمت", "انطلقت", "جابت", "شارك",
     "المشاركون", "رفع", "رفعوا", "هتف"}
)  # fmt: skip
_WEAPON_TYPES = frozenset({"AIRSTRIKE", "SHELLING", "EXPLOSION"})
_CLAUSE_TYPES = _WEAPON_TYPES | {"ATTACK"}
_CLAUSE_BREAKS = frozenset({"،", ",", "«", "»", ":", "؛", "(", ")"})
_TARGETED = ("استهدف", "يستهدف", "تستهدف")
_WOUNDS = match_keys({"جروح", "جراح"})
_STATIC = match_keys({"مناطق", "الخاضعه", "خاضعه", "الخاضعين", "تحت", "نفوذ", "منطقه"})
_SHELL_WORDS = match_keys({"قصف", "القصف", "قصفت", "قصفا"})
_DRONE = match_keys({"طائره", "طائرات", "مسيره", "مسيرات", "الطائرات", "جوي", "جويه", "مقاتلات", "مروحيات"})
_ARTILLERY = match_keys({"صاروخي", "صاروخيه", "صواريخ", "مدفعي", "مدفعيه", "المدفعيه", "القذائف", "قذائف", "الصواريخ"})
# Nouns for people are not triggers (guidelines): النازحين, المهجرين.
_PEOPLE = match_keys(
    {"نازح", "نازحين", "النازحين", "نازحون", "النازحون", "نازحه", "نازحا", "للنازحين", "لنازحين", "مهجرين",
     "المهجرين", "مهجرون", "المهجرون", "للمهجرين"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Found:
    first: int  # word indices of the trigger span, last exclusive
    last: int
    prefix: int  # proclitic length on the first word
    type: str
    score: float
    pos: str


def _near(words: list[str], i: int, before: int, after: int, table: frozenset[str]) -> bool:
    lo, hi = max(0, i - before), min(len(words), i + after + 1)
    return any(k in table for w in words[lo:i] + words[i + 1 : hi] for _, k in stems(w))


def _accept(words: list[str], i: int, key: str, text: Text, kb: KB) -> bool:
    rule = _CONTEXT.get(key)
    return bool(rule and rule(words, i, text, kb))


def _number_before(words: list[str], i: int, text: Text, kb: KB) -> bool:
    return any(read_number(text.words, j, kb) for j in range(max(0, i - 2), i))


def _place_after(words: list[str], i: int, text: Text, kb: KB) -> bool:
    return any(
        w in kb.gazetteer or w in ("مدينه", "بلده", "قريه", "بلدات", "مناطق", "منطقه") for w in words[i + 1 : i + 4]
    )


_RULES: dict[str, Callable[[list[str], int, Text, KB], bool]] = {
    **dict.fromkeys(("ضربه", "ضربات", "الضربه", "الضربات", "ضربتين"), lambda w, i, t, kb: _near(w, i, 40, 4, _AIR | match_keys({"غارة", "غارات", "الغارات"}))),
    **dict.fromkeys(("صاروخ", "صواريخ", "الصواريخ", "الصاروخ", "صاروخين", "صاروخا"), lambda w, i, t, kb: _near(w, i, 2, 4, _AT)),
    **dict.fromkeys(("مواجهه", "المواجهه", "مواجهتين"), lambda w, i, t, kb: _near(w, i, 0, 3, _ARMED)),
    **dict.fromkeys(("اقتحام", "الاقتحام", "اقتحامات", "اقتحم", "اقتحمت", "اقتحموا", "يقتحم", "تقتحم", "يقتحمون"),
                    lambda w, i, t, kb: True),
    "قصفا عشوائيا": lambda w, i, t, kb: True,
    **dict.fromkeys(("فجر", "فجرت"), lambda w, i, t, kb: _near(w, i, 0, 2, _EXPLOSIVE_OBJECT | _MILITARY)),
    **dict.fromkeys(("شهيد", "شهداء", "الشهداء", "شهيدا", "شهيدين", "شهيدان", "ضحايا", "الضحايا"), _number_before),
    **dict.fromkeys(("وفاه", "توفي", "توفيت"), lambda w, i, t, kb: _near(w, i, 0, 3, match_keys({"متاثرا", "متاثره", "متاثرين"}))),
    **dict.fromkeys(("ارتقى", "ارتقت", "ارتقاء"), lambda w, i, t, kb: _near(w, i, 0, 4, match_keys({"شهيدا", "شهداء", "شهيد", "شهيدين"}))),
    **dict.fromkeys(("اوقف", "اوقفت"), lambda w, i, t, kb: _near(w, i, 0, 3, match_keys({"مشتبها", "مشتبه", "مطلوبا", "مطلوبين", "شخصا", "اشخاص", "عناصر"}))),
    **dict.fromkeys(("اسرت", "اسروا"), lambda w, i, t, kb: True),
    "القبض": lambda w, i, t, kb: i + 1 < len(w) and w[i + 1] == "علي",  # القبض على
    **dict.fromkeys(("مسيره", "المسيره"), lambda w, i, t, kb: _near(w, i, 2, 4, _MARCH)),
    **dict.fromkeys(("مسيرات", "المسيرات"), lambda w, i, t, kb: _near(w, i, 2, 4, _MARCH) and not _near(w, i, 2, 0, _AIR)),
    **dict.fromkeys(("تقدم", "تقدمت", "تقدموا", "يتقدم", "تتقدم", "التقدم"),
                    lambda w, i, t, kb: _near(w, i, 0, 3, _ADVANCE) and _near(w, i, 6, 6, _MILITARY)),
    **dict.fromkeys(("دخلت", "دخل", "دخلوا"), lambda w, i, t, kb: _near(w, i, 0, 2, _MILITARY) and _place_after(w, i + 1, t, kb)),
    **dict.fromkeys(("احتل", "احتلت", "احتلوا"), lambda w, i, t, kb: True),
    **dict.fromkeys(("تحرير", "حرر", "حررت", "سقوط", "سقطت", "سقط"), _place_after),
    **dict.fromkeys(("حاصر", "حاصرت"), _place_after),
    **dict.fromkeys(("انتزاع", "انتزعت"), lambda w, i, t, kb: _near(w, i, 0, 3, match_keys({"السيطره"})) or _place_after(w, i, t, kb)),
    **dict.fromkeys(("فر", "هرب", "هربت", "هربوا", "يهربون"), lambda w, i, t, kb: _near(w, i, 0, 3, _CIVILIANS)),
    **dict.fromkeys(("اخلاء", "الاخلاء"), lambda w, i, t, kb: _near(w, i, 0, 2, _CIVILIANS | match_keys({"منازل", "منازلهم", "بلدات", "قرى", "مخيم"}))),
}  # fmt: skip
_CONTEXT = {match_key(form): rule for form, rule in _RULES.items()}


def _standalone(kb: KB, word: str) -> bool:
    return any(len(t.words) == 1 and not t.ambiguous for t in kb.triggers.get(word, ()))


def _phrase_at(forms: list[str], i: int, kb: KB) -> tuple[int, Trigger] | None:
    """(proclitic length, trigger phrase) starting at word ``i``; the longest phrase wins.
    A one-word noun or verb also matches with an accusative or plural ending the
    lexicon does not list (اعتصاما، انسحابا، ينسحبوا، القتيلين)."""
    best: tuple[int, Trigger] | None = None
    readings = stems(forms[i])
    for prefix, key in readings:
        for trigger in kb.triggers.get(key, ()):
            n = len(trigger.words)
            if tuple(forms[i + 1 : i + n]) == trigger.words[1:] and (best is None or n > len(best[1].words)):
                best = (prefix, trigger)
    if best is None and not any(key in kb.triggers for _, key in readings):
        for prefix, key in readings:
            if key in kb.inflected_triggers:
                return prefix, kb.inflected_triggers[key]
    return best


def find_triggers(text: Text, kb: KB, blocked: set[int]) -> list[Found]:
    """Triggers outside ``blocked`` words (inside names and dates)."""
    forms = [w.form for w in text.words]
    found: list[Found] = []
    i = 0
    while i < len(forms):
        hit = None if i in blocked or forms[i] in _PEOPLE else _phrase_at(forms, i, kb)
        if hit is None:
            i += 1
            continue
        prefix, trigger = hit
        n = len(trigger.words)
        if any(k in blocked for k in range(i, i + n)):
            i += 1
            continue
        head = next((k for k, w in enumerate(trigger.words) if _standalone(kb, w)), None) if n > 1 else 0
        score = TRIGGER
        if trigger.ambiguous:
            if not _accept(forms, i, " ".join(trigger.words), text, kb):
                i += 1
                continue
            score = TRIGGER_CONTEXT
        kind = _retype(forms, i + (head or 0), trigger)
        if head is None:
            found.append(Found(i, i + n, prefix, kind, score, trigger.pos))
        else:
            found.append(Found(i + head, i + head + 1, prefix if head == 0 else 0, kind, score, trigger.pos))
        i += n
    return _prune(found, forms, text)


def _retype(forms: list[str], i: int, trigger: Trigger) -> str:
    """The weapon decides: قصف جوي, هجوم بطائرات مسيرة → AIRSTRIKE; هجوم صاروخي → SHELLING."""
    if (
        trigger.type == "SHELLING"
        and trigger.words == (forms[i],)
        and forms[i] in _SHELL_WORDS
        and _near(forms, i, 0, 3, _AIR)
    ):
        return "AIRSTRIKE"
    if trigger.type == "ATTACK" and trigger.pos in ("noun", "phrase"):
        if _near(forms, i, 0, 2, _DRONE):
            return "AIRSTRIKE"
        if _near(forms, i, 0, 2, _ARTILLERY):
            return "SHELLING"
    return trigger.type


def _prune(found: list[Found], forms: list[str], text: Text) -> list[Found]:
    """Drop استهدف when a more specific trigger names the event in its clause, جروح after
    an injury trigger (أصيب … بجروح), and static control (مناطق سيطرة، تحت السيطرة)."""
    kept: list[Found] = []
    for f in found:
        readings = [k for _, k in stems(forms[f.first])]
        before = [k for _, k in stems(forms[f.first - 1])] if f.first else []
        targeted = f.type == "ATTACK" and any(k.startswith(_TARGETED) for k in readings)
        wound = f.type == "INJURY" and any(k in _WOUNDS for k in readings)
        control = f.type == "TERRITORY" and any(k.endswith("سيطره") for k in readings)
        if (
            (targeted and _clause_has_trigger(found, f, forms, text))
            or (wound and any(o.type == "INJURY" and 0 < f.first - o.first <= 4 for o in kept))
            or (control and any(k in _STATIC for k in before))
        ):
            continue
        kept.append(f)
    return kept


def _clause_has_trigger(found: list[Found], f: Found, forms: list[str], text: Text) -> bool:
    """Another attack-type trigger earlier in the clause of ``f`` or a weapon right after it."""
    sentence = text.words[f.first].sentence
    for o in found:
        if o is f or text.words[o.first].sentence != sentence or o.type not in _CLAUSE_TYPES:
            continue
        if (
            o.first < f.first
            and f.first - o.last <= 10
            and not any(w in _CLAUSE_BREAKS for w in forms[o.last : f.first])
        ):
            return True
        if o.type in _WEAPON_TYPES and 0 <= o.first - f.last <= 3:
            return True
    return False
