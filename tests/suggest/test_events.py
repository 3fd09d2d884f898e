"""Event triggers, context rules, arguments and attributes on small hand-written sentences."""

from __future__ import annotations

import pytest


def _events(suggest, text, date="2025-07-09"):
    _, events, _ = suggest(text, date)
    return [(e.type, text[e.trigger.start : e.trigger.end]) for e in events], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("شنت طائرات حربية غارات على ريف إدلب", ("AIRSTRIKE", "غارات")),
        ("قتل خمسة مدنيين في قصف جوي على حلب", ("AIRSTRIKE", "قصف")),
        ("طال القصف المدفعي أطراف المدينة", ("SHELLING", "القصف")),
        ("ردا على هجمات بطائرات مسيرة شنتها الفصائل", ("AIRSTRIKE", "هجمات")),
        ("اندلعت اشتباكات عنيفة في محيط المدينة", ("CLASH", "اشتباكات")),
        ("ويسري في المنطقة اتفاق لوقف إطلاق النار", ("AGREEMENT", "وقف إطلاق النار")),
        ("انفجرت عبوة ناسفة بدورية للشرطة", ("EXPLOSION", "عبوة ناسفة")),
        ("نفذ أهالي البلدة اعتصاما أمام المبنى", ("PROTEST", "اعتصاما")),
        ("تقدمت القوات باتجاه البلدة بعد معارك", ("TERRITORY", "تقدمت")),
    ],
)
def test_triggers(suggest, text, expected):
    found, _ = _events(suggest, text)
    assert expected in found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("تقدم الوفد بطلب رسمي إلى الوزارة", "تقدم"),  # تقدم without military context
        ("تستضيف المخيمات آلاف النازحين", "النازحين"),  # nouns for people are not triggers
        ("قتل ثلاثة عندما استهدفت غارة سيارتهم", "استهدفت"),  # the airstrike says more
        ("تعيش المدينة تحت السيطرة الكاملة للقوات", "السيطرة"),  # static control
        ("تسلمت الوزارة الرسالة أمس", "تسلمت"),  # ambiguous, no rule accepts it
    ],
)
def test_context_rules_reject(suggest, text, absent):
    found, _ = _events(suggest, text)
    assert absent not in [surface for _, surface in found]


def test_every_listed_trigger_is_tagged(suggest):
    found, _ = _events(suggest, "وقع انفجار عبوة ناسفة قرب السوق")
    assert ("EXPLOSION", "انفجار") in found and ("EXPLOSION", "عبوة ناسفة") in found


def test_injury_complement_is_not_a_second_trigger(suggest):
    found, _ = _events(suggest, "وأصيب ٢٣ آخرون بجروح في الغارة")
    assert found.count(("INJURY", "أصيب")) == 1 and not any(s == "بجروح" for _, s in found)


def test_arguments_and_attributes(suggest):
    text = "قتل تسعة مدنيين وأصيب ٢٣ آخرون أمس الثلاثاء في غارات جوية على مدينة أريحا جنوب إدلب."
    _, events = _events(suggest, text, "2024-10-16")
    by_type = {e.type: e for e in events}
    killing, injury, strike = by_type["KILLING"], by_type["INJURY"], by_type["AIRSTRIKE"]
    assert killing.attributes["fatalities"] == 9
    assert injury.attributes["injured"] == 23
    assert strike.attributes["fatalities"] == 9 and strike.attributes["injured"] == 23
    assert killing.attributes["date"] == "2024-10-15"
    roles = {(a.role, text[a.span.start : a.span.end]) for a in strike.arguments}
    assert ("PLACE", "أريحا") in roles and ("PLACE", "إدلب") in roles and ("TIME", "أمس الثلاثاء") in roles


def test_vague_numbers_give_no_count(suggest):
    _, events = _events(suggest, "قتل عشرات المدنيين في القصف")
    killing = next(e for e in events if e.type == "KILLING")
    assert "fatalities" not in killing.attributes


