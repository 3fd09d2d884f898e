"""Token features for the CRF taggers.

Tokens are ``hakam.core.tokenize.tokenize`` tokens (proclitics split off, with
the gazetteer vocabulary as known stems so لدمشق splits). Each token gets its
normalised form, affixes, word shape, what the lexicons and gazetteers say
about it (with its BIO position in a gazetteer name, and where it stands in
listed names), how it behaves in general Arabic text (``frequency``), how much
its letters look like a name's (``nameness``) and what the rule suggester
proposed there, plus the same for two tokens on each side.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from hakam.core.arabic import normalize_word
from hakam.core.model import Span
from hakam.core.tokenize import Token, tokenize, word_tokens
from hakam.suggest import frequency, nameness
from hakam.suggest.kb import KB

WINDOW = (-2, -1, 1, 2)
_MARKS = "<marks>"  # a token of diacritics or tatweel only (لـ split before أنقرة)
WordParts = dict[str, tuple[tuple[int, int, bool], ...]]  # word -> its tokens (offsets in the word)
_WORD_PARTS_MAX = 100_000
# The token itself only: affixes, length, and its own frequency (neighbours' frequency
# cost time and, measured on held-out data, helped nothing).
_LOCAL = ("p1=", "p2=", "p3=", "p4=", "s1=", "s2=", "s3=", "s4=", "len=", "zf=")
_FAR = ("w=", "rule=", "rtrig=")
_FAR_LEXICAL = ("first_name", "org_head", "title=", "nationality", "place_head=")  # also seen ±2 away
_NEAR_HINTS = (*_FAR, "gz=")  # hints also seen ±1 away
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def doc_tokens(text: str, kb: KB, splits: Sequence[int] = (), cache: WordParts | None = None) -> list[Token]:
    """Clitic-split tokens; a proclitic is split before a word of three letters or more
    that the knowledge base knows (not before فر in كفر). Without ``splits`` and with
    a ``cache``, each distinct word is split once (by ``tokenize`` itself) and reused."""
    known = kb.vocabulary.__contains__
    if splits or cache is None:
        return tokenize(text, known, splits)
    tokens: list[Token] = []
    for word in word_tokens(text):
        surface = text[word.start : word.end]
        parts = cache.get(surface)
        if parts is None:
            if len(cache) > _WORD_PARTS_MAX:
                cache.clear()
            parts = cache[surface] = tuple((t.start, t.end, t.clitic) for t in tokenize(surface, known))
        tokens += [Token(word.start + a, word.start + b, clitic) for a, b, clitic in parts]
    return tokens


def shape(form: str) -> str:
    if form == _MARKS:
        return "marks"
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
    bare = form.removeprefix("ال")
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
    out += [f"kbw={part}" for part in kb.name_parts.get(form, ())]
    return out


def gazetteer_tags(words: Sequence[str], kb: KB, longest: dict[str, int]) -> list[str]:
    """``gz=B-LABEL``/``gz=I-LABEL`` of the longest knowledge-base name starting at each
    token (normalised clitic-split words, left to right, no overlaps), ``…:amb`` for a
    name that is also a common word. ``longest``: first word -> most words of a name."""
    labels, ambiguous = kb.gazetteer.labels, kb.gazetteer.ambiguous
    tags = [""] * len(words)
    k, n = 0, len(words)
    while k < n:
        most = longest.get(words[k], 0)
        for size in range(min(most, n - k), 0, -1):
            key = " ".join(words[k : k + size])
            label = labels.get(key)
            if label is not None:
                amb = ":amb" if key in ambiguous else ""
                tags[k] = f"gz=B-{label}{amb}"
                for j in range(k + 1, k + size):
                    tags[j] = f"gz=I-{label}{amb}"
                k += size
                break
        else:
            k += 1
    return tags


class FormFeatures:
    """Features that depend on a word's form alone, computed once per form (news
    vocabulary repeats), each also ready-made with the window offsets."""

    def __init__(self, kb: KB, limit: int = 30_000, known: frozenset[str] | None = None):
        self.kb, self.limit, self.known = kb, limit, known
        self._hints: dict[tuple[str, int], list[str]] = {}
        self._cache: dict[str, tuple[list[str], dict[int, list[str]]]] = {}
        self._longest: dict[str, int] | None = None

    @property
    def longest(self) -> dict[str, int]:
        """First word of a knowledge-base name -> the most words of a name starting with it."""
        if self._longest is None:
            longest: dict[str, int] = {}
            for key in self.kb.gazetteer.labels:
                parts = key.split(" ")
                longest[parts[0]] = max(longest.get(parts[0], 0), len(parts))
            self._longest = longest
        return self._longest

    def __call__(self, form: str) -> tuple[list[str], dict[int, list[str]]]:
        found = self._cache.get(form)
        if found is None:
            if len(self._cache) >= self.limit:
                self._cache.clear()
            kind = shape(form)
            feats = [f"w={form}", f"shape={kind}", f"len={min(len(form), 8)}"]
            if kind == "arabic":
                feats += [f"p{n}={form[:n]}" for n in range(1, 5)] + [f"s{n}={form[-n:]}" for n in range(1, 5)]
                if form.startswith("ال"):
                    feats.append("al")
                feats += frequency.features(form)
                if len(form) >= nameness.MIN_LETTERS:
                    feats.append(f"nm={nameness.shipped().bucket(form)}")
            feats += _lexical(form, self.kb)
            near = [f for f in feats if not f.startswith(_LOCAL)]
            far = [f for f in feats if f.startswith(_FAR + _FAR_LEXICAL)]
            shifted = {offset: [f"{offset}:{f}" for f in (near if abs(offset) == 1 else far)] for offset in WINDOW}
            found = self._cache[form] = (self.kept(feats), {o: self.kept(fs) for o, fs in shifted.items()})
        return found

    def shifted_hint(self, hint: str, offset: int) -> list[str]:
        """A neighbour's hint as seen ``offset`` tokens away (±1 every near hint, ±2 the far ones)."""
        key = (hint, offset)
        found = self._hints.get(key)
        if found is None:
            found = self._hints[key] = self.kept(
                [f"{offset}:{hint}"] if abs(offset) == 1 or hint.startswith(_FAR) else []
            )
        return found

    def kept(self, feats: list[str]) -> list[str]:
        """``feats`` without the strings the model has no weight for (all without ``known``)."""
        known = self.known
        return feats if known is None else [f for f in feats if f in known]


