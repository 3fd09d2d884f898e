"""``rules``: the cold-start suggester — gazetteers, lexicons and patterns.

One pass builds a ``Text`` (normalised copy + word list), finds gazetteer names
(Aho-Corasick), dates and name patterns, keeps the longest non-overlapping
candidates, then finds event triggers outside them and attaches arguments and
attributes. The knowledge base is built once per process and shared.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable

from hakam.core.arabic import match_keys, stems
from hakam.core.model import Argument, Document, Event, Span
from hakam.suggest.base import Suggestions
from hakam.suggest.cands import GAZETTEER, GAZETTEER_AMBIGUOUS, GAZETTEER_LONG, LEARNED, Cand, cand, resolve
from hakam.suggest.context import Context
from hakam.suggest.dates import article_date, find_dates
from hakam.suggest.events import Arguments, counts, share_counts
from hakam.suggest.gazetteer import Gazetteer, Match
from hakam.suggest.kb import KB, knowledge
from hakam.suggest.namelike import common_noun, whole_word_reading
from hakam.suggest.orgs import acronyms, organisations
from hakam.suggest.persons import coordinated, joined, persons, surnames
from hakam.suggest.places import places
from hakam.suggest.triggers import find_triggers
from hakam.suggest.words import Text

VERSION = "1"
_RECENT = 4
# A name that is also a common word counts only after one of these (or a proclitic ب).
_PLACE_CONTEXT = match_keys(
    {"في", "من", "الى", "مدينه", "بلده", "قريه", "ريف", "محافظه", "قضاء", "ناحيه", "منطقه", "حي", "شمال",
     "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "قرب", "محيط", "اطراف", "مدينتي",
     "بلدتي", "بلدات", "قرى", "مدن", "ولايه", "اقليم", "مديريه", "محليه", "داخل", "نحو", "باتجاه", "عن"}
)  # fmt: skip

_FACILITY_HEADS = match_keys(
    {"سد", "مطار", "مستشفى", "مشفى", "سجن", "معسكر", "قاعده", "حقل", "مصفاه", "محطه", "ميناء", "مرفا", "ثكنه"}
)  # fmt: skip


class RuleSuggester:
    name = "rules"

    def __init__(self, learned: Iterable[tuple[str, str]] = (), kb: KB | None = None):
        entries = [((name,), label) for name, label in learned]
        self.learned = Gazetteer(entries) if entries else None
        self._kb = kb
        self._recent: OrderedDict[tuple[str, str], Suggestions] = OrderedDict()  # the CRF asks again
        self._lock = threading.Lock()
        self.version = VERSION + (f"+{len(self.learned)}" if self.learned else "")

    @property
    def kb(self) -> KB:
        return self._kb or knowledge()

    def entities(self, text: Text, meta: dict) -> list[Cand]:
        kb = self.kb
        found = _gazetteer(text, kb, kb.gazetteer.find(text), GAZETTEER)
        if self.learned:
            found += _gazetteer(text, kb, self.learned.find(text), LEARNED)
        taken = {w: c for c in resolve(found) for w in range(c.first, c.last)}
        ctx = Context(text, kb, taken)
        patterns = persons(ctx) + organisations(ctx) + places(ctx)
        entities = resolve(found + patterns + find_dates(text, kb, meta))
        entities = resolve(entities + surnames(ctx, entities) + acronyms(ctx, entities))
        return joined(ctx, resolve(entities + coordinated(ctx, entities)))

    def suggest(self, doc: Document) -> Suggestions:
        key = (doc.text, str(doc.meta.get("date", "")) if doc.meta else "")
        with self._lock:
            if key in self._recent:
                spans, events = self._recent[key]
                return list(spans), list(events)
        result = self._suggest(doc)
        with self._lock:
            self._recent[key] = result
            while len(self._recent) > _RECENT:
                self._recent.popitem(last=False)
        return list(result[0]), list(result[1])

    def _suggest(self, doc: Document) -> Suggestions:
        kb = self.kb
        text = Text(doc.text)
        entities = self.entities(text, doc.meta)
        source = f"{self.name}@{self.version}"
        spans = [_span(text, c, c.label, source) for c in entities]
        blocked = {w for c in entities for w in range(c.first, c.last)}
        triggers = find_triggers(text, kb, blocked)
        day = article_date(doc.meta)
        arguments = Arguments(text, kb, entities, triggers, day.isoformat() if day else None)
        drafts = []
        for t in triggers:
            args, attributes = arguments.for_trigger(t)
            attributes.update(counts(text, kb, t))
            drafts.append((t, args, attributes))
        share_counts([(t, attributes) for t, _, attributes in drafts], text)
        events = []
        for n, (t, args, attributes) in enumerate(drafts, 1):
            start = text.words[t.first].start + t.prefix
            o_start, o_end = text.span(start, text.words[t.last - 1].end)
            trigger = Span(o_start, o_end, t.type, t.score, source)
            arguments_out = tuple(Argument(role, _span(text, c, c.label, None)) for role, c in args)
            events.append(Event(t.type, trigger, arguments_out, attributes, t.score, source, f"r{n}"))
        return spans, events


def _span(text: Text, c: Cand, label: str, source: str | None) -> Span:
    start, end = text.span(c.start, c.end)
    return Span(start, end, label, round(c.score, 4) if source else None, source)


def _gazetteer(text: Text, kb: KB, matches: list[Match], score: float) -> list[Cand]:
    out: list[Cand] = []
    doubtful: list[Cand] = []  # names that are also common words, without context here
    for m in matches:
        c = cand(text, m.start, m.end, m.label, GAZETTEER_LONG if m.words > 1 and score == GAZETTEER else score)
        form = text.text[m.start : m.end]
        prefix = m.start - text.words[c.first].start
        whole = text.words[c.first].form
        if prefix and m.words == 1 and (whole_word_reading(whole, form) or whole in kb.first_names):
            continue  # فاطمة is not ف + أطمة, كلاوس not ك + لاوس
        if m.words > 1:
            head = form.split()[0]
            if m.label == "GPE" and head in _FACILITY_HEADS:
                c = Cand(c.start, c.end, kb.place_heads.get(head, ("FAC",))[0], c.score, c.first, c.last)  # سد تشرين
            elif m.label in ("GPE", "LOC") and head in kb.place_heads and not kb.place_heads[head][1]:
                second = text.words[c.first + 1]  # منطقة المواصي: the descriptor stays outside
                c = Cand(second.start, c.end, c.label, c.score, c.first + 1, c.last)
        elif m.ambiguous or form in kb.first_names or form in kb.nationality:
            c = Cand(c.start, c.end, c.label, GAZETTEER_AMBIGUOUS, c.first, c.last)
            weak = m.ambiguous and form not in kb.ambiguous_names  # a one-word GeoNames name
            strict = (kb.lexical(form) or weak and common_noun(form)) and m.label != "ORG"  # طويلة, إطار
            if not _context(text, kb, c, prefix, m.label, strict):
                doubtful.append(c)
                continue
        out.append(c)
    # A name seen with context once (حركة حماس، بلدة طويلة) is the same name elsewhere in the article.
    named = {(c.label, w) for c in out for w in text.text[c.start : c.end].split()}
    return out + [c for c in doubtful if (c.label, text.text[c.start : c.end]) in named]


def _context(text: Text, kb: KB, c: Cand, prefix: int, label: str, strict: bool) -> bool:
    """What a name that is also a common word needs: a place context (``strict``: a
    place head), or for an organisation a head word before it or quotes around it."""
    if label != "ORG":
        if strict:
            return c.first > 0 and text.words[c.first - 1].form in kb.place_heads
        return label in ("GPE", "LOC") and _place_context(text, kb, c, prefix)
    words = text.words
    before = words[c.first - 1].form if c.first else ""
    after = words[c.last].form if c.last < len(words) else ""
    return before in kb.org_heads or (before, after) in (("«", "»"), ("(", ")"), ('"', '"'))


def _place_context(text: Text, kb: KB, c: Cand, prefix: int) -> bool:
    """A preposition or place head before the name (في حمرين، بحمرين، مدينة طويلة)."""
    if prefix and text.words[c.first].form[prefix - 1] == "ب":
        return True
    previous = text.words[c.first - 1].form if c.first else ""
    return any(k in _PLACE_CONTEXT or k in kb.place_heads for _, k in stems(previous))
