"""Name patterns for what the gazetteers miss: persons, organisations and places.

- PERS: a given name (first_names) and the name-like words after it (more given
  names, an ال family name, بن/أبو/عبد chains); any name after a title
  (person_titles) or a speech verb.
- ORG: a head word (org_heads: وزارة، قوات، جيش …) and the name after it,
  nationality adjective included (وزارة الدفاع الروسية، الجيش السوري).
- Places: a place head (place_heads: مدينة، قرية، مخيم، مطار …) and the name
  after it; the head is inside the span when the table says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from hakam.suggest.cands import PATTERN, PATTERN_WEAK, Cand
from hakam.suggest.kb import KB
from hakam.suggest.words import Text, Word, stems

_NASAB = frozenset({"بن", "ابن", "بنت", "ابنه"})
_ABD = "عبد"
_SAY_END = frozenset({"ان", "إن", "أن", "،", ",", ":", "«", '"', "في", "ل", "لـ", "خلال", "امس", "اليوم"})
_NOT_FAMILY = frozenset(
    {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "الان", "اليوم", "العام", "الشهر",
     "الاسبوع", "الساعه", "الليله", "الماضي", "الماضيه", "المقبل", "المقبله", "الجاري", "الحالي"}
)  # fmt: skip
# After an ORG head these words make a generic group, not a name (قوات النظام).
_GENERIC = frozenset(
    {"النظام", "الحكوميه", "الحكومه", "الامنيه", "المسلحه", "العسكريه", "الخاصه", "المعارضه", "الموالیه",
     "الموالية", "المواليه", "التابعه", "المدعومه", "الاجنبيه", "المشتركه", "الاخرى", "الاخري", "نفسها",
     "المهاجمه", "المنتشره", "المتمركزه", "الموجوده", "المحليه", "المعنيه", "المختصه", "الرسميه",
     "الحكومي", "الامني", "المسلح", "العسكري", "الاحتلال", "المتحاربه", "المتنازعه", "المتقاتله"}
)  # fmt: skip
_COMPOUND_PLACE = frozenset(
    {"كفر", "تل", "عين", "دير", "راس", "جسر", "ابو", "بني", "بيت", "خان", "معره", "جبل", "ام", "قصر", "باب",
     "سيدي", "مرج", "حمام", "بئر", "بير", "وادي", "عرب", "شيخ", "قلعه", "بنت", "نهر", "سد", "تله", "ذي"}
)  # fmt: skip
_CHAIN_MAX = 4


def _arabic(form: str) -> bool:
    return len(form) >= 2 and all("\u0621" <= c <= "\u064a" for c in form)


@dataclass
class Context:
    text: Text
    kb: KB
    taken: dict[int, Cand]  # word index -> gazetteer candidate covering it

    @property
    def words(self) -> list[Word]:
        return self.text.words

    def form(self, i: int) -> str:
        return self.words[i].form if 0 <= i < len(self.words) else ""

    def stem_in(self, i: int, table: object) -> tuple[int, str] | None:
        """(prefix length, key) of word ``i`` when one of its readings is in ``table``."""
        if not 0 <= i < len(self.words):
            return None
        for prefix, key in stems(self.words[i].form):
            if key in table:  # type: ignore[operator]
                return prefix, key
        return None

    def name_like(self, i: int) -> bool:
        """A word that may be part of a name: Arabic, unknown to the lexicons, not taken."""
        form = self.form(i)
        return _arabic(form) and i not in self.taken and not self.kb.lexical(form) and form not in self.kb.nationality

    def family(self, i: int) -> bool:
        """An ال family name (الحسن, الأسد)."""
        form = self.form(i)
        if not (form.startswith("ال") and len(form) >= 4 and _arabic(form)) or i in self.taken:
            return False
        kb, bare = self.kb, form[2:]
        return form not in _NOT_FAMILY and form not in kb.triggers and form not in kb.dates \
            and form not in kb.nationality and not any(w in t for w in (form, bare)
                                                       for t in (kb.titles, kb.org_heads, kb.place_heads))  # fmt: skip


def _cand(ctx: Context, i: int, prefix: int, last: int, label: str, score: float) -> Cand:
    words = ctx.words
    return Cand(words[i].start + prefix, words[last - 1].end, label, score, i, last)


def _first_name_at(ctx: Context, i: int, clitics: bool = True) -> tuple[int, int] | None:
    """(prefix, words) of a given name starting at word ``i`` (عبد الله is two words)."""
    readings = stems(ctx.form(i)) if clitics else [(0, ctx.form(i))]
    for prefix, key in readings:
        if key in ctx.kb.first_names:
            return prefix, 1
        if key in ctx.kb.first_name_heads and f"{key} {ctx.form(i + 1)}" in ctx.kb.first_names:
            return prefix, 2
    return None


def _name_chain(ctx: Context, j: int, strict: bool) -> int:
    """End (exclusive) of the name words from word ``j``; strict: only clearly name-like words."""
    limit = j + _CHAIN_MAX
    kunya = ctx.kb.kunya
    while j < min(limit, len(ctx.words)) and j not in ctx.taken:
        form, after = ctx.form(j), j + 1
        first = _first_name_at(ctx, j, clitics=False)
        if first:
            j += first[1]
        elif (form in _NASAB or form in kunya) and (ctx.name_like(after) or ctx.family(after) or _first_name_at(ctx, after)):
            j += 2
        elif form == _ABD and ctx.form(after).startswith("ال"):
            j += 2
        elif ctx.family(j) or (ctx.name_like(j) and (not strict or ctx.family(after))):
            j += 1  # strict: محمد شياع السوداني, a middle name only before a family name
        else:
            break
    return min(j, len(ctx.words))


def persons(ctx: Context) -> list[Cand]:
    out: list[Cand] = []
    i = 0
    while i < len(ctx.words):
        found = None if i in ctx.taken else _person_at(ctx, i)
        if found:
            out.append(found)
            i = found.last
        else:
            i += 1
    return out


def _person_at(ctx: Context, i: int) -> Cand | None:
    context = _person_context(ctx, i)
    first = _first_name_at(ctx, i)
    form = ctx.form(i)
    if first:
        end = _name_chain(ctx, i + first[1], strict=context is None)
        if end - i >= 2 or context:
            return _cand(ctx, i, first[0], end, "PERS", PATTERN)
        return None
    if form in ctx.kb.kunya and (ctx.name_like(i + 1) or ctx.family(i + 1)):
        end = _name_chain(ctx, i + 2, strict=False)
        if end - i >= 3 or context:
            return _cand(ctx, i, 0, end, "PERS", PATTERN)
        return None
    if context and ctx.name_like(i) and not form.startswith("ال"):
        end = _name_chain(ctx, i + 1, strict=False)
        if context == "title" or (end - i <= 3 and ctx.form(end) in _SAY_END):
            return _cand(ctx, i, 0, end, "PERS", PATTERN_WEAK)
    return None


def _person_context(ctx: Context, i: int) -> str | None:
    """'title' when a title (with its ال complements) precedes word ``i``, 'say' right after a speech verb."""
    kb = ctx.kb
    if ctx.stem_in(i - 1, kb.speech_verbs):
        return "say"
    j = i - 1
    while j >= 0 and i - j <= 5:
        title = ctx.stem_in(j, kb.titles)
        if title and title[1] not in kb.kunya:
            return "title"
        form = ctx.form(j)
        if not (j in ctx.taken or form.startswith("ال") or form in kb.nationality or form == "باسم"):
            return None
        j -= 1
    return None


def organisations(ctx: Context) -> list[Cand]:
    out: list[Cand] = []
    kb = ctx.kb
    for i, word in enumerate(ctx.words):
        if i in ctx.taken:
            continue
        head = ctx.stem_in(i, kb.org_heads)
        if head is None:
            continue
        prefix, key = head
        j, named, nationality = i + 1, False, False
        while j < len(ctx.words) and j - i <= 5:
            form = ctx.form(j)
            if j in ctx.taken:
                c = ctx.taken[j]
                if c.label not in ("GPE", "ORG") or c.start != ctx.words[j].start:
                    break
                j, named = c.last, True
            elif form in kb.nationality:
                j, named, nationality = j + 1, True, True
                break
            elif form.startswith("ال") and _arabic(form) and form not in _GENERIC and form not in kb.triggers \
                    and form not in kb.dates and form not in kb.org_heads:  # fmt: skip
                j, named = j + 1, True
            elif form[:1] == "ل" and ctx.form(j + 1).startswith("ال") and named:  # المرصد السوري لحقوق الإنسان
                j += 1
            else:
                break
        while j - 1 > i and not ctx.form(j - 1).startswith("ال") and ctx.form(j - 1) not in kb.nationality \
                and (j - 1) not in ctx.taken:  # fmt: skip
            j -= 1  # no dangling ل-word at the end
        if named and (j - i >= 2):
            out.append(_cand(ctx, i, prefix, j, "ORG", PATTERN if nationality or j - i >= 3 else PATTERN_WEAK))
    return out


def places(ctx: Context) -> list[Cand]:
    out: list[Cand] = []
    kb = ctx.kb
    for i in range(len(ctx.words) - 1):
        if i in ctx.taken:
            continue
        head = ctx.stem_in(i, kb.place_heads)
        if head is None:
            continue
        prefix, key = head
        label, inside = kb.place_heads[key]
        j = i + 1
        if j in ctx.taken:
            c = ctx.taken[j]
            if not inside or c.start != ctx.words[j].start:
                continue
            end = c.last
        elif _place_name(ctx, j):
            end = j + 1
            if ctx.form(j) in _COMPOUND_PLACE and (_place_name(ctx, j + 1) or (j + 1) in ctx.taken):
                end = ctx.taken[j + 1].last if (j + 1) in ctx.taken else j + 2
        else:
            continue
        if inside:
            while end < len(ctx.words) and end - i < 5 and ctx.family(end) and ctx.form(end) not in kb.stopwords:
                end += 1  # trailing adjectives: مطار المزة العسكري
            out.append(_cand(ctx, i, prefix, end, label, PATTERN))
        else:
            out.append(_cand(ctx, j, 0, end, label, PATTERN_WEAK if key.startswith("ال") else PATTERN))
    return out


def _place_name(ctx: Context, j: int) -> bool:
    form = ctx.form(j)
    if not _arabic(form) or j in ctx.taken or ctx.kb.lexical(form) or form in ctx.kb.nationality:
        return False
    if form.startswith("ال"):
        return len(form) >= 4
    return not form.endswith(("ي", "يه", "يين", "يون")) or form in _COMPOUND_PLACE
