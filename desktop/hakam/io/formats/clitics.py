"""Trim proclitics from spans that a corpus drew over whole tokens.

Corpora such as ANERcorp tag whitespace tokens, so a span may start with و ف ب ل ك
(وإسرائيل, بواشنطن, للأمم). Hakam's rule leaves them out (للأمم → لأمم: only the
first ل is cut). The cut follows ``hakam.core.tokenize``: before the article it
is always made; a bare prefix is cut only when what remains is a word the
caller knows (``known``: normalised word -> how often the corpus tags it as
part of an entity) at least as often as the whole word and of three letters or
more, so وزارة, فرنسا and بريان (with ريان rarer) stay whole.
"""

from __future__ import annotations

from collections.abc import Mapping

from hakam.core.arabic import normalize_word
from hakam.core.model import Span
from hakam.core.tokenize import tokenize

_MIN_STEM = 3


def proclitic_length(word: str, known: Mapping[str, int] | None = None) -> int:
    """Length of the proclitic cluster at the start of ``word`` (0 when none)."""
    known = known or {}
    whole = normalize_word(word)
    floor = max(1, known.get(whole, 0))
    tokens = tokenize(word, known=lambda w: w != whole and len(w) >= _MIN_STEM and known.get(w, 0) >= floor)
    if len(tokens) > 1 and tokens[0].clitic and tokens[0].start == 0:
        return tokens[0].end
    return 0


def trim_span(span: Span, text: str, known: Mapping[str, int] | None = None) -> Span:
    """``span`` without the proclitics of its first token (itself when none)."""
    first = text[span.start : span.end].split(" ", 1)[0].split("\n", 1)[0]
    cut = proclitic_length(first, known)
    if not cut or cut >= len(first):
        return span
    return Span(span.start + cut, span.end, span.label, span.score, span.source)
