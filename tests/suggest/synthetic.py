"""Small synthetic reviewed articles with invented person names that no list holds."""

from __future__ import annotations

import random

from hakam.core.model import Document, Event, Span

GIVEN = ["زوربان", "كيتالو", "مارديس", "فوليان", "تيرشان", "بالوكا", "سيمراد", "نوفاليد", "كاروتي", "ديمارو"]
FAMILY = ["غوستيني", "براندولي", "كامبيرا", "ليفانتو", "موريتي", "سانتوني", "فيراكو", "بيلوزا", "ترانكي", "دوناتيو"]
TEMPLATES = [
    "التقى {name} بالوفد في دمشق، وبحث معه الأوضاع الإنسانية.",
    "وصرح {name} للصحفيين بأن المفاوضات مستمرة.",
    "وأعلن {name} في مؤتمر صحفي أن الهدنة صامدة.",
    "ودعا {name} إلى فتح الممرات الإنسانية في حلب.",
]


def article(rng: random.Random, index: int, names: list[str]) -> Document:
    """A reviewed article: three sentences, each naming a person, and one airstrike."""
    parts: list[str] = []
    spans: list[Span] = []
    for template in rng.sample(TEMPLATES, 3):
        name = rng.choice(names)
        prefix, _, suffix = template.partition("{name}")
        start = sum(len(p) for p in parts) + len(prefix)
        parts.append(prefix + name + suffix + " ")
        spans.append(Span(start, start + len(name), "PERS"))
    text = "".join(parts)
    trigger_text = "وشنت طائرات غارات على ريف إدلب."
    start = len(text) + trigger_text.index("غارات")
    text += trigger_text
    trigger = Span(start, start + len("غارات"), "AIRSTRIKE")
    for place in ("دمشق", "حلب", "إدلب"):
        at = text.find(place)
        if at >= 0:
            spans.append(Span(at, at + len(place), "GPE"))
    return Document(text, f"syn-{index}", {"date": "2025-01-15"}, spans, [Event("AIRSTRIKE", trigger, (), {})])


def corpus(count: int, seed: int, half: str) -> list[Document]:
    """``half``: 'a' or 'b' — disjoint invented names for training and testing."""
    rng = random.Random(seed)
    pick = slice(0, 5) if half == "a" else slice(5, 10)
    names = [f"{g} {f}" for g in GIVEN[pick] for f in FAMILY[pick]]
    return [article(rng, i, names) for i in range(count)]


# Named things after a generic head noun. The reviewers of these articles leave the head
# out (تنظيم [داعش], مخيم [زمزم], وكالة [رويترز]); the shipped rules keep it in.
HEADED_TRAIN = [("تنظيم", "داعش", "ORG"), ("تنظيم", "القاعدة", "ORG"), ("حركة", "حماس", "ORG"),
                ("حركة", "الشباب", "ORG"), ("وكالة", "رويترز", "ORG"), ("وكالة", "فرانس برس", "ORG"),
                ("وكالة", "سانا", "ORG"), ("مخيم", "زمزم", "LOC"), ("مخيم", "اليرموك", "LOC"),
                ("مخيم", "الهول", "LOC"), ("مخيم", "الركبان", "LOC"), ("حركة", "الجهاد الإسلامي", "ORG"),
                ("تنظيم", "أنصار الشريعة", "ORG"), ("مخيم", "برج البراجنة", "LOC"), ("مخيم", "عين الحلوة", "LOC")]  # fmt: skip
HEADED_TEST = [("تنظيم", "حراس الدين", "ORG"), ("حركة", "فتح", "ORG"), ("وكالة", "أسوشيتد برس", "ORG"),
               ("وكالة", "شينخوا", "ORG"), ("مخيم", "نهر البارد", "LOC"), ("مخيم", "النصيرات", "LOC"),
               ("مخيم", "جباليا", "LOC"), ("تنظيم", "بوكو حرام", "ORG")]  # fmt: skip
HEADED_TEMPLATES = [
    "وقال مصدر محلي إن {x} أعلن اليوم موقفه من الأحداث.",
    "ونقلت وسائل إعلام عن {x} أن الوضع ما زال متوترا.",
    "وشهد محيط {x} اشتباكات متقطعة خلال الليل.",
    "وأفاد شهود بأن {x} لم يصدر أي تعليق حتى الآن.",
    "وتحدث تقرير جديد عن {x} وعن الأوضاع الإنسانية هناك.",
]


def headed_article(rng: random.Random, index: int, names: list[tuple[str, str, str]]) -> Document:
    """An article of four sentences, each naming a headed thing; gold spans leave the head out."""
    text, spans = "", []
    for template in rng.sample(HEADED_TEMPLATES, 4):
        head, name, label = rng.choice(names)
        prefix, _, suffix = template.partition("{x}")
        start = len(text) + len(prefix) + len(head) + 1
        text += prefix + f"{head} {name}" + suffix + " "
        spans.append(Span(start, start + len(name), label))
    return Document(text.strip(), f"headed-{index}", {"date": "2025-01-15"}, spans, [])


def headed_corpus(count: int, seed: int, names: list[tuple[str, str, str]]) -> list[Document]:
    rng = random.Random(seed)
    return [headed_article(rng, i, names) for i in range(count)]
