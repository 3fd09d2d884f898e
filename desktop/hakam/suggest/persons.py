"""PERS patterns: given names and what follows them, names after titles, speech
verbs and nationality nouns (البرازيلي جوليو سيزار), runs of name-like words
(``namelike``: كلاوس بيكارد), and later mentions of a known person by surname."""

from __future__ import annotations

from hakam.core.arabic import match_keys, stems
from hakam.suggest import frequency
from hakam.suggest.cands import PATTERN, PATTERN_WEAK, Cand, scan
from hakam.suggest.context import SPEAKER_OF, Context, arabic, definite
from hakam.suggest.namelike import STRONG, WEAK, common_word, level

_NASAB = match_keys({"بن", "ابن", "بنت", "ابنه"})
_ABD = "عبد"
_ALI = "علي"
_SAY_END = match_keys({"ان", "انه", "انها", "بان", "،", ",", ":", "«", '"', "في", "خلال", "امس", "اليوم", "."})
_NAMING = match_keys({"يدعى", "تدعى", "يدعي", "المدعو", "المدعوه", "يدعون", "يدعيان", "اسمه", "اسمها"})
_COMPASS = match_keys({"الجنوبي", "الشمالي", "الجنوبيه", "الشماليه", "الغربي", "الشرقي"})  # الكوري الجنوبي
_NOT_SAYING = match_keys({"بين"})  # "between" far more often than "showed"
_CHAIN_MAX = 4
_REGNAL = match_keys(
    {"الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر", "الحادي"}
)
_TEENS = match_keys({"عشر"})
_RARE = 3  # Zipf below which a plain word after a given name is taken for a family name
_TITLE_REACH = 7


def _first_name_at(ctx: Context, i: int, clitics: bool = True) -> tuple[int, int] | None:
    """(prefix, words) of a given name starting at word ``i`` (عبد الله is two words)."""
    kb = ctx.kb
    readings = stems(ctx.form(i)) if clitics else [(0, ctx.form(i))]
    for prefix, key in readings:
        if key in kb.first_names and ctx.spelled(i, prefix, kb.first_name_spellings.get(key)):
            if key in SPEAKER_OF and (ctx.title_at(i - 1) or ctx.form(i + 1).startswith("ال")):
                return None
            if key == _ALI and not _name_follows(ctx, i + 1):
                return None  # على written علي, as many writers do: علي الرغم, علي أيدي
            return prefix, 1
        if key.startswith(_ABD) and f"{_ABD} {key[3:]}" in kb.first_names:
            return prefix, 1  # عبدالله, عبدالرحمن written as one word
        if key in kb.first_name_heads and f"{key} {ctx.form(i + 1)}" in kb.first_names:
            return prefix, 2
    return None


def _name_follows(ctx: Context, j: int) -> bool:
    """Word ``j`` goes on a name: a given name, nasab, عبد, a name-like word or an ال
    family name of the nisba kind (علي الهاشمي), or nothing (the end of a clause)."""
    form = ctx.form(j)
    if not arabic(form) or form in _NASAB or form == _ABD or _first_name_at(ctx, j, clitics=False):
        return True
    if definite(form):
        return form.endswith("ي") and ctx.family(j)
    return _looks(ctx, j, WEAK)


def _name_chain(ctx: Context, j: int, strict: bool) -> int:
    """End (exclusive) of the name words from word ``j``; strict: only clearly name-like words."""
    limit = min(j + _CHAIN_MAX, len(ctx.words))
    kunya = ctx.kb.kunya
    while j < limit and j not in ctx.taken and not ctx.title_at(j):  # خوان كارلوس ملك إسبانيا
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
        elif ctx.family(j) or (
            ctx.plain_word(j, initial_fa=level(form) >= WEAK)
            and not _feminine(ctx, j)
            and not common_word(form)
            and (not strict or ctx.family(after) or _looks(ctx, j, WEAK) or _rare_or_abd(form))
        ):
            j += 1  # strict: محمد شياع السوداني, a middle name only before a family name or name-like
        else:
            break
    if ctx.form(j) in _REGNAL and j > 0 and _first_name_at(ctx, j - 1, clitics=False):
        j += 1  # الملك عبدالله الثاني, البابا بنديكت السادس عشر
        if ctx.form(j) in _TEENS:
            j += 1
    return min(j, len(ctx.words))


