"""Event arguments and attributes by sentence-level heuristics.

For each trigger, within its sentence:
- PLACE: places after the trigger (or, when none, a place just before it);
  a FAC after an attack-type trigger is its TARGET instead;
- TIME: the nearest DATE; its resolved value becomes the ``date`` attribute,
  else the dateline's date (or the article's) for events of the dateline's
  paragraph (بيروت - ٢٢ تموز ٢٠٢٥ (وكالات) - قتل …);
- AGENT: an organisation that claims the event (X … مسؤوليته عن الهجوم), one
  after a verb of carrying out (غارات شنها الجيش, قذائف أطلقها الحوثيون), just
  after a verb trigger (VSO) or a noun trigger (هجوم لداعش, استعادة الجيش), after
  "من قبل", both sides of بين X و Y for clashes, else one shortly before the
  trigger. An organisation that says, condemns, denies or reports (أدانت الحكومة
  الغارة, قالت قناة X إن الغارات) is the source, not the agent;
- VICTIM: a person after a killing, injury or arrest trigger, or an ORG after
  مقاتلي/عناصر/جنود;
- ``fatalities``/``injured``: an exact number next to a killing/injury trigger
  (vague words give none), shared with attack-type events of the sentence.
"""

from __future__ import annotations

from hakam.core.arabic import match_keys, stems
from hakam.suggest.cands import Cand
from hakam.suggest.kb import KB, PLACE_LABELS
from hakam.suggest.numbers import Number, read_number
from hakam.suggest.triggers import Found
from hakam.suggest.words import Text

ATTACKS = frozenset({"AIRSTRIKE", "SHELLING", "ATTACK", "EXPLOSION", "CLASH"})
_VICTIM_EVENTS = frozenset({"KILLING", "INJURY", "ARREST"})
_MEMBERS = match_keys(
    {"مقاتلي", "عناصر", "جنود", "افراد", "عنصرا", "مقاتلا", "جنديا", "منتسبي", "ضباط", "قياديين", "قيادي"}
)
_APPROXIMATE = match_keys({"اكثر", "من", "نحو", "حوالي", "قرابه", "زهاء", "اقل", "ما", "لا", "يقل", "يزيد", "عن"})
_BETWEEN = match_keys({"فيها", "فيه", "خلالها", "خلاله", "فيهم", "منهم", "منها", "جراءها", "جراءه", "بها", "به"})
# Verbs of carrying out with an object pronoun: the organisation after them did it.
_CARRIED_OUT = match_keys(
    {"شنها", "شنه", "شنته", "شنتها", "شنوها", "نفذها", "نفذه", "نفذته", "نفذتها", "نفذوها", "اطلقها", "اطلقه",
     "اطلقته", "اطلقتها", "اطلقوها", "تبنته", "تبنتها", "تبناها", "تبناه", "فجرها", "فجرتها", "زرعها", "زرعتها"}
)  # fmt: skip
_CLAIM = match_keys({"مسؤوليته", "مسؤوليتها", "مسؤوليتهم", "المسؤوليه"})
_FOLLOWERS = match_keys(
    {"مسلحون", "مسلحين", "عناصر", "مقاتلون", "مقاتلين", "من", "طائرات", "مسيرات", "تابعه", "تابعون"}
)
# Noun triggers whose genitive is the one who acts (استعادة الجيش), not the victim (مقتل قائد).
_GENITIVE_AGENT = frozenset({"ATTACK", "AIRSTRIKE", "SHELLING", "TERRITORY", "CLASH", "EXPLOSION"})
_QUOTES = frozenset({"«", "»", '"', "(", ")"})
_LOCATIVE = match_keys(
    {"في", "قرب", "على", "داخل", "عند", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط",
     "محيط", "اطراف", "ريف", "نحو", "الى", "من", "باتجاه", "حتى", "مشارف", "ضواحي"}
)  # fmt: skip
_PARTIES = match_keys({"اليه", "اليها", "بوساطه", "برعايه", "وقعته", "وقعها", "ابرمته", "ابرمها", "وقعه"})
_CONTAINERS = match_keys({"ولايه", "اقليم", "محافظه", "بولايه", "باقليم", "بمحافظه"})
_IN = match_keys({"في", "وفي", "ففي", "بـ"})
_SAYING, _DOING, _SAID_SELF = 1, 2, 4
_CONDUCT = match_keys({"شن", "شنت", "شنوا", "نفذ", "نفذت", "نفذوا", "اطلق", "اطلقت", "اطلقوا"})
_SELF = match_keys({"انه", "انها", "بانه", "بانها", "انهم"})  # قال الجيش إنه …
_AGAINST = match_keys({"على", "ضد"})
_OWNED = match_keys({"تابعه", "تابع", "تابعين", "تابعتين", "مقرات", "مواقع", "مخازن", "معاقل", "عناصر", "مقاتلين"})
_CAUSE = match_keys({"في", "جراء", "اثر", "بسبب", "خلال"})
_PLACE_WINDOW = 20
_AGENT_WINDOW = 6