def token_features(
    text: str, tokens: Sequence[Token], forms: FormFeatures, hints: Sequence[Sequence[str]]
) -> list[list[str]]:
    """Feature strings per token: its form's features, its clitic context, ``hints``
    (per-token tags from other sources, e.g. the rule suggestions), and the same for
    its neighbours (±1 all but affixes, ±2 the word, lexicon hits and the hints), the BIO tag of a
    knowledge-base name match (also ±1), and the word bigrams around it."""
    words = [normalize_word(text[t.start : t.end]) or _MARKS for t in tokens]
    kb = forms.kb
    gazetteer = gazetteer_tags(words, kb, forms.longest)

    def unknown(word: str) -> bool:
        return word not in kb.first_names and not kb.lexical(word) and shape(word) == "arabic"

    own: list[list[str]] = []
    windows: list[dict[int, list[str]]] = []
    near_of: list[tuple[str, ...]] = []
    for k, token in enumerate(tokens):
        feats, window = forms(words[k])
        extra = [hint for hint in hints[k] if hint]
        if gazetteer[k]:
            extra.append(gazetteer[k])
        if k and words[k - 1] in kb.first_names and unknown(words[k]):
            extra.append("after_first_name_unknown")  # a first name, then a word no lexicon knows
        if token.clitic:
            extra.append("clitic=" + words[k])
        elif k and tokens[k - 1].clitic and tokens[k - 1].end == token.start:
            extra.append("after_clitic=" + words[k - 1])
        own.append(feats + forms.kept(extra) if extra else feats)
        near_of.append(tuple(h for h in extra if h.startswith(_NEAR_HINTS)))  # clitic marks stay with the token
        windows.append(window)
    n = len(own)
    out = []
    known = forms.known
    edges = {offset: forms.kept([f"{offset}:edge"]) for offset in WINDOW}
    for k in range(n):
        feats = ["bias", *own[k]]
        for bigram in (f"bi-1={words[k - 1] if k else '<s>'}|{words[k]}",
                       f"bi+1={words[k]}|{words[k + 1] if k + 1 < n else '</s>'}"):  # fmt: skip
            if known is None or bigram in known:
                feats.append(bigram)
        for offset in WINDOW:
            j = k + offset
            if 0 <= j < n:
                feats += windows[j][offset]
                for hint in near_of[j]:
                    feats += forms.shifted_hint(hint, offset)
            else:
                feats += edges[offset]
        out.append(feats)
    return out
