"""ORG patterns: a head word (org_heads) and the name after it, and acronyms in
quotes after an organisation's name.

- A head without the article takes a name after it: a known organisation or
  place (تنظيم داعش, مجلس الرقة المدني) or ال words (وزارة الدفاع); a head with
  the article only takes adjectives (الجيش السوري, الفرقة الثامنة).
- A nationality adjective with the article closes the name (وزارة الدفاع
  الروسية); without it the group is generic (قوات إسرائيلية), as are قوات
  النظام and words like الحكومية (``_GENERIC``).
- A known ministry, army or police name also takes the adjectives after it
  (وزارة الصحة العامة اللبنانية).
- A head without the article takes a name-like word (جامعة برينستون) or a name
  in quotes (شركة «X»).
"""

from __future__ import annotations

from hakam.core.arabic import match_keys, stems
from hakam.suggest.cands import GAZETTEER, PATTERN, PATTERN_WEAK, Cand
from hakam.suggest.context import Context, arabic, definite
from hakam.suggest.namelike import WEAK, level

_GENERIC = match_keys(
    {"النظام", "الحكوميه", "الحكومه", "الامنيه", "المسلحه", "العسكريه", "الخاصه", "المعارضه", "المواليه",
     "التابعه", "المدعومه", "الاجنبيه", "المشتركه", "الاخرى", "المهاجمه", "المنتشره", "المتمركزه", "الموجوده",
     "المحليه", "المعنيه", "المختصه", "الرسميه", "الحكومي", "الامني", "المسلح", "العسكري", "الاحتلال",
     "المتحاربه", "المتنازعه", "الجماعه", "التنظيم", "الحركه", "الافراد", "الحزب", "المجلس", "الوزاره",
     "الكهربائي", "البضائع", "المدينه", "المحافظه", "المنطقه", "البلاد", "الاطراف", "الفصائل", "الجديده"}
)  # fmt: skip
_EXTENDABLE = match_keys(
    {"وزاره", "الجيش", "جيش", "الشرطه", "شرطه", "المخابرات", "الاستخبارات", "الحرس", "البحريه", "سلاح",
     "القوه", "قوه", "رئاسه", "مديريه", "حكومه", "هيئه", "قياده", "القياده"}
)  # fmt: skip
_FORCES = match_keys({"قوات", "القوات", "عناصر", "وحدات", "الوحدات", "قوى"})
# قوات بونتلاند, جامعة دمشق, نادي بوردو: a head and a place is a name
_GOVERNING = match_keys({"قوات", "جيش", "شرطه", "حكومه", "جامعه", "نادي", "معهد", "كليه", "اكاديميه"})
# Adjectives that may follow a head with the article besides nisba ones (الفرقة الثامنة).
_ADJECTIVES = match_keys(
    {"العام", "العامه", "العليا", "الكبرى", "السامي", "السامية", "الاولى", "الاول", "الثاني", "الثانيه",
     "الثالث", "الثالثه", "الرابع", "الرابعه", "الخامس", "الخامسه", "السادس", "السادسه", "السابع", "السابعه",
     "الثامن", "الثامنه", "التاسع", "التاسعه", "العاشر", "العاشره", "الموحد", "الموحده", "المستقل", "المستقله",
     "الحر", "الحره", "الخاص", "المشترك", "الاحمر", "الدائم", "المؤقت", "المؤقته"}
)  # fmt: skip
_IDIOMS = match_keys({"بقياده", "بقيادة"})  # بقيادة X: "led by", not an organisation
_MAX_WORDS = 6


def _informative(ctx: Context, j: int) -> bool:
    form = ctx.form(j)
    return form not in ctx.kb.stopwords and form not in _GENERIC


def _conjoined(ctx: Context, j: int) -> bool:
    """و + an ال noun that continues a name (الإسعاف والطوارئ), not a second group (والجيش)."""
    form = ctx.form(j)[1:]
    kb = ctx.kb
    return definite(form) and j not in ctx.taken and form not in _GENERIC and form not in kb.nationality \
        and not any(w in kb.org_heads for w in (form, form[2:])) and form not in kb.triggers  # fmt: skip


def organisations(ctx: Context) -> list[Cand]:
    out = []
    for i in range(len(ctx.words) - 1):
        found = None if i in ctx.taken else _org_at(ctx, i)
        if found:
            out.append(found)
    return out + _extended(ctx) + _quoted(ctx)


_OPEN, _CLOSE = ("«", '"'), ("»", '"')


def _quoted(ctx: Context) -> list[Cand]:
    """A name in quotes right after a head word (صحيفة «الأهرام», شركة «جنرال موتورز»)."""
    out = []
    for i in range(len(ctx.words) - 2):
        if ctx.form(i + 1) not in _OPEN or i in ctx.taken or definite(ctx.form(i)):
            continue
        if not ctx.stem_in(i, ctx.kb.org_heads):
            continue
        end = i + 2
        while end < len(ctx.words) and end - i <= 6 and ctx.form(end) not in _CLOSE and end not in ctx.taken:
            end += 1
        if ctx.form(end) in _CLOSE and end > i + 2 and not any(ctx.kb.lexical(ctx.form(k)) for k in range(i + 2, end)):
            out.append(ctx.cand(i + 2, 0, end, "ORG", PATTERN))
    return out