def test_number_word_and_approximation(suggest):
    _, events = _events(suggest, "أسفر الهجوم عن مقتل ثلاثة جنود")
    assert next(e for e in events if e.type == "KILLING").attributes["fatalities"] == 3


def test_agent_after_a_verb_trigger(suggest):
    text = "اعتقلت قوات سوريا الديمقراطية 14 شخصا في ريف دير الزور"
    _, events = _events(suggest, text)
    arrest = next(e for e in events if e.type == "ARREST")
    roles = {(a.role, text[a.span.start : a.span.end]) for a in arrest.arguments}
    assert ("AGENT", "قوات سوريا الديمقراطية") in roles and ("PLACE", "دير الزور") in roles


def test_clash_agents_between(suggest):
    text = "اندلعت معارك عنيفة بين قسد والجيش الوطني السوري في ريف حلب"
    _, events = _events(suggest, text)
    clash = next(e for e in events if e.type == "CLASH")
    agents = {text[a.span.start : a.span.end] for a in clash.arguments if a.role == "AGENT"}
    assert agents == {"قسد", "الجيش الوطني السوري"}


def test_trigger_spans_exclude_proclitics(suggest):
    found, _ = _events(suggest, "وبالغارات والقصف")
    assert ("AIRSTRIKE", "الغارات") in found


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        ("قتل أكثر من 40 مسلحا في العملية", "fatalities", 40),
        ("قالت الوزارة إن 27 فلسطينيا قتلوا وأصيب نحو 90 آخرين", "fatalities", 27),
        ("قالت الوزارة إن 27 فلسطينيا قتلوا وأصيب نحو 90 آخرين", "injured", 90),
        ("اندلعت اشتباكات قتل فيها ثلاثة من العناصر", "fatalities", 3),
    ],
)
def test_counts(suggest, text, kind, count):
    _, events = _events(suggest, text)
    assert any(e.attributes.get(kind) == count for e in events if e.type in ("KILLING", "INJURY"))


def test_attack_takes_the_nearest_count(suggest):
    text = "أعلن الجيش أنه قتل أكثر من 40 مسلحا بعد يومين من هجوم على معسكر أوقع 12 قتيلا في صفوف الجنود."
    _, events = _events(suggest, text)
    assert next(e for e in events if e.type == "ATTACK").attributes["fatalities"] == 12


def test_dateline_date_is_not_the_event_time(suggest):
    text = "إدلب - 16 تشرين الأول/أكتوبر 2024 (وكالات) - قتل تسعة مدنيين أمس الثلاثاء في غارات على أريحا."
    _, events = _events(suggest, text, "2024-10-16")
    killing = next(e for e in events if e.type == "KILLING")
    assert [text[a.span.start : a.span.end] for a in killing.arguments if a.role == "TIME"] == ["أمس الثلاثاء"]
    assert killing.attributes["date"] == "2024-10-15"


def _roles(text, event):
    return {(a.role, text[a.span.start : a.span.end]) for a in event.arguments}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("أدانت وزارة الخارجية التركية الغارة على بلدة حولا", "وزارة الخارجية التركية"),
        ("نفت وزارة الدفاع الروسية القصف على مدينة خاركيف", "وزارة الدفاع الروسية"),
        ("وقالت قناة «المسيرة» إن الغارات طالت مديرية كتاف", "المسيرة"),
    ],
)
def test_who_condemns_denies_or_reports_is_not_the_agent(suggest, text, source):
    _, events = _events(suggest, text)
    strike = next(e for e in events if e.type in ("AIRSTRIKE", "SHELLING"))
    assert ("AGENT", source) not in _roles(text, strike)
    assert any(role == "PLACE" for role, _ in _roles(text, strike))


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("قتل ثلاثة أشخاص في غارات شنها الجيش الإسرائيلي على بلدة حولا", "الجيش الإسرائيلي"),
        ("وأعلنت حركة الشباب مسؤوليتها عن الهجوم على فندق في مقديشو", "حركة الشباب"),
    ],
)
def test_who_carried_out_or_claimed_is_the_agent(suggest, text, agent):
    _, events = _events(suggest, text)
    attack = next(e for e in events if e.type in ("AIRSTRIKE", "ATTACK"))
    assert ("AGENT", agent) in _roles(text, attack)