class Arguments:
    def __init__(self, text: Text, kb: KB, entities: list[Cand], triggers: list[Found], article: str | None = None):
        self.text, self.kb, self.entities, self.triggers = text, kb, entities, triggers
        self.forms = [w.form for w in text.words]
        self._marks: dict[int, int] = {}
        self.by_sentence: dict[int, list[Cand]] = {}
        for c in entities:
            self.by_sentence.setdefault(text.words[c.first].sentence, []).append(c)
        dateline = next((c for c in entities if c.label == "DATE" and self._dateline(c)), None)
        self.lead = self._paragraph(dateline.first) if dateline else None
        self.lead_date = (dateline.value if dateline else None) or article

    def mark(self, k: int) -> int:
        """Word ``k`` as a verb of saying (``_SAYING``), of carrying out (``_DOING``) or
        إنه/أنها (``_SAID_SELF``), as bits; worked out once per word."""
        found = self._marks.get(k)
        if found is None:
            form, found = self.forms[k], 0
            for _, key in stems(form):
                if key in self.kb.speech_verbs and form != "بين":
                    found |= _SAYING
                found |= (_DOING if key in _CONDUCT else 0) | (_SAID_SELF if key in _SELF else 0)
            self._marks[k] = found
        return found

    def for_trigger(self, t: Found) -> tuple[list[tuple[str, Cand]], dict[str, int | str]]:
        lo, hi = self.text.sentence_bounds(t.first)
        inside = self.by_sentence.get(self.text.words[t.first].sentence, [])
        self.sentence_orgs = [c for c in inside if c.label == "ORG"]
        self.sentence_triggers = [o for o in self.triggers if lo <= o.first < hi]
        args: list[tuple[str, Cand]] = []
        args += self._places(t, inside)
        time = self._time(t, inside)
        if time:
            args.append(("TIME", time))
        agents = self._agents(t, inside)
        agents += self._short_names(agents)
        args += [("AGENT", c) for c in agents]
        if t.type in ATTACKS:
            args += [("TARGET", c) for c in self._targets(t, inside) if c not in agents]
        if t.type in _VICTIM_EVENTS:
            args += [("VICTIM", c) for c in self._victims(t, inside)]
        attributes: dict[str, int | str] = {}
        if time and time.value:
            attributes["date"] = time.value
        elif self.lead_date and self.lead and self._paragraph(t.first) == self.lead:
            attributes["date"] = self.lead_date
        return _unique(args), attributes

    def _paragraph(self, i: int) -> tuple[int, int]:
        """Normalised offsets of the line holding word ``i``."""
        text, at = self.text.text, self.text.words[i].start
        return text.rfind("\n", 0, at) + 1, (text.find("\n", at) + 1 or len(text) + 1)

    def _places(self, t: Found, inside: list[Cand]) -> list[tuple[str, Cand]]:
        after = [c for c in inside if c.label in PLACE_LABELS and t.last <= c.first < t.last + _PLACE_WINDOW
                 and not self._other_trigger_between(t, c.first) and self._located(c)]  # fmt: skip
        after = [c for k, c in enumerate(after) if not (k and self._container(c))]
        fronted = self._fronted(t, inside)
        if fronted:
            if t.type in ("KILLING", "INJURY"):
                return [("PLACE", fronted)]  # وفي تعز، قتلت امرأة … بقذائف على حي الروضة
            after = [fronted] + after
        out = []
        for c in after[:4]:
            role = "TARGET" if c.label == "FAC" and t.type in ATTACKS else "PLACE"
            out.append((role, c))
        if not out:
            before = [c for c in inside if c.label in PLACE_LABELS and t.first - 6 <= c.first < t.first]
            out = [("PLACE", c) for c in before[-1:]]
        return out

    def _fronted(self, t: Found, inside: list[Cand]) -> Cand | None:
        """The place a sentence opens with (وفي الموصل، انفجرت …): where its events happened."""
        lo, _ = self.text.sentence_bounds(t.first)
        first = next((c for c in inside if c.label in PLACE_LABELS), None)
        if first is None or first.first >= t.first or self.forms[lo] not in _IN:
            return None
        opens = first.first == lo + 1 or (first.first == lo and first.start > self.text.words[lo].start)
        return first if opens and "،" in self.forms[first.last : first.last + 4] else None

    def _located(self, c: Cand) -> bool:
        """A place where something happens: after في/ب/قرب …, a place head or another
        place of a list (في البارة وكنصفرة), not one that only names a party (روسيا وتركيا)."""
        prefix = c.start - self.text.words[c.first].start
        if prefix and self.forms[c.first][prefix - 1] in "بو":
            return True
        k = c.first - 1
        while k >= 0 and k > c.first - 4:
            if any(key in _LOCATIVE or key in self.kb.place_heads for _, key in stems(self.forms[k])):
                return True
            k -= 1
        return False

    def _container(self, c: Cand) -> bool:
        """A region named after a place to say where that place is (بلدة الخوي في ولاية
        غرب كردفان, الفاشر بولاية شمال دارفور): not where the event happened."""
        before = self.forms[c.first - 1] if c.first else ""
        country = self.text.text[c.start : c.end] in self.kb.countries  # غربي السودان
        return country or any(key in _CONTAINERS for _, key in stems(before))

    def _other_trigger_between(self, t: Found, end: int) -> bool:
        """Another event's trigger between ``t`` and word ``end`` owns what follows it
        ({الغارات} … إلى {نزوح} … من بلدات X), unless it only says how ``t`` came
        about ({قتل} تسعة في {غارات} على أريحا)."""
        for o in self.sentence_triggers:
            if t.last <= o.first < end and _family(o.type) != _family(t.type) and not self._cause(o):
                return True
        return False

    def _cause(self, o: Found) -> bool:
        form = self.forms[o.first]
        return o.prefix > 0 and form[0] == "ب" or self.forms[o.first - 1] in _CAUSE if o.first else False

    def _time(self, t: Found, inside: list[Cand]) -> Cand | None:
        dates = [c for c in inside if c.label == "DATE" and not self._dateline(c)]
        return min(dates, key=lambda c: abs(c.first - t.first), default=None)

    def _dateline(self, c: Cand) -> bool:
        """The date of a dateline (دمشق - 12 آذار 2025 (وكالات) -) is not when events happened."""
        return c.last < len(self.forms) and self.forms[c.last] in ("(", "-", "–")

    def _agents(self, t: Found, inside: list[Cand]) -> list[Cand]:
        orgs = [c for c in inside if (c.label == "ORG" or (c.label == "GPE" and t.type == "AGREEMENT"))
                and not self._source(c, t)]  # fmt: skip
        claimed = self._claimed(t, orgs)
        if claimed:
            return [claimed]
        if t.type == "AGREEMENT":
            parties = self._parties(t, orgs)
            if parties:
                return parties
        if t.type in ("CLASH", "AGREEMENT") and "بين" in self.forms[t.last : t.last + 3]:
            k = self.forms.index("بين", t.last)
            pair = [c for c in orgs if k < c.first <= k + 8][:2]
            if pair:
                return pair
        if t.type == "CLASH":
            against = [c for c in orgs if t.last <= c.first <= t.last + 4 and self.forms[c.first - 1] == "مع"]
            if against:
                return against[:1]  # معارك عنيفة مع حركة الشباب
        carried = self._carried_out(t, orgs) or self._conducted(t)
        if carried:
            return [carried]
        if t.pos == "verb":
            right = [c for c in orgs if t.last <= c.first <= t.last + 1]
            if right:
                return right[:1]
        elif t.type in _GENITIVE_AGENT:
            right = [c for c in orgs if c.first == t.last and c.label == "ORG"]
            if right:
                return right
        for k in range(t.last, min(t.last + 8, len(self.forms) - 1)):
            if self.forms[k] == "من" and self.forms[k + 1] == "قبل":
                by = [c for c in orgs if k + 2 <= c.first <= k + 3]
                if by:
                    return by[:1]
        left = [c for c in orgs if t.first - _AGENT_WINDOW <= c.first and c.last <= t.first]
        blocked = {o.first for o in self.sentence_triggers if o.first < t.first}
        left = [c for c in left if not any(c.last <= b < t.first for b in blocked)]
        return left[-1:]

    def _short_names(self, found: list[Cand]) -> list[Cand]:
        """The short name in brackets right after a name (قوات سوريا الديمقراطية (قسد))."""
        out = []
        for c in found:
            if c.last < len(self.forms) and self.forms[c.last] in ("(", "«"):
                out += [o for o in self.sentence_orgs if o.label == c.label and o.first == c.last + 1]
        return out

    def _parties(self, t: Found, orgs: list[Cand]) -> list[Cand]:
        """The parties and brokers of an agreement: the names after توصلت إليه, بوساطة,
        برعاية … (اتفاق … توصلت إليه روسيا وتركيا)."""
        for k in range(t.last, min(t.last + 10, len(self.forms))):
            if any(key in _PARTIES for _, key in stems(self.forms[k])):
                out: list[Cand] = []
                for c in sorted(orgs, key=lambda c: c.first):
                    if c.first == (out[-1].last if out else k + 1):
                        out.append(c)
                return out[:4]
        return []

    def _targets(self, t: Found, inside: list[Cand]) -> list[Cand]:
        """The organisation an attack was aimed at: على/ضد X, or the owner of what was hit
        (مواقع تابعة لجماعة X, مقرات لهيئة X)."""
        out = []
        for c in inside:
            if c.label != "ORG" or not t.last <= c.first <= t.last + 8 or self._other_trigger_between(t, c.first):
                continue
            prefix = c.start - self.text.words[c.first].start
            before = self.forms[c.first - 1] if c.first else ""
            owned = prefix and self.forms[c.first][prefix - 1] == "ل" and any(k in _OWNED for _, k in stems(before))
            if before in _AGAINST or owned:
                out.append(c)
        return out[:1]

    def _source(self, c: Cand, t: Found) -> bool:
        """``c`` says, condemns, denies or reports rather than acts: a verb of saying
        right before it (أدانت الحكومة), right after it, or between it and the trigger."""
        before = c.first - 1
        while before > c.first - 4 and (self.forms[before] in _QUOTES or self.forms[before] in self.kb.org_heads):
            before -= 1  # قالت قناة «المسيرة»
        around = [before, c.last, *range(c.last, t.first)]
        return any(self.mark(k) & _SAYING for k in around if 0 <= k < len(self.forms))

    def _claimed(self, t: Found, orgs: list[Cand]) -> Cand | None:
        """X … مسؤوليته عن {الهجوم}: the one who claims the event."""
        if t.first < 2 or self.forms[t.first - 1] != "عن" or self.forms[t.first - 2] not in _CLAIM:
            return None
        before = [c for c in self.sentence_orgs if t.first - 2 - _AGENT_WINDOW <= c.first < t.first - 2]
        return before[0] if before else None  # أعلنت حركة الشباب المرتبطة بتنظيم القاعدة مسؤوليتها

    def _conducted(self, t: Found) -> Cand | None:
        """The one between a verb of carrying out and the trigger (شنت مديرية أمن X حملة
        {اعتقالات}, نفذ سلاح الجو {غارات}), or the one that says it did it (قال الجيش
        إنه نفذ {ضربات}, قال الجيش إنه «{استهدف} …»)."""
        for k in range(max(0, t.first - _AGENT_WINDOW), t.first):
            if self.mark(k) & _DOING:
                between = [c for c in self.sentence_orgs if k < c.first and c.last <= t.first]
                if between:
                    return between[0]
            if self.mark(k) & _SAID_SELF and (
                any(w in _CONDUCT for w in self.forms[k + 1 : t.first]) or t.pos == "verb" and t.first - k <= 2
            ):
                said = [c for c in self.sentence_orgs if k - _AGENT_WINDOW <= c.first and c.last <= k]
                if said:
                    return said[-1]
        return None

    def _carried_out(self, t: Found, orgs: list[Cand]) -> Cand | None:
        """{غارات} شنها الجيش, {قذائف} هاون أطلقها الحوثيون, {هجوم} شنه مسلحون من جماعة X."""
        for k in range(t.last, min(t.last + 4, len(self.forms))):
            if any(key in _CARRIED_OUT for _, key in stems(self.forms[k])):
                j = k + 1
                while j < len(self.forms) and j - k <= 4 and self.forms[j] in _FOLLOWERS:
                    j += 1
                return next((c for c in orgs if c.first == j or c.first == k + 1), None)
        return None

    def _victims(self, t: Found, inside: list[Cand]) -> list[Cand]:
        persons = [c for c in inside if c.label == "PERS" and t.last <= c.first <= t.last + 6]
        if persons:
            return persons[:2]
        for c in inside:
            members = self.forms[max(t.last, c.first - 2) : c.first]
            if (
                c.label == "ORG"
                and t.last <= c.first <= t.last + 6
                and (any(k in _MEMBERS for w in members for _, k in stems(w)) or self.forms[c.first - 1] == "من")
            ):
                return [c]  # مقتل ثلاثة من مقاتلي قسد, قتل جنديان من القوات المسلحة المصرية
        return []