def _looks(ctx: Context, j: int, at_least: int) -> bool:
    """Word ``j`` is a plain word at least that name-like (``namelike.level``)."""
    return ctx.plain_word(j) and level(ctx.form(j)) >= at_least


def _rare_or_abd(form: str) -> bool:
    """A word general text hardly knows (ماتيراتزي) or a compound عبد name (عبدالواحد)."""
    return frequency.zipf(form) < _RARE or form.startswith(_ABD) and len(form) > 5


def _feminine(ctx: Context, j: int) -> bool:
    """A word written with ة (بإعادة): a common noun, unless it is a listed given name."""
    word = ctx.words[j]
    return ctx.text.original_form(word.start, word.end).endswith("ة")


def persons(ctx: Context) -> list[Cand]:
    return scan(len(ctx.words), lambda i: None if i in ctx.taken else _person_at(ctx, i))


def joined(ctx: Context, entities: list[Cand]) -> list[Cand]:
    """Two person names side by side are one (جان دافيد + ليفيت): rules that start at
    different words found its parts."""
    out: list[Cand] = []
    for c in entities:
        last = out[-1] if out else None
        if last and last.label == c.label == "PERS" and last.last == c.first and c.start == ctx.words[c.first].start:
            out[-1] = Cand(last.start, c.end, "PERS", min(last.score, c.score), last.first, c.last)
        else:
            out.append(c)
    return out


def _person_at(ctx: Context, i: int) -> Cand | None:
    first = _first_name_at(ctx, i)
    form = ctx.form(i)
    kunya = form in ctx.kb.kunya and (ctx.name_like(i + 1) or ctx.family(i + 1))
    if not (first or kunya) and (form.startswith("ال") or not ctx.plain_word(i)):
        return None  # a name starts with a given name, a kunya or a plain word without the article
    context = _context(ctx, i)
    if first:
        end = _name_chain(ctx, i + first[1], strict=context in (None, "nationality"))
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
    if context and context != "nationality":
        end = _name_chain(ctx, i + 1, strict=False)
        plain = all(ctx.plain_word(k) or ctx.family(k) for k in range(i, end))
        construct = end in ctx.taken or definite(ctx.form(end))  # قائد عمليات ديالى: a title goes on
        named = context == "title" or all(_looks(ctx, k, WEAK) for k in range(i, end))  # وقال بلير لمحطة
        if plain and not construct and (named or (end - i <= 3 and ctx.stem_in(end, _SAY_END))):
            return ctx.cand(i, 0, end, "PERS", PATTERN_WEAK)
    return _unlisted(ctx, i, context)


def _unlisted(ctx: Context, i: int, context: str | None) -> Cand | None:
    """Name-like words (``namelike``) or surnames of listed persons (بلير of توني بلير)
    without a given name: two or more, nearly all strongly name-like (كلاوس بيكارد),
    or one after a title or a verb of saying, or a listed surname that looks like a name."""
    first = _reading(ctx, i, True)
    if first is None:
        return None
    prefix, strength = first
    strengths = [strength]
    end = i + 1
    while end < len(ctx.words) and end - i < _CHAIN_MAX and (found := _reading(ctx, end, False)):
        strengths.append(found[1])
        end += 1
    strong = sum(s >= STRONG for s in strengths)
    if len(strengths) >= 2 and strong >= len(strengths) - 1 or len(strengths) == 1 and (context or strength > STRONG):
        return ctx.cand(i, prefix, end, "PERS", PATTERN_WEAK)
    return None


