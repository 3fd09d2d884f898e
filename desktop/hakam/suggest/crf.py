"""``crf``: two linear-chain CRF taggers (python-crfsuite), entities and event triggers.

Both tag BIO over clitic-split tokens with the features of ``crf_features``,
including what the rule suggester proposed (so the CRF learns when the rules
are right). A span's confidence is the mean marginal probability of its tags.

A trained model is one blob: ``MAGIC``, a JSON header line with the byte size
of each part, then the two crfsuite model files as crfsuite writes them.
"""

from __future__ import annotations

import tempfile
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import orjson
import pycrfsuite

from hakam.core.model import Document, Event, Span
from hakam.core.tokenize import Token
from hakam.suggest.base import Suggestions
from hakam.suggest.crf_features import bio, doc_tokens, token_features
from hakam.suggest.kb import KB, knowledge
from hakam.suggest.rules import RuleSuggester

MAGIC = b"HAKAM-CRF 1\n"
PARTS = ("entities", "triggers")
_SENTENCE_END = frozenset(".!?؟\n")
_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


class CrfError(ValueError):
    pass


def pack(parts: dict[str, bytes]) -> bytes:
    header = orjson.dumps({name: len(parts[name]) for name in PARTS})
    return MAGIC + header + b"\n" + b"".join(parts[name] for name in PARTS)


def unpack(blob: bytes) -> dict[str, bytes]:
    if not blob.startswith(MAGIC):
        raise CrfError("not a Hakam CRF model")
    header_end = blob.index(b"\n", len(MAGIC))
    sizes = orjson.loads(blob[len(MAGIC) : header_end])
    parts, offset = {}, header_end + 1
    for name in PARTS:
        parts[name] = blob[offset : offset + sizes[name]]
        offset += sizes[name]
    if offset != len(blob):
        raise CrfError("truncated or padded CRF model")
    return parts