def _family(kind: str) -> str:
    """Violence (attacks and their casualties) shares places; other kinds own theirs."""
    return "violence" if kind in ATTACKS or kind in ("KILLING", "INJURY") else kind


def counts(text: Text, kb: KB, t: Found) -> dict[str, int]:
    """``fatalities``/``injured`` from an exact number right after (or just before) the trigger."""
    name = {"KILLING": "fatalities", "INJURY": "injured"}.get(t.type)
    if not name:
        return {}
    words = text.words
    sentence = words[t.first].sentence

    def at(start: int) -> Number | None:
        while start < len(words) and words[start].form in _APPROXIMATE:
            start += 1  # أكثر من 40, نحو 20, على الأقل: the number still counts
        if start < len(words) and words[start].sentence == sentence:
            return read_number(words, start, kb)
        return None

    number = at(t.last)  # قتل تسعة
    for start in range(max(0, t.first - 5), t.first):  # ثلاثة قتلى, 27 فلسطينيا قتلوا
        found = number is None and at(start)
        if found and words[start].sentence == sentence and start + found.words in (t.first, t.first - 1):
            number = found
    if number is None and t.last < len(words) and words[t.last].form in _BETWEEN:
        number = at(t.last + 1)  # قتل فيها ثلاثة
    return {name: number.value} if number and number.value is not None else {}


def share_counts(events: list[tuple[Found, dict[str, int | str]]], text: Text) -> None:
    """Give each attack-type event the victim counts of the nearest killing/injury with a
    count in the same sentence."""
    sentence_of = {id(t): text.words[t.first].sentence for t, _ in events}
    for t, attributes in events:
        if t.type not in ATTACKS:
            continue
        for key in ("fatalities", "injured"):
            counted = [(abs(o.first - t.first), a[key]) for o, a in events
                       if key in a and o.type in ("KILLING", "INJURY") and sentence_of[id(o)] == sentence_of[id(t)]]  # fmt: skip
            if counted and key not in attributes:
                attributes[key] = min(counted)[1]


def _unique(args: list[tuple[str, Cand]]) -> list[tuple[str, Cand]]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for role, c in args:
        if (role, c.start, c.end) not in seen:
            seen.add((role, c.start, c.end))
            out.append((role, c))
    return out
