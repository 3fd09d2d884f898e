"""``bert:PATH``: a Hugging Face token-classification folder run by camel-tools' NERecognizer.

Labels B/I-PERS, LOC, ORG, MISC are mapped to the schema: PERS and ORG as they
are, LOC to GPE when the name is in a place gazetteer as GPE (else LOC), MISC
dropped. Words are ``hakam.core.tokenize.word_tokens`` (camel-tools' own
tokenisation, with offsets), so predictions map straight back to the text.

``import camel_tools.ner`` loads camel-tools' data catalogue at import time and
tries to download it when it is missing; ``CAMELTOOLS_DATA`` is pointed at
Hakam's minimal catalogue (resources/camel_data) first so nothing is fetched.
torch and transformers are imported only here, on first use.
"""

from __future__ import annotations

import os
import threading
import warnings
from pathlib import Path
from typing import Any

from hakam.core.arabic import match_key, proclitic_length, sentence_ranges
from hakam.core.model import Document, Span
from hakam.core.tokenize import Token, word_tokens
from hakam.resources import resource_path
from hakam.suggest.base import Suggestions
from hakam.suggest.kb import knowledge

_MAX_WORDS = 120  # words per sentence passed to the model (camel-tools splits longer ones too)
SCORE = 0.5  # NERecognizer gives labels, not probabilities
_LABELS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")


def _use_local_catalogue() -> None:
    current = os.environ.get("CAMELTOOLS_DATA")
    if not current or not (Path(current).expanduser() / "catalogue.json").exists():
        os.environ["CAMELTOOLS_DATA"] = str(resource_path("camel_data"))


def recognizer_class() -> Any:
    """camel-tools' ``NERecognizer`` (imported offline-safe)."""
    _use_local_catalogue()
    from camel_tools.ner import NERecognizer
    from transformers.utils import logging

    logging.disable_progress_bar()
    return NERecognizer


def _sentences(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Sentences of at most ``_MAX_WORDS`` tokens."""
    return [
        tokens[k : min(k + _MAX_WORDS, b)] for a, b in sentence_ranges(text, tokens) for k in range(a, b, _MAX_WORDS)
    ]


class BertError(ValueError):
    """A model folder that cannot be loaded; the message names it and says why."""


def _load_failure(path: Path, error: Exception) -> BertError:
    import pickle

    if isinstance(error, pickle.UnpicklingError) or "weights_only" in str(error):
        return BertError(f"{path}: the weights are a pickle that torch's safe loader refuses (weights_only); "
                         "Hakam loads no unsafe pickle: use a copy of the model saved as safetensors")  # fmt: skip
    first = str(error).strip().splitlines()[0][:200] if str(error).strip() else ""
    return BertError(f"{path}: cannot load the model ({type(error).__name__}: {first})")


class BertSuggester:
    name = "bert"

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not (self.path / "config.json").exists():
            raise FileNotFoundError(f"{self.path}: not a Hugging Face model folder (no config.json)")
        self.version = self.path.name
        self._recognizer = None
        self._lock = threading.Lock()

    def recognizer(self):
        with self._lock:
            if self._recognizer is None:
                try:
                    with warnings.catch_warnings():  # torch warns before it refuses a pickle: the refusal says it all
                        warnings.simplefilter("ignore")
                        self._recognizer = recognizer_class()(str(self.path), use_gpu=False)
                except Exception as error:  # torch, transformers and camel-tools raise many kinds
                    raise _load_failure(self.path, error) from error
            return self._recognizer

    def suggest(self, doc: Document) -> Suggestions:
        recognizer = self.recognizer()
        tokens = word_tokens(doc.text)
        groups = _sentences(doc.text, tokens)
        words = [[doc.text[t.start : t.end] for t in group] for group in groups]
        # camel-tools drops words the tokenizer turns into nothing; keep only the others.
        kept = [[(t, w) for t, w in zip(g, ws) if recognizer.tokenizer.tokenize(w)] for g, ws in zip(groups, words)]
        predictions = recognizer.predict([[w for _, w in k] for k in kept]) if kept else []
        spans: list[Span] = []
        source = f"{self.name}@{self.version}"
        for pairs, labels in zip(kept, predictions):
            spans += _spans(doc.text, [t for t, _ in pairs], labels, source)
        return spans, []


def _spans(text: str, tokens: list[Token], labels: list[str], source: str) -> list[Span]:
    """Spans of B/I labels over whole words, as Hakam draws them: punctuation at the
    edges left out, and the first word's proclitics (وبالباغوز → الباغوز)."""
    out: list[Span] = []
    k = 0
    while k < min(len(tokens), len(labels)):
        label = labels[k]
        if label == "O" or "-" not in label:
            k += 1
            continue
        kind = label.split("-", 1)[1]
        end = k + 1
        while end < len(labels) and end < len(tokens) and labels[end] == f"I-{kind}":
            end += 1
        words = [t for t in tokens[k:end] if any(c.isalnum() for c in text[t.start : t.end])]
        if words:
            first = text[words[0].start : words[0].end]
            start = words[0].start + proclitic_length(first, knowledge().vocabulary.__contains__)
            mapped = _schema_label(kind, text[start : words[-1].end])
            if mapped:
                out.append(Span(start, words[-1].end, mapped, SCORE, source))
        k = end
    return out


def _schema_label(kind: str, surface: str) -> str | None:
    if kind in ("PERS", "ORG"):
        return kind
    if kind == "LOC":
        return "GPE" if knowledge().gazetteer.labels.get(match_key(surface)) == "GPE" else "LOC"
    return None  # MISC


def save_random_model(folder: Path, words: list[str], size: str = "tiny") -> Path:
    """A randomly initialised BertForTokenClassification with camel-tools' labels and a
    vocabulary of ``words``, saved to ``folder`` (for tests and the speed benchmark).
    ``size``: ``tiny`` (2 small layers) or ``base`` (BERT-base dimensions)."""
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer
    from transformers.utils import logging

    logging.disable_progress_bar()
    torch.manual_seed(0)
    folder.mkdir(parents=True, exist_ok=True)
    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    vocab = special + sorted(set(words) - set(special))
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    labels = dict(enumerate(_LABELS))
    dims: dict[str, Any] = {}
    if size == "tiny":
        dims = {"hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 64}
    config = BertConfig(vocab_size=len(vocab), id2label=labels, label2id={v: k for k, v in labels.items()}, **dims)
    BertForTokenClassification(config).save_pretrained(folder)
    BertTokenizer(str(folder / "vocab.txt"), do_lower_case=False).save_pretrained(folder)
    return folder
