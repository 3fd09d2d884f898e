"""``crf``: two linear-chain CRF taggers (python-crfsuite), entities and event triggers.

Both tag BIO over clitic-split tokens with the features of ``crf_features``,
including what the rule suggester proposed (so the CRF learns when the rules
are right). A span's confidence is the mean marginal probability of its tags.

A trained model is one blob (``hakam.suggest.crf_blob``): a header with each
part's size, a SHA-256 checksum and the stacking policy chosen on held-out
documents (``hakam.suggest.stacking``), then the two crfsuite model files; it is
checked whole before crfsuite sees a byte.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pycrfsuite

from hakam.core.arabic import PROCLITIC_SET, normalize_word, sentence_ranges
from hakam.core.model import Document, Event, Span
from hakam.core.tokenize import Token
from hakam.suggest.base import Suggestions
from hakam.suggest.crf_blob import PARTS, CrfError, pack, unpack
from hakam.suggest.crf_features import FormFeatures, WordParts, bio, doc_tokens, token_features
from hakam.suggest.kb import KB, knowledge
from hakam.suggest.rules import RuleSuggester
from hakam.suggest.stacking import Policy

_ECHO = 0.9  # a repeated mention's score, relative to the tagged one's
_ECHO_LETTERS = 3  # shorter names are not repeated
_TEMP_PREFIX = "hakam-crf-"
_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


class Featurizer:
    """Tokens, features and rule hints of a document, shared by training and tagging."""

    def __init__(self, kb: KB | None = None, rules: RuleSuggester | None = None, known: frozenset[str] | None = None):
        """``known``: the only feature strings to keep (a model's attributes; crfsuite
        ignores the others, so the output is the same and tagging cheaper)."""
        self.kb = kb or (rules.kb if rules else knowledge())
        self.rules = rules or RuleSuggester(kb=self.kb)
        self.forms = FormFeatures(self.kb, known=known)
        self.word_parts: WordParts = {}

    def __call__(self, doc: Document, splits: Iterable[int] = ()) -> tuple[list[Token], list[list[str]]]:
        tokens = doc_tokens(doc.text, self.kb, sorted(set(splits)), self.word_parts)
        spans, events = self.rules.suggest(Document(doc.text, doc.id, doc.meta))
        entity_hints = bio(tokens, spans)
        trigger_hints = bio(tokens, [e.trigger for e in events])
        hints = [[f"rule={a}" if a != "O" else "", f"rtrig={b}" if b != "O" else ""]
                 for a, b in zip(entity_hints, trigger_hints)]  # fmt: skip
        return tokens, token_features(doc.text, tokens, self.forms, hints)


def training_sequences(doc: Document, featurize: Featurizer) -> Iterable[tuple[list[list[str]], list[str], list[str]]]:
    """(features, entity tags, trigger tags) per sentence of a reviewed document."""
    triggers = [e.trigger for e in doc.events]
    splits = [x for s in [*doc.spans, *triggers] for x in (s.start, s.end)]
    tokens, features = featurize(doc, splits)
    entity_tags = bio(tokens, doc.spans)
    trigger_tags = bio(tokens, [Span(t.start, t.end, e.type) for t, e in zip(triggers, doc.events)])
    for a, b in sentence_ranges(doc.text, tokens):  # the CRF sees one sentence at a time
        yield features[a:b], entity_tags[a:b], trigger_tags[a:b]


def clean_stale_folders(root: Path | None = None) -> int:
    """Remove ``hakam-crf-PID-*`` folders of training runs that were killed (their
    process is gone) and unnamed ones of older Hakam versions a day old; returns how many."""
    root = Path(root or tempfile.gettempdir())
    removed = 0
    for folder in root.glob(f"{_TEMP_PREFIX}*"):
        pid = folder.name[len(_TEMP_PREFIX) :].split("-", 1)[0]
        try:
            stale = not _alive(int(pid)) if pid.isdigit() else time.time() - folder.stat().st_mtime > 86_400
        except OSError:
            continue
        if stale and folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def train_models(
    docs: Sequence[Document],
    featurize: Featurizer,
    should_stop: Callable[[], bool] = lambda: False,
    policy: Policy | None = None,
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
    clean_stale_folders()
    with tempfile.TemporaryDirectory(prefix=f"{_TEMP_PREFIX}{os.getpid()}-") as folder:
        for name, trainer in trainers.items():
            if should_stop():
                return None
            path = Path(folder) / f"{name}.crfsuite"
            trainer.train(str(path))
            parts[name] = path.read_bytes()
    return pack(parts, len(docs), policy.as_json() if policy is not None else None)


class CrfSuggester:
    name = "crf"

    def __init__(
        self, blob: bytes, version: str = "1", featurize: Featurizer | None = None, rules: RuleSuggester | None = None
    ):
        """``featurize``: a featurizer to share (training's); else one of its own over
        ``rules`` (shared with an ensemble, so the rules run once a document)."""
        self.parts, header = unpack(blob)
        self._rules = rules
        self.version = version
        self._featurize = featurize
        self._taggers: dict[str, pycrfsuite.Tagger] = {}
        self._lock = threading.RLock()
        self._last: tuple[tuple[str, str], tuple[list[Token], list[list[str]]]] | None = None
        self.policy = Policy.from_json(header.get("policy"), self.known_labels())

    def known_labels(self) -> frozenset[str]:
        """``span:LABEL`` and ``event:TYPE`` of the tags the model was trained on."""
        with self._lock:
            return frozenset(f"{kind}:{tag[2:]}" for part, kind in (("entities", "span"), ("triggers", "event"))
                             for tag in self._tagger(part).labels() if tag.startswith("B-"))  # fmt: skip

    def attributes(self) -> frozenset[str]:
        """Feature strings with a weight in either tagger."""
        with self._lock:
            return frozenset(attr for part in PARTS for attr, _ in self._tagger(part).info().state_features)

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
            featurize = self._featurize = self._featurize or Featurizer(rules=self._rules, known=self.attributes())
            self._last = (key, featurize(doc))
        return self._last[1]

    def suggest(self, doc: Document) -> Suggestions:
        spans, events, _, _ = self.suggest_and_judge(doc, (), ())
        return spans, events

    def suggest_and_judge(
        self, doc: Document, others: Sequence[Span], other_triggers: Sequence[Span]
    ) -> tuple[list[Span], list[Event], list[float], list[float]]:
        """Own suggestions, and the CRF's confidence in another suggester's spans and
        triggers (the mean marginal of their tags; 0 when their edges are not token
        edges within one sentence), in one pass over the sentences."""
        source = f"{self.name}@{self.version}"
        with self._lock:
            tokens, features = self._features(doc)
            ranges = sentence_ranges(doc.text, tokens)
            # Converting features to crfsuite's items is the costly part: once per sentence, for both taggers.
            items = [pycrfsuite.ItemSequence(features[a:b]) for a, b in ranges]
            found: dict[str, list[tuple[str, int, int, float]]] = {}
            verdicts: dict[str, list[float]] = {}
            for part, judged in (("entities", others), ("triggers", other_triggers)):
                tagger = self._tagger(part)
                pending = _by_sentence(judged, tokens, ranges)
                found[part], verdicts[part] = [], [0.0] * len(judged)
                labels = set(tagger.labels())
                for n, (a, b) in enumerate(ranges):
                    tagger.set(items[n])
                    found[part] += _decode(tagger, tokens[a:b])
                    for index, first, last, label in pending.get(n, ()):
                        verdicts[part][index] = _confidence(tagger, labels, label, first - a, last - a)
        entities = found["entities"] + _echoes(doc.text, tokens, found["entities"])
        spans = [Span(start, end, label, score, source) for label, start, end, score in entities]
        events = [Event(label, Span(start, end, label, score, source), (), {}, score, source)
                  for label, start, end, score in found["triggers"]]  # fmt: skip
        return _trim(doc.text, spans), events, verdicts["entities"], verdicts["triggers"]


def _by_sentence(
    spans: Sequence[Span], tokens: Sequence[Token], ranges: list[tuple[int, int]]
) -> dict[int, list[tuple[int, int, int, str]]]:
    """Spans whose edges are token edges, by sentence: (index, first token, last token, label)."""
    starts = {t.start: k for k, t in enumerate(tokens)}
    ends = {t.end: k for k, t in enumerate(tokens)}
    sentence_of = [n for n, (a, b) in enumerate(ranges) for _ in range(a, b)]
    out: dict[int, list[tuple[int, int, int, str]]] = {}
    for index, span in enumerate(spans):
        first, last = starts.get(span.start), ends.get(span.end)
        if first is not None and last is not None and first <= last and sentence_of[first] == sentence_of[last]:
            out.setdefault(sentence_of[first], []).append((index, first, last, span.label))
    return out


def _confidence(tagger: pycrfsuite.Tagger, labels: set[str], label: str, first: int, last: int) -> float:
    begin, inside = f"B-{label}", f"I-{label}"
    if begin not in labels:
        return 0.0
    probs = [tagger.marginal(begin, first)]
    probs += [tagger.marginal(inside, k) if inside in labels else 0.0 for k in range(first + 1, last + 1)]
    return sum(probs) / len(probs)


def _decode(tagger: pycrfsuite.Tagger, tokens: Sequence[Token]) -> list[tuple[str, int, int, float]]:
    """(label, start, end, confidence) of the spans in the sentence set on ``tagger``."""
    tags = tagger.tag()
    out = []
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
        out.append((label, tokens[k].start, tokens[end - 1].end, round(score, 4)))
        k = end
    return out


def _echoes(
    text: str, tokens: Sequence[Token], found: list[tuple[str, int, int, float]]
) -> list[tuple[str, int, int, float]]:
    """Untagged repeats of the names tagged in a document (news repeats a name; the CRF
    misses some mentions): the same normalised words, also after a proclitic left on
    the first word, with the best score of the tagged mentions lowered by ``_ECHO``."""
    words = [normalize_word(text[t.start : t.end]) for t in tokens]
    at = {t.start: k for k, t in enumerate(tokens)}
    until = {t.end: k for k, t in enumerate(tokens)}
    names: dict[tuple[str, ...], tuple[str, float]] = {}
    covered: set[int] = set()
    for label, start, end, score in found:
        first, last = at.get(start), until.get(end)
        if first is None or last is None:
            continue
        covered.update(range(first, last + 1))
        key = tuple(words[first : last + 1])
        if sum(map(len, key)) >= _ECHO_LETTERS and score > names.get(key, ("", 0.0))[1]:
            names[key] = (label, score)
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(names, key=len, reverse=True):
        by_last.setdefault(key[-1], []).append(key)
    out = []
    for k, word in enumerate(words):
        bare = [key for n in (1, 2) if word[:n] in PROCLITIC_SET for key in by_last.get(word[n:], ()) if len(key) == 1]
        for key in [*by_last.get(word, ()), *bare]:
            first = k - len(key) + 1
            if first < 0 or not covered.isdisjoint(range(first, k + 1)) or tuple(words[first + 1 : k + 1]) != key[1:]:
                continue
            head, start = words[first], tokens[first].start
            if head != key[0]:
                prefix = len(head) - len(key[0])
                raw = text[start : tokens[first].end]
                if not (head.endswith(key[0]) and head[:prefix] in PROCLITIC_SET and len(raw) == len(head)):
                    continue
                start += prefix
            label, score = names[key]
            out.append((label, start, tokens[k].end, round(score * _ECHO, 4)))
            covered.update(range(first, k + 1))
            break
    return out


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


__all__ = ["CrfError", "CrfSuggester", "Featurizer", "pack", "train_models", "unpack"]