def _reading(ctx: Context, i: int, first: bool) -> tuple[int, int] | None:
    """(prefix, strength) of word ``i`` as part of a name: a listed surname (``STRONG`` + 1,
    when it also looks like a name) or its ``namelike.level``; the first word may carry a
    proclitic (لفرويد)."""
    if i in ctx.taken:
        return None
    best: tuple[int, int] | None = None
    for prefix, key in stems(ctx.form(i)) if first else ((0, ctx.form(i)),):
        strength = level(key)  # cached: the cheap test first
        if key in ctx.kb.surnames:
            strength = STRONG + 1 if strength else STRONG
        if strength < WEAK or best is not None and strength <= best[1] or key in ctx.kb.first_names:
            continue
        if (prefix or ctx.plain_word(i, initial_fa=True)) and ctx.name_like(i) and not _feminine(ctx, i):
            best = prefix, strength  # وبلير: و + بلير (a listed surname), not وب + لير
    return best


def _context(ctx: Context, i: int) -> str | None:
    """'title' when a title (with its complements) or a naming word precedes word ``i``,
    'say' right after a speech verb, 'nationality' after a nationality noun."""
    kb = ctx.kb
    if ctx.stem_in(i - 1, kb.speech_verbs) and ctx.form(i - 1) not in _NOT_SAYING:
        return "say"
    if ctx.stem_in(i - 1, _NAMING):
        return "title"
    if _nationality_noun(ctx, i - 1):
        return "nationality"
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


def _nationality_noun(ctx: Context, j: int) -> bool:
    """A nationality adjective used as a noun just before a name (والتشيكي توماس,
    على الأمريكية ميغان, الكوري الجنوبي هيونغ), not one after a noun (الجيش السوري)."""
    if ctx.form(j) in _COMPASS:
        j -= 1
    form = ctx.form(j)
    readings = [key for _, key in stems(form)]
    if not any(definite(key) and key in ctx.kb.nationality for key in readings) or j in ctx.taken:
        return False
    before = ctx.form(j - 1)
    return not (definite(before) or (j - 1) in ctx.taken) or form != readings[-1]


def coordinated(ctx: Context, entities: list[Cand]) -> list[Cand]:
    """Persons in a list after a person (بوش وبلير, نور الشريف وأحمد مظهر): a given name or
    a name-like word with و right after a person's name."""
    covered = {w for c in entities for w in range(c.first, c.last)}
    out: list[Cand] = []
    queue = sorted((c for c in entities if c.label == "PERS"), key=lambda c: c.first)
    while queue:
        j = queue.pop(0).last
        if j in covered or not ctx.form(j).startswith("و"):
            continue
        first = _first_name_at(ctx, j)
        if first and first[0] == 1:
            found = ctx.cand(j, 1, _name_chain(ctx, j + first[1], strict=False), "PERS", PATTERN_WEAK)
        else:
            reading = _reading(ctx, j, True)
            found = None
            if reading and reading[0] == 1:
                end = j + 1
                while end < len(ctx.words) and end - j < _CHAIN_MAX and _reading(ctx, end, False):
                    end += 1
                found = ctx.cand(j, 1, end, "PERS", PATTERN_WEAK)
        if found and covered.isdisjoint(range(found.first, found.last)):
            out.append(found)
            covered.update(range(found.first, found.last))
            queue.append(found)
    return out


def surnames(ctx: Context, entities: list[Cand]) -> list[Cand]:
    """Later mentions of a person by the last word of a full name found earlier (وقال تورك),
    or by its given name when that looks like a name."""
    first_seen: dict[str, int] = {}
    for c in entities:
        if c.label == "PERS" and c.last - c.first >= 2 and c.score >= PATTERN_WEAK:
            last = ctx.form(c.last - 1)
            sure = c.score >= PATTERN or level(last) >= WEAK  # a weak find lends only name-like surnames
            if sure and len(last) >= 3 and not ctx.kb.lexical(last) and last not in ctx.kb.stopwords:
                first_seen.setdefault(last, c.last)
            given = ctx.form(c.first)[c.start - ctx.words[c.first].start :]
            if level(given) >= WEAK and not ctx.kb.lexical(given):
                first_seen.setdefault(given, c.last)  # a name-like given name alone later (كريستيانو)
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
