"""Word tokens with offsets, and proclitic splitting.

``word_tokens`` gives exactly the tokens of camel-tools' ``simple_word_tokenize``
(whitespace splits; each punctuation mark, symbol or emoji is a token of its
own) but with their code-point offsets. ``tokenize`` then splits an Arabic
word's proclitics (و ف ب ل ك, one token for the cluster) from its stem by
``hakam.core.arabic.proclitic_length``, so that in وبالباغوز the name الباغوز is
a whole token:

- before the article: و/ف + ب/ك/ل + ال… (وبالرقة → وب + الرقة);
- ل + ال written لل (للجيش → ل + لجيش, the alef is not written);
- before a word the caller knows (لدمشق → ل + دمشق when دمشق is known), and at
  any extra boundary the caller gives (e.g. where an annotated span starts).

Without a lexicon a bare و/ب/ل/ك/ف is ambiguous (وزارة, بغداد, كركوك), so it
is only split when one of the rules above says so.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

import regex

from hakam.core.arabic import proclitic_length

_EMOJI = (
    r"(?:\p{RI}\p{RI}|(?![0-9#*]|\p{EMod})\p{Emoji}(?:\p{EMod}|\uFE0F\u20E3?|[\U000E0020-\U000E007E]+\U000E007F)?"
    r"(?:\u200D(?:\p{RI}\p{RI}|\p{Emoji}(?:\p{EMod}|\uFE0F\u20E3?"
    r"|[\U000E0020-\U000E007E]+\U000E007F)?))*)"
)
_SYMBOL = r"(?:[0-9*#]\u20e3|\p{S}|\p{P})"
_WORD_RE = regex.compile(rf"{_EMOJI}|{_SYMBOL}|(?:(?!{_SYMBOL}|{_EMOJI})\S)+")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    clitic: bool = False  # a proclitic cluster split off the following token

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


def word_tokens(text: str) -> list[Token]:
    """Tokens of ``simple_word_tokenize`` with offsets."""
    return [Token(m.start(), m.end()) for m in _WORD_RE.finditer(text)]


def tokenize(
    text: str,
    known: Callable[[str], bool] | Collection[str] | None = None,
    splits: Iterable[int] = (),
) -> list[Token]:
    """Clitic-split tokens of ``text``.

    ``known`` tells whether a normalised word is a known stem (a set or a
    predicate); ``splits`` are extra offsets at which a token must be cut.
    """
    if known is not None and not callable(known):
        known = known.__contains__
    cut_at = sorted(set(splits))
    tokens: list[Token] = []
    for token in word_tokens(text):
        word = text[token.start : token.end]
        clitic = proclitic_length(word, known)
        cuts = [token.start + clitic] if clitic else []
        cuts += [c for c in _within(cut_at, token.start, token.end) if c not in cuts]
        start = token.start
        for cut in sorted(cuts):
            tokens.append(Token(start, cut, clitic=cut == token.start + clitic and bool(clitic)))
            start = cut
        tokens.append(Token(start, token.end))
    return tokens


def _within(sorted_offsets: list[int], start: int, end: int) -> list[int]:
    from bisect import bisect_right

    i = bisect_right(sorted_offsets, start)
    out = []
    while i < len(sorted_offsets) and sorted_offsets[i] < end:
        out.append(sorted_offsets[i])
        i += 1
    return out