def test_a_later_event_owns_the_places_after_it(suggest):
    text = "وأدت الغارات المتواصلة إلى نزوح مئات العائلات من بلدات البارة وكنصفرة"
    _, events = _events(suggest, text)
    by_type = {e.type: e for e in events}
    assert ("PLACE", "البارة") in _roles(text, by_type["DISPLACEMENT"])
    assert not any(role == "PLACE" for role, _ in _roles(text, by_type["AIRSTRIKE"]))


def test_event_date_from_the_dateline(suggest):
    text = "بيروت - 2 آذار 2025 (وكالات) - قتل ثلاثة أشخاص في غارة على بلدة حولا.\nوكانت اشتباكات قد اندلعت في المنطقة."
    _, events = _events(suggest, text, "2025-03-03")
    by_type = {e.type: e for e in events}
    assert by_type["KILLING"].attributes["date"] == "2025-03-02"  # the dateline's, not the article's
    assert "date" not in by_type["CLASH"].attributes  # another paragraph: nothing fixes its day


def test_event_date_from_a_closer_date_first(suggest):
    text = "بيروت - 2 آذار 2025 (وكالات) - قتل ثلاثة أشخاص أمس الأحد في غارة على بلدة حولا."
    _, events = _events(suggest, text, "2025-03-02")
    assert next(e for e in events if e.type == "KILLING").attributes["date"] == "2025-03-01"


@pytest.mark.parametrize(
    ("text", "kind", "role", "name"),
    [
        ("شنت مقاتلات غارات على مواقع تابعة لجماعة أنصار الله في صعدة", "AIRSTRIKE", "TARGET", "جماعة أنصار الله"),
        ("إثر معارك عنيفة مع حركة الشباب استمرت يومين", "CLASH", "AGENT", "حركة الشباب"),
        ("ويسري اتفاق لوقف إطلاق النار توصلت إليه روسيا وتركيا في آذار", "AGREEMENT", "AGENT", "تركيا"),
    ],
)
def test_targets_and_parties(suggest, text, kind, role, name):
    _, events = _events(suggest, text)
    event = next(e for e in events if e.type == kind)
    assert (role, name) in _roles(text, event)


def test_a_region_that_only_says_where_the_place_is_is_no_argument(suggest):
    text = "وقتل ثلاثة مدنيين في قصف على مدينة الفاشر بولاية شمال دارفور غربي السودان"
    _, events = _events(suggest, text)
    places = {name for role, name in _roles(text, next(e for e in events if e.type == "KILLING")) if role == "PLACE"}
    assert places == {"الفاشر"}


def test_the_place_a_sentence_opens_with(suggest):
    text = "وفي الموصل، انفجرت قنبلة من مخلفات الحرب، ما أدى إلى مقتل طفلين"
    _, events = _events(suggest, text)
    for event in events:
        assert ("PLACE", "الموصل") in _roles(text, event)


@pytest.mark.parametrize(
    ("text", "kind", "agents"),
    [
        ("وشنت الشرطة المصرية حملة اعتقالات في العريش", "ARREST", {"الشرطة المصرية"}),
        ("وقال الجيش المالي إنه نفذ ضربات بطائرات مسيرة على مواقع قرب كيدال", "AIRSTRIKE", {"الجيش المالي"}),
        ("اعتقلت قوات سوريا الديمقراطية (قسد) 14 شخصا في ريف دير الزور", "ARREST", {"قوات سوريا الديمقراطية", "قسد"}),
        ("وأعلنت حركة الشباب المرتبطة بتنظيم القاعدة مسؤوليتها عن الهجوم", "ATTACK", {"حركة الشباب"}),
    ],
)
def test_who_did_it(suggest, text, kind, agents):
    _, events = _events(suggest, text)
    event = next(e for e in events if e.type == kind)
    assert {name for role, name in _roles(text, event) if role == "AGENT"} == agents
