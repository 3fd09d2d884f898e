"""Event arguments and attributes by sentence-level heuristics.

For each trigger, within its sentence:
- PLACE: places after the trigger (or, when none, a place just before it);
  a FAC after an attack-type trigger is its TARGET instead;
- TIME: the nearest DATE; its resolved value becomes the ``date`` attribute;
- AGENT: an ORG just after a verb trigger (VSO), an ORG shortly before the
  trigger, one after "من قبل", or both sides of بين X و Y for clashes;
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
_PLACE_WINDOW = 20
_AGENT_WINDOW = 6


class Arguments:
    def __init__(self, text: Text, kb: KB, entities: list[Cand], triggers: list[Found]):
        self.text, self.kb, self.entities, self.triggers = text, kb, entities, triggers
        self.forms = [w.form for w in text.words]

    def for_trigger(self, t: Found) -> tuple[list[tuple[str, Cand]], dict[str, int | str]]:
        lo, hi = self.text.sentence_bounds(t.first)
        inside = [c for c in self.entities if lo <= c.first < hi]
        args: list[tuple[str, Cand]] = []
        args += self._places(t, inside)
        time = self._time(t, inside)
        if time:
            args.append(("TIME", time))
        args += [("AGENT", c) for c in self._agents(t, inside)]
        if t.type in _VICTIM_EVENTS:
            args += [("VICTIM", c) for c in self._victims(t, inside)]
        attributes: dict[str, int | str] = {}
        if time and time.value:
            attributes["date"] = time.value
        return _unique(args), attributes

    def _places(self, t: Found, inside: list[Cand]) -> list[tuple[str, Cand]]:
        after = [c for c in inside if c.label in PLACE_LABELS and t.last <= c.first < t.last + _PLACE_WINDOW]
        out = []
        for c in after[:4]:
            role = "TARGET" if c.label == "FAC" and t.type in ATTACKS else "PLACE"
            out.append((role, c))
        if not out:
            before = [c for c in inside if c.label in PLACE_LABELS and t.first - 6 <= c.first < t.first]
            out = [("PLACE", c) for c in before[-1:]]
        return out

    def _time(self, t: Found, inside: list[Cand]) -> Cand | None:
        dates = [c for c in inside if c.label == "DATE" and not self._dateline(c)]
        return min(dates, key=lambda c: abs(c.first - t.first), default=None)

    def _dateline(self, c: Cand) -> bool:
        """The date of a dateline (دمشق - 12 آذار 2025 (وكالات) -) is not when events happened."""
        return c.last < len(self.forms) and self.forms[c.last] in ("(", "-", "–")

    def _agents(self, t: Found, inside: list[Cand]) -> list[Cand]:
        orgs = [c for c in inside if c.label == "ORG" or (c.label == "GPE" and t.type == "AGREEMENT")]
        if t.type in ("CLASH", "AGREEMENT") and "بين" in self.forms[t.last : t.last + 3]:
            k = self.forms.index("بين", t.last)
            pair = [c for c in orgs if k < c.first <= k + 8][:2]
            if pair:
                return pair
        if t.pos == "verb":
            right = [c for c in orgs if t.last <= c.first <= t.last + 1]
            if right:
                return right[:1]
        for k in range(t.last, min(t.last + 8, len(self.forms) - 1)):
            if self.forms[k] == "من" and self.forms[k + 1] == "قبل":
                by = [c for c in orgs if k + 2 <= c.first <= k + 3]
                if by:
                    return by[:1]
        left = [c for c in orgs if t.first - _AGENT_WINDOW <= c.first and c.last <= t.first]
        blocked = {o.first for o in self.triggers if o.first < t.first}
        left = [c for c in left if not any(c.last <= b < t.first for b in blocked)]
        return left[-1:]

    def _victims(self, t: Found, inside: list[Cand]) -> list[Cand]:
        persons = [c for c in inside if c.label == "PERS" and t.last <= c.first <= t.last + 6]
        if persons:
            return persons[:2]
        for c in inside:
            members = self.forms[max(t.last, c.first - 2) : c.first]
            if (
                c.label == "ORG"
                and t.last <= c.first <= t.last + 5
                and any(k in _MEMBERS for w in members for _, k in stems(w))
            ):
                return [c]
        return []


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
