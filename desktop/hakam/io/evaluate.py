"""Score predicted spans against gold spans read from any importable format.

Documents are paired by text (so a CoNLL gold file and a prediction over its
rebuilt text pair up), else by id. Scores come from ``hakam.core.scoring``:
strict, and with Hakam's proclitic tolerance (a start may differ by up to N
proclitic letters, since corpora that tag whole tokens include them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hakam.core.model import Span
from hakam.core.scoring import as_json, score
from hakam.io.errors import InputError
from hakam.io.formats import ReadOptions, detect, reader
from hakam.io.records import ImportRecord
from hakam.io.validate import check_record

DEFAULT_TOLERANCE = 2


@dataclass(slots=True)
class Side:
    """The documents of one file: text and spans, keyed by text and by id."""

    format: str = ""
    by_text: dict[str, list[Span]] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)  # id -> text


def read_side(path: Path, fmt: str = "auto", options: ReadOptions = ReadOptions(), predictions: bool = False) -> Side:
    """Spans of every document in ``path`` (with ``predictions``, suggestions count too)."""
    chosen = detect(path) if fmt == "auto" else reader(fmt)
    side = Side(chosen.name)
    for item in chosen.read(path, options):
        if isinstance(item, InputError):
            raise item
        check_record(item)
        add_record(side, item, predictions)
    return side


def add_record(side: Side, record: ImportRecord, predictions: bool = False) -> None:
    spans = record.doc.spans + (record.suggested_spans if predictions else [])
    side.by_text.setdefault(record.doc.text, []).extend(spans)
    if record.doc.id is not None:
        side.ids[record.doc.id] = record.doc.text


def compare(
    gold: Side,
    pred: Side,
    label_map: Mapping[str, str] | None = None,
    ignore: Iterable[str] = (),
    tolerance: int = DEFAULT_TOLERANCE,
    only: Iterable[str] = (),
) -> dict[str, Any]:
    """Strict and tolerant P/R/F1; ``only`` keeps predictions of those labels (after mapping)."""
    label_map = dict(label_map or {})
    keep = set(only)
    paired: dict[str, list[Span]] = {}
    for text, spans in pred.by_text.items():
        paired.setdefault(text, []).extend(spans)
    for doc_id, text in pred.ids.items():  # texts that differ but ids that match
        gold_text = gold.ids.get(doc_id)
        if gold_text is not None and gold_text not in pred.by_text and text in pred.by_text:
            paired.setdefault(gold_text, []).extend(pred.by_text[text])
    keys = {text: f"d{i}" for i, text in enumerate(gold.by_text)}
    gold_spans = [(keys[text], s) for text, spans in gold.by_text.items() for s in spans]
    predicted = [(keys[text], s) for text, spans in paired.items() if text in keys for s in spans
                 if not keep or label_map.get(s.label, s.label) in keep]  # fmt: skip
    texts = {key: text for text, key in keys.items()}
    result: dict[str, Any] = {"gold_format": gold.format, "pred_format": pred.format,
                              "documents": len(keys), "documents_without_prediction": len(set(keys) - set(paired)),
                              "predictions_outside_gold": sum(len(s) for t, s in paired.items() if t not in keys)}  # fmt: skip
    result["strict"] = as_json(score(gold_spans, predicted, texts, label_map, ignore))
    result["tolerant"] = as_json(score(gold_spans, predicted, texts, label_map, ignore, proclitic_tolerance=tolerance))
    result["tolerance"] = tolerance
    return result
