"""Place patterns: a place head (place_heads: مدينة، قرية، مخيم، مطار …) and the
name after it. For GPE heads (مدينة أريحا) the head stays outside; for camps,
crossings, roads and facilities (مخيم الهول، مطار المزة العسكري) it is inside,
with the adjectives that close the name."""

from __future__ import annotations

from hakam.core.arabic import match_keys
from hakam.suggest.cands import PATTERN, PATTERN_WEAK, Cand
from hakam.suggest.context import Context, arabic, clitic_article, definite
from hakam.suggest.namelike import common_word

# First words of compound place names (كفر نبل، تل أبيض، دير الزور).
_COMPOUND = match_keys(
    {"كفر", "تل", "عين", "دير", "راس", "جسر", "ابو", "بني", "بيت", "خان", "معره", "جبل", "ام", "قصر", "باب",
     "سيدي", "مرج", "حمام", "بئر", "بير", "وادي", "عرب", "شيخ", "قلعه", "بنت", "نهر", "سد", "تله", "ذي", "ال"}
)  # fmt: skip
# Adjective endings after a feminine or masculine head: an adjective, not a name.
_FEMININE = ("ية", "يات")
_MASCULINE = ("ي", "يين", "يون")
_PLURAL_HEADS = match_keys({"قري", "مدن", "احياء", "ارياف", "مخيمات", "بلدات", "محافظات", "مناطق"})
# Adjectives that follow place heads (مدينة كبرى، منطقة عازلة, مخيمات أخرى).
_GENERIC = match_keys(
    {"اخري", "كبري", "عديده", "مختلفه", "مجاوره", "قريبه", "بعيده", "عازله", "صغيره", "كبيره", "واسعه", "مماثله",
     "جديده", "عده", "متفرقه", "محاذيه", "محتله", "امنه", "نائيه", "مجاور", "قريب", "بعيد", "واحده", "واحد"}
)  # fmt: skip
_ROADS = match_keys({"طريق", "شارع", "محور"})  # طريق النبطية names a town, tagged alone
_ADJECTIVES_MAX = 3
_NAME_MAX = 3


def _place_name(ctx: Context, j: int) -> bool:
    form = ctx.form(j)
    kb = ctx.kb
    if form in _COMPOUND and arabic(form) and j not in ctx.taken:
        return True  # قرية أبو كرمة
    if not arabic(form) or j in ctx.taken or kb.lexical(form) or form in kb.nationality or clitic_article(form):
        return False
    if form.startswith("ال"):
        return definite(form) and form not in kb.stopwords and ctx.family(j)
    if form in _GENERIC or common_word(form) and ctx.stem_in(j - 1, kb.org_heads):
        return False  # مديرية أمن …: after a head of both kinds, a common word names an organisation
    written = ctx.text.original_form(ctx.words[j].start, ctx.words[j].end)
    head = ctx.text.original_form(ctx.words[j - 1].start, ctx.words[j - 1].end)
    feminine = head.endswith(("ة", "ات", "اء")) or ctx.form(j - 1) in _PLURAL_HEADS
    adjective = _FEMININE if feminine else _MASCULINE  # بلدة حدودية، أحياء سكنية، حي سكني
    return not written.endswith(adjective) or form in _COMPOUND


def _facility_adjectives(ctx: Context) -> list[Cand]:
    """Known facilities with the nisba adjectives after them (مستشفى النو التعليمي)."""
    out = []
    for c in {id(c): c for c in ctx.taken.values()}.values():
        end = c.last
        while end < len(ctx.words) and end - c.last < 2 and ctx.adjective(end) and ctx.form(end).endswith(("ي", "يه")) \
                and ctx.form(end) not in ctx.kb.nationality:  # fmt: skip
            end += 1
        if c.label == "FAC" and end > c.last:
            out.append(Cand(c.start, ctx.words[end - 1].end, "FAC", c.score, c.first, end))
    return out


def places(ctx: Context) -> list[Cand]:
    out = _facility_adjectives(ctx)
    kb = ctx.kb
    for i in range(len(ctx.words) - 1):
        head = None if i in ctx.taken else ctx.stem_in(i, kb.place_heads)
        if head is None:
            continue
        prefix, key = head
        label, inside = kb.place_heads[key]
        j = i + 1
        if j in ctx.taken:
            c = ctx.taken[j]
            if not inside or c.start != ctx.words[j].start or c.label != "GPE" or key in _ROADS:
                continue
            end = c.last
        elif _place_name(ctx, j):
            end = j + 1
            if ctx.form(j) in _COMPOUND and (_place_name(ctx, j + 1) or (j + 1) in ctx.taken):
                end = ctx.taken[j + 1].last if (j + 1) in ctx.taken else j + 2
        else:
            continue
        if inside:
            while ctx.form(j) in kb.first_names and end - j < _NAME_MAX and ctx.plain_word(end) \
                    and not ctx.form(end).startswith("ال"):  # fmt: skip
                end += 1  # named after a person: مستشفى رجب طيب أردوغان
            stop = end + _ADJECTIVES_MAX
            while end < min(stop, len(ctx.words)) and ctx.adjective(end):
                end += 1  # مطار المزة العسكري, مستشفى كركوك العام
            out.append(ctx.cand(i, prefix, end, label, PATTERN))
        else:
            out.append(ctx.cand(j, 0, end, label, PATTERN_WEAK if key.startswith("ال") else PATTERN))
    return out
