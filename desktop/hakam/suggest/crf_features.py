"""Token features for the CRF taggers.

Tokens are ``hakam.core.tokenize.tokenize`` tokens (proclitics split off, with
the gazetteer vocabulary as known stems so لدمشق splits). Each token gets its
normalised form, affixes, word shape, what the lexicons and gazetteers say
about it (with its BIO position in a gazetteer name) and what the rule
suggester proposed there, plus the same for two tokens on each side.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from hakam.core.model import Span
from hakam.core.normalize import normalize_word
from hakam.core.tokenize import Token, tokenize
from hakam.suggest.kb import KB

WINDOW = (-2, -1, 1, 2)
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def doc_tokens(text: str, kb: KB, splits: Sequence[int] = ()) -> list[Token]:
    """Clitic-split tokens; a proclitic is split before any word the knowledge base knows."""
    return tokenize(text, kb.vocabulary.__contains__, splits)


def shape(form: str) -> str:
    if form.isdigit():
        return "digit"
    if not form[0].isalnum():
        return "punct"
    if form[0] in _LATIN:
        return "latin"
    return "arabic" if form.isalpha() else "mixed"


def bio(tokens: Sequence[Token], spans: Sequence[Span], prefix: str = "") -> list[str]:
    """B-/I- tags of ``spans`` over ``tokens`` (a token inside a span, by offsets)."""
    tags = ["O"] * len(tokens)
    starts = [t.start for t in tokens]
    for span in spans:
        first = True
        k = bisect_left(starts, span.start)
        while k < len(tokens) and tokens[k].end <= span.end:
            tags[k] = f"{'B' if first else 'I'}-{prefix}{span.label}"
            first = False
            k += 1
    return tags


def _lexical(form: str, kb: KB) -> list[str]:
    out = []
    bare = form[2:] if form.startswith("ال") else form
    if form in kb.first_names:
        out.append("first_name")
    if form in kb.titles:
        out.append("title=" + kb.titles[form])
    if form in kb.org_heads or bare in kb.org_heads:
        out.append("org_head")
    head = kb.place_heads.get(form) or kb.place_heads.get(bare)
    if head:
        out.append(f"place_head={head[0]}:{'in' if head[1] else 'out'}")
    if form in kb.nationality:
        out.append("nationality")
    for trigger in kb.triggers.get(form, ())[:2]:
        out.append(f"trigger={trigger.type}:{'amb' if trigger.ambiguous else len(trigger.words)}")
    if form in kb.dates:
        out.append("date=" + kb.dates[form][0])
    if form in kb.numbers:
        out.append("number" if kb.numbers[form] is not None else "vague_number")
    if form in kb.stopwords:
        out.append("stop")
    if form in kb.speech_verbs:
        out.append("speech")
    if form in kb.gazetteer.ambiguous:
        out.append("ambiguous_name")
    return out


def token_features(
    text: str, tokens: Sequence[Token], kb: KB, hints: Sequence[Sequence[str]]
) -> list[list[str]]:
    """Feature strings per token; ``hints`` are per-token tags from other sources
    (gazetteer BIO, rule suggestions), added as they are."""
    own: list[list[str]] = []
    for k, token in enumerate(tokens):
        form = normalize_word(text[token.start : token.end])
        kind = shape(form)
        feats = [f"w={form}", f"shape={kind}", f"len={min(len(form), 8)}"]
        if kind == "arabic":
            feats += [f"p2={form[:2]}", f"p3={form[:3]}", f"s1={form[-1:]}", f"s2={form[-2:]}", f"s3={form[-3:]}"]
            if form.startswith("ال"):
                feats.append("al")
        if token.clitic:
            feats.append("clitic=" + form)
        elif k and tokens[k - 1].clitic and tokens[k - 1].end == token.start:
            feats.append("after_clitic=" + normalize_word(text[tokens[k - 1].start : tokens[k - 1].end]))
        feats += _lexical(form, kb)
        feats += [hint for hint in hints[k] if hint]
        own.append(feats)
    out = []
    n = len(own)
    for k in range(n):
        feats = ["bias", *own[k]]
        for offset in WINDOW:
            j = k + offset
            if 0 <= j < n:
                feats += [f"{offset}:{f}" for f in own[j] if not f.startswith(("p2=", "p3=", "s1=", "s2=", "len="))]
            else:
                feats.append(f"{offset}:edge")
        out.append(feats)
    return out