def _org_at(ctx: Context, i: int) -> Cand | None:
    kb = ctx.kb
    head = ctx.stem_in(i, kb.org_heads)
    if head is None or ctx.form(i) in _IDIOMS:
        return None
    prefix, key = head
    head_definite = key.startswith("ال")
    nxt = ctx.form(i + 1)
    if key in _FORCES and ctx.stem_in(i + 1, kb.org_heads):
        return None  # قوات الجيش اليمني: the inner head starts the name
    if key in kb.place_heads and ((i + 1) in ctx.taken and ctx.taken[i + 1].label != "ORG" or not nxt.startswith("ال")):
        return None  # مديرية كتاف is a place
    j, informative, known, name_words = i + 1, False, False, False
    while j < len(ctx.words) and j - i < _MAX_WORDS:
        form = ctx.form(j)
        if j in ctx.taken:
            c = ctx.taken[j]
            starts_here = c.start == ctx.words[j].start
            after_lam = form[:1] == "ل" and c.start == ctx.words[j].start + 1 and informative
            if (
                head_definite
                and not after_lam
                or not (starts_here or after_lam)
                or c.label not in ("ORG", "GPE", "LOC")
            ):
                break
            j, informative, known = c.last, True, known or c.label == "ORG" or after_lam
        elif form in kb.nationality:
            if form.startswith("ال"):
                j, informative = j + 1, True
            break
        elif definite(form) and arabic(form) and form not in _GENERIC and form not in kb.triggers \
                and form not in kb.dates and not ctx.stem_in(j, kb.org_heads) \
                and (not head_definite or form.endswith(("ي", "يه", "يين")) or form in _ADJECTIVES):  # fmt: skip
            j, informative = j + 1, informative or _informative(ctx, j)
        elif not head_definite and (j == i + 1 or name_words) and ctx.plain_word(j) and level(form) >= WEAK:
            j, informative, name_words = j + 1, True, True  # جامعة آستون, شركة موتورولا
        elif form[:1] == "ل" and arabic(form) and definite(ctx.form(j + 1)) and j > i + 1:
            j += 1  # المرصد السوري لحقوق الإنسان
        elif form[:3] == "وال" and informative and _conjoined(ctx, j):
            j += 1  # جهاز الإسعاف والطوارئ
        else:
            break
    while j - 1 > i and not definite(ctx.form(j - 1).removeprefix("و")) and (j - 1) not in ctx.taken:
        j -= 1  # no dangling ل word at the end
    if not informative or j - i < 2:
        return None
    only_place = (i + 1) in ctx.taken and ctx.taken[i + 1].last == j and ctx.taken[i + 1].label != "ORG"
    if only_place and key not in _GOVERNING:
        return None  # قيادة الولايات المتحدة, حكومة السودان: a descriptor and a place
    score = GAZETTEER if known else PATTERN if j - i >= 3 or ctx.form(j - 1) in kb.nationality else PATTERN_WEAK
    return ctx.cand(i, prefix, j, "ORG", score)


def _extended(ctx: Context) -> list[Cand]:
    """Known ministry/army names with the adjectives after them (… العامة اللبنانية)."""
    out = []
    seen: set[int] = set()
    for c in ctx.taken.values():
        if c.label != "ORG" or c.first in seen or not any(k in _EXTENDABLE for _, k in stems(ctx.form(c.first))):
            continue
        seen.add(c.first)
        j = c.last
        while j < len(ctx.words) and j - c.last < 3 and ctx.adjective(j) and ctx.form(j) not in ctx.kb.nationality:
            j += 1
        if ctx.form(j) in ctx.kb.nationality and ctx.form(j).startswith("ال") and j not in ctx.taken:
            out.append(Cand(c.start, ctx.words[j].end, "ORG", c.score, c.first, j + 1))
    return out


def acronyms(ctx: Context, entities: list[Cand]) -> list[Cand]:
    """«X» right after an organisation's name is its short name, and so is X later on."""
    covered = {w for c in entities for w in range(c.first, c.last)}
    short: set[str] = set()
    out = []
    for c in entities:
        if c.label != "ORG":
            continue
        j = c.last
        while j in covered and ctx.taken.get(j, c).label in ("GPE", "LOC") or ctx.form(j) == "في" and j - c.last < 3:
            j += 1  # مكتب الأمم المتحدة … في دمشق «أوتشا»
        if ctx.form(j) == "«" and ctx.form(j + 2) == "»" and ctx.name_like(j + 1) and (j + 1) not in covered:
            out.append(ctx.cand(j + 1, 0, j + 2, "ORG", PATTERN))
            short.add(ctx.form(j + 1))
            covered.add(j + 1)
    for i, word in enumerate(ctx.words):
        if i not in covered:
            found = next(((p, k) for p, k in stems(word.form) if k in short), None)
            if found:
                out.append(ctx.cand(i, found[0], i + 1, "ORG", PATTERN_WEAK))
    return out
