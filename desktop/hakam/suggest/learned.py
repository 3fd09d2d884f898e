"""The learned gazetteer: names reviewers accepted or added, used by the rule suggester.

Kept in the store as the Setting ``learned_gazetteer`` (JSON ``[[name, label, count], …]``)
and exportable as a gazetteer TSV (same format as resources/gazetteers). Names the
shipped gazetteers already know are left out; a name accepted with several
labels keeps the most frequent one; a name left untagged in most of its
mentions in the reviewed texts is left out.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import orjson

from hakam.core.arabic import match_key
from hakam.suggest.kb import NAME_LABELS, knowledge

SETTING = "learned_gazetteer"
_MIN_CHARS = 2
# A name is learned only when reviewers tagged at least this share of its mentions
# (التحالف tagged once among many untagged mentions is not a name to suggest everywhere).
_MIN_PRECISION = 0.5


def collect(store) -> list[tuple[str, str, int]]:  # store: hakam.store.Store
    """(name, label, times accepted) of accepted names that no shipped gazetteer has."""
    votes: dict[str, Counter[str]] = {}
    surface: dict[str, str] = {}
    texts: dict[int, str] = {}
    query = store.items.accepted_spans_with_text(NAME_LABELS)
    for start, end, label, document_id, text in query:
        name = " ".join(text[start:end].split())
        key = match_key(name)
        if len(key) < _MIN_CHARS:
            continue
        votes.setdefault(key, Counter())[label] += 1
        surface.setdefault(key, name)
        texts[document_id] = text
    known = knowledge().gazetteer
    mentions = _mentions(votes, texts.values())
    entries = []
    for key, counter in votes.items():
        label, accepted = counter.most_common(1)[0][0], sum(counter.values())
        reliable = accepted >= _MIN_PRECISION * mentions.get(key, accepted)
        if known.labels.get(key) != label and reliable:
            entries.append((surface[key], label, accepted))
    return sorted(entries, key=lambda e: (-e[2], e[0]))


def _mentions(votes: dict[str, Counter[str]], texts) -> Counter[str]:
    """How often each name occurs in the reviewed texts, tagged or not."""
    from hakam.suggest.gazetteer import Gazetteer
    from hakam.suggest.words import Text

    names = Gazetteer([((key,), "X") for key in votes])
    counts: Counter[str] = Counter()
    for text in texts:
        normalised = Text(text)
        for match in names.find(normalised):
            key = normalised.text[match.start : match.end]
            counts[key if key in votes else "ال" + key[1:]] += 1
    return counts


def update(store) -> int:
    """Recompute the learned gazetteer and save it in the store; returns its size."""
    entries = collect(store)
    store.settings.set(SETTING, orjson.dumps([list(e) for e in entries]).decode())
    return len(entries)


def entries(store) -> list[tuple[str, str]]:
    """The learned (name, label) pairs saved in the store."""
    raw = store.settings.get(SETTING)
    if not raw:
        return []
    return [(name, label) for name, label, *_ in orjson.loads(raw)]


def write_tsv(pairs: list[tuple[str, str]], path: Path | str) -> None:
    lines = ["# title: names learned from reviewed documents", "# source: Hakam reviewers",
             "# columns: name\tlabel\tvariants"]  # fmt: skip
    lines += [f"{name}\t{label}\t" for name, label in pairs]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_tsv(path: Path | str) -> list[tuple[str, str]]:
    from hakam.suggest.knowledge import load_gazetteer

    return [(form, entry.label) for entry in load_gazetteer(path) for form in entry.forms()]