def sentences(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token ranges of sentences (the CRF sees one sentence at a time)."""
    out, start = [], 0
    for k, token in enumerate(tokens):
        if text[token.start : token.end] in _SENTENCE_END or "\n" in text[token.end : token.end + 1]:
            out.append((start, k + 1))
            start = k + 1
    if start < len(tokens):
        out.append((start, len(tokens)))
    return out


class Featurizer:
    """Tokens, features and rule hints of a document, shared by training and tagging."""

    def __init__(self, kb: KB | None = None, rules: RuleSuggester | None = None):
        self.kb = kb or knowledge()
        self.rules = rules or RuleSuggester(kb=self.kb)

    def __call__(self, doc: Document, splits: Iterable[int] = ()) -> tuple[list[Token], list[list[str]]]:
        tokens = doc_tokens(doc.text, self.kb, sorted(set(splits)))
        spans, events = self.rules.suggest(Document(doc.text, doc.id, doc.meta))
        entity_hints = bio(tokens, spans)
        trigger_hints = bio(tokens, [e.trigger for e in events])
        hints = [[f"rule={a}" if a != "O" else "", f"rtrig={b}" if b != "O" else ""]
                 for a, b in zip(entity_hints, trigger_hints)]  # fmt: skip
        return tokens, token_features(doc.text, tokens, self.kb, hints)


def training_sequences(doc: Document, featurize: Featurizer) -> Iterable[tuple[list[list[str]], list[str], list[str]]]:
    """(features, entity tags, trigger tags) per sentence of a reviewed document."""
    triggers = [e.trigger for e in doc.events]
    splits = [x for s in [*doc.spans, *triggers] for x in (s.start, s.end)]
    tokens, features = featurize(doc, splits)
    entity_tags = bio(tokens, doc.spans)
    trigger_tags = bio(tokens, [Span(t.start, t.end, e.type) for t, e in zip(triggers, doc.events)])
    for a, b in sentences(doc.text, tokens):
        yield features[a:b], entity_tags[a:b], trigger_tags[a:b]


def train_models(
    docs: Sequence[Document],
    featurize: Featurizer,
    should_stop: Callable[[], bool] = lambda: False,
) -> bytes | None:
    """Train both taggers on reviewed documents; the packed blob, or None when stopped."""
    trainers = {name: pycrfsuite.Trainer(verbose=False) for name in PARTS}
    for trainer in trainers.values():
        trainer.set_params(_PARAMS)
    for doc in docs:
        if should_stop():
            return None
        for features, entity_tags, trigger_tags in training_sequences(doc, featurize):
            trainers["entities"].append(features, entity_tags)
            trainers["triggers"].append(features, trigger_tags)
    parts = {}
    with tempfile.TemporaryDirectory(prefix="hakam-crf-") as folder:
        for name, trainer in trainers.items():
            if should_stop():
                return None
            path = Path(folder) / f"{name}.crfsuite"
            trainer.train(str(path))
            parts[name] = path.read_bytes()
    return pack(parts)


class CrfSuggester:
    name = "crf"

    def __init__(self, blob: bytes, version: str = "1", featurize: Featurizer | None = None):
        self.parts = unpack(blob)
        self.version = version
        self._featurize = featurize
        self._taggers: dict[str, pycrfsuite.Tagger] = {}
        self._lock = threading.RLock()
        self._last: tuple[tuple[str, str], tuple[list[Token], list[list[str]]]] | None = None

    @classmethod
    def from_bytes(cls, blob: bytes, version: str = "1") -> CrfSuggester:
        return cls(blob, version)

    def _tagger(self, name: str) -> pycrfsuite.Tagger:
        tagger = self._taggers.get(name)
        if tagger is None:
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(self.parts[name])
            self._taggers[name] = tagger
        return tagger

    def _features(self, doc: Document) -> tuple[list[Token], list[list[str]]]:
        key = (doc.text, str(doc.meta.get("date", "")) if doc.meta else "")
        if self._last is None or self._last[0] != key:
            featurize = self._featurize = self._featurize or Featurizer()
            self._last = (key, featurize(doc))
        return self._last[1]

    def judge(self, doc: Document, spans: Sequence[Span], part: str = "entities") -> list[float]:
        """The CRF's confidence in each of ``spans`` (another suggester's): the mean marginal
        of its tags; 0 for a span whose edges are not token edges inside one sentence."""
        with self._lock:
            tokens, features = self._features(doc)
            tagger = self._tagger(part)
            labels = set(tagger.labels())
            starts = {t.start: k for k, t in enumerate(tokens)}
            ends = {t.end: k for k, t in enumerate(tokens)}
            ranges = sentences(doc.text, tokens)
            sentence_of = [n for n, (a, b) in enumerate(ranges) for _ in range(a, b)]
            out = [0.0] * len(spans)
            current = -1
            for n in sorted(range(len(spans)), key=lambda n: spans[n].start):
                span = spans[n]
                first, last = starts.get(span.start), ends.get(span.end)
                if first is None or last is None or f"B-{span.label}" not in labels:
                    continue
                if sentence_of[first] != sentence_of[last]:
                    continue
                if sentence_of[first] != current:
                    current = sentence_of[first]
                    tagger.set(features[ranges[current][0] : ranges[current][1]])
                a = ranges[current][0]
                inside = f"I-{span.label}"
                probs = [tagger.marginal(f"B-{span.label}", first - a)]
                probs += [tagger.marginal(inside, k - a) if inside in labels else 0.0 for k in range(first + 1, last + 1)]
                out[n] = sum(probs) / len(probs)
            return out

    def suggest(self, doc: Document) -> Suggestions:
        source = f"{self.name}@{self.version}"
        spans: list[Span] = []
        events: list[Event] = []
        with self._lock:
            tokens, features = self._features(doc)
            entities, triggers = self._tagger("entities"), self._tagger("triggers")
            for a, b in sentences(doc.text, tokens):
                for label, start, end, score in _decode(entities, features[a:b], tokens[a:b]):
                    spans.append(Span(start, end, label, score, source))
                for label, start, end, score in _decode(triggers, features[a:b], tokens[a:b]):
                    trigger = Span(start, end, label, score, source)
                    events.append(Event(label, trigger, (), {}, score, source))
        return _trim(doc.text, spans), events


def _decode(tagger: pycrfsuite.Tagger, features: list[list[str]], tokens: Sequence[Token]):
    """(label, start, end, confidence) of the spans the tagger finds in one sentence."""
    if not features:
        return
    tags = tagger.tag(features)
    k = 0
    while k < len(tags):
        if tags[k] == "O":
            k += 1
            continue
        label = tags[k][2:]
        end = k + 1
        while end < len(tags) and tags[end] == f"I-{label}":
            end += 1
        score = sum(tagger.marginal(tags[j], j) for j in range(k, end)) / (end - k)
        yield label, tokens[k].start, tokens[end - 1].end, round(score, 4)
        k = end


def _edge(char: str) -> bool:
    return unicodedata.category(char)[0] in "PZS"


def _trim(text: str, spans: list[Span]) -> list[Span]:
    """Spans never start or end on punctuation or space."""
    out = []
    for span in spans:
        start, end = span.start, span.end
        while start < end and _edge(text[start]):
            start += 1
        while end > start and _edge(text[end - 1]):
            end -= 1
        if end > start:
            out.append(Span(start, end, span.label, span.score, span.source))
    return out
