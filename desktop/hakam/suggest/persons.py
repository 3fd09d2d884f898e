"""PERS patterns: given names and what follows them, names after titles and speech
verbs, and later mentions of a known person by surname."""

from __future__ import annotations

from hakam.core.arabic import match_keys, stems
from hakam.suggest.cands import PATTERN, PATTERN_WEAK, Cand, scan
from hakam.suggest.context import SPEAKER_OF, Context, definite

_NASAB = match_keys({"بن", "ابن", "بنت", "ابنه"})
_ABD = "عبد"
_SAY_END = match_keys({"ان", "،", ",", ":", "«", '"', "في", "خلال", "امس", "اليوم", "."})
_NAMING = match_keys({"يدعى", "تدعى", "يدعي", "المدعو", "المدعوه", "يدعون", "يدعيان", "اسمه", "اسمها"})
_CHAIN_MAX = 4
_TITLE_REACH = 7


def _first_name_at(ctx: Context, i: int, clitics: bool = True) -> tuple[int, int] | None:
    """(prefix, words) of a given name starting at word ``i`` (عبد الله is two words)."""
    kb = ctx.kb
    readings = stems(ctx.form(i)) if clitics else [(0, ctx.form(i))]
    for prefix, key in readings:
        if key in kb.first_names and ctx.spelled(i, prefix, kb.first_name_spellings.get(key)):
            if key in SPEAKER_OF and (ctx.title_at(i - 1) or ctx.form(i + 1).startswith("ال")):
                return None
            return prefix, 1
        if key in kb.first_name_heads and f"{key} {ctx.form(i + 1)}" in kb.first_names:
            return prefix, 2
    return None


def _name_chain(ctx: Context, j: int, strict: bool) -> int:
    """End (exclusive) of the name words from word ``j``; strict: only clearly name-like words."""
    limit = min(j + _CHAIN_MAX, len(ctx.words))
    kunya = ctx.kb.kunya
    while j < limit and j not in ctx.taken:
        form, after = ctx.form(j), j + 1
        first = _first_name_at(ctx, j, clitics=False)
        if first:
            j += first[1]
        elif (
            (form in _NASAB or form in kunya)
            and (ctx.name_like(after) or ctx.family(after) or _first_name_at(ctx, after))
            or form == _ABD
            and ctx.form(after).startswith("ال")
        ):
            j += 2
        elif ctx.family(j) or (ctx.plain_word(j) and not _feminine(ctx, j) and (not strict or ctx.family(after))):
            j += 1  # strict: محمد شياع السوداني, a middle name only before a family name
        else:
            break
    return min(j, len(ctx.words))


def _feminine(ctx: Context, j: int) -> bool:
    """A word written with ة (بإعادة): a common noun, unless it is a listed given name."""
    word = ctx.words[j]
    return ctx.text.original_form(word.start, word.end).endswith("ة")


def persons(ctx: Context) -> list[Cand]:
    return scan(len(ctx.words), lambda i: None if i in ctx.taken else _person_at(ctx, i))


def _person_at(ctx: Context, i: int) -> Cand | None:
    first = _first_name_at(ctx, i)
    form = ctx.form(i)
    kunya = form in ctx.kb.kunya and (ctx.name_like(i + 1) or ctx.family(i + 1))
    if not (first or kunya) and (form.startswith("ال") or not ctx.plain_word(i)):
        return None  # a name starts with a given name, a kunya or a plain word without the article
    context = _context(ctx, i)
    if first:
        end = _name_chain(ctx, i + first[1], strict=context is None)
        single_word = first[1] == end - i
        bounded = ctx.stem_in(end, _SAY_END) is not None or end >= len(ctx.words)  # المحافظ وعد بإعادة: a verb
        if not single_word or (context and ctx.form(i) not in ctx.kb.stopwords and bounded):
            return ctx.cand(i, first[0], end, "PERS", PATTERN)
        return None
    if kunya:
        end = _name_chain(ctx, i + 2, strict=False)
        if end - i >= 3 or context:
            return ctx.cand(i, 0, end, "PERS", PATTERN)
        return None
    if context:
        end = _name_chain(ctx, i + 1, strict=False)
        plain = all(ctx.plain_word(k) or ctx.family(k) for k in range(i, end))
        construct = end in ctx.taken or definite(ctx.form(end))  # قائد عمليات ديالى: a title goes on
        if plain and not construct and (context == "title" or (end - i <= 3 and ctx.stem_in(end, _SAY_END))):
            return ctx.cand(i, 0, end, "PERS", PATTERN_WEAK)
    return None


def _context(ctx: Context, i: int) -> str | None:
    """'title' when a title (with its complements) or a naming word precedes word ``i``,
    'say' right after a speech verb."""
    kb = ctx.kb
    if ctx.stem_in(i - 1, kb.speech_verbs):
        return "say"
    if ctx.stem_in(i - 1, _NAMING):
        return "title"
    j = i - 1
    while j >= 0 and i - j <= _TITLE_REACH:
        if ctx.title_at(j):
            return "title"
        form = ctx.form(j)
        complement = (
            form.startswith("ال")
            or form[1:3] == "ال"
            or form in kb.nationality
            or form in SPEAKER_OF
            or ctx.stem_in(j, kb.org_heads)
            or ctx.stem_in(j, kb.place_heads)
        )  # رئيس بلدية بريتال حسين مظلوم
        if ctx.taken.get(j) and ctx.taken[j].label in ("PERS", "DATE"):
            return None  # the title's person was named already
        if not (j in ctx.taken or complement):
            return None
        j -= 1
    return None


def surnames(ctx: Context, entities: list[Cand]) -> list[Cand]:
    """Later mentions of a person by the last word of a full name found earlier (وقال تورك)."""
    first_seen: dict[str, int] = {}
    for c in entities:
        if c.label == "PERS" and c.last - c.first >= 2 and c.score >= PATTERN:
            last = ctx.form(c.last - 1)
            if len(last) >= 3 and not ctx.kb.lexical(last) and last not in ctx.kb.stopwords:
                first_seen.setdefault(last, c.last)
    if not first_seen:
        return []
    covered = {w for c in entities for w in range(c.first, c.last)}
    out = []
    for i in range(len(ctx.words)):
        if i in covered:
            continue
        for prefix, key in stems(ctx.form(i)):
            if first_seen.get(key, len(ctx.words)) <= i:
                out.append(ctx.cand(i, prefix, i + 1, "PERS", PATTERN_WEAK))
                break
    return out
