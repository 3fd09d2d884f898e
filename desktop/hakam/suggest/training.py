"""Training from the store and refreshing suggestions: the API the desk and the CLI call.

- ``train_from_store``: CRF taggers from reviewed documents; 20% held out
  (deterministically, by a hash of the document id; 5-fold cross-validation
  under 50 documents, so each is held out once) gives the scores and the
  stacking policy (``hakam.suggest.stacking``: per label, how far the rules still
  count beside the model), then the model is trained on all of them and saved
  as a ``ModelVersion`` (kind ``crf``, crfsuite bytes and the policy in ``blob``),
  made active unless asked not to. The learned gazetteer is refreshed at the
  same time.
- ``activate``: make one CRF model the active one.
- ``suggester_for_store``: rules with the learned names, plus the active CRF.
- ``refresh_suggestions``: fresh suggestions on unreviewed documents, with an
  uncertainty that ranks the review queue.
"""

from __future__ import annotations

import logging
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from hakam.core.model import Document
from hakam.core.scoring import evaluate
from hakam.suggest import learned
from hakam.suggest.base import Suggester
from hakam.suggest.crf import CrfError, CrfSuggester, Featurizer, train_models
from hakam.suggest.ensemble import Ensemble
from hakam.suggest.rules import RuleSuggester
from hakam.suggest.stacking import Case, choose

Progress = Callable[[str, int, int], None]  # (stage, done, total)
Warn = Callable[[str], None]
HOLD_OUT = 5  # one document in five
CROSS_UNDER = 50  # fewer reviewed documents: cross-validation instead of one held-out fifth
FOLDS = 5
CRF_KIND = "crf"


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


def _never() -> bool:
    return False


@dataclass
class TrainResult:
    model_version_id: int | None  # None: stopped, or nothing to train on
    train_documents: int
    held_out: int
    scores: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    stopped: bool = False
    learned_names: int = 0


def split(docs: Sequence[Document]) -> tuple[list[Document], list[Document]]:
    """(train, held out): every fifth document in the order of a hash of its id."""
    ranked = sorted(docs, key=lambda d: (zlib.crc32((d.id or d.text[:64]).encode("utf-8")), d.id or ""))
    if len(ranked) < 2:
        return list(ranked), []
    held = ranked[::HOLD_OUT] if len(ranked) >= HOLD_OUT else ranked[:1]
    held_ids = {id(d) for d in held}
    return [d for d in ranked if id(d) not in held_ids], held


def held_out_folds(docs: Sequence[Document]) -> list[tuple[list[Document], list[Document]]]:
    """(train, held out) pairs that score the model and choose its stacking policy: one
    split (``split``) from ``CROSS_UNDER`` documents on; below, ``FOLDS``-fold cross
    validation, so every document is held out once (a fifth of a dozen is too few)."""
    if len(docs) < 2:
        return []
    if len(docs) >= CROSS_UNDER:
        return [split(docs)]
    ranked = split(docs)[0] + split(docs)[1]
    k = min(FOLDS, len(ranked))
    return [([d for j, d in enumerate(ranked) if j % k != i], [d for j, d in enumerate(ranked) if j % k == i])
            for i in range(k)]  # fmt: skip


def reviewed_documents(store) -> list[Document]:
    from hakam.store import REVIEWED

    return [store.items.reviewed_document(i) for i in store.documents.ids(status=REVIEWED)]


def train_from_store(
    store,
    progress: Progress = _no_progress,
    should_stop: Callable[[], bool] = _never,
    activate_model: bool = True,
) -> TrainResult:
    """Train the CRF on the store's reviewed documents and save it (see the module doc)."""
    began = time.monotonic()
    progress("reading", 0, 1)
    docs = reviewed_documents(store)
    names = learned.update(store)
    if not docs:
        return TrainResult(None, 0, 0, learned_names=names)
    folds = held_out_folds(docs)
    held = [d for _, fold in folds for d in fold]
    featurize = Featurizer()
    scores: dict[str, Any] = {}
    policy = None
    if folds:
        rules = featurize.rules
        cases: list[Case] = []
        models: dict[int, CrfSuggester] = {}
        known: set[str] = set()
        for n, (train, fold) in enumerate(folds):
            progress("held-out model", n, len(folds) + 1)
            blob = train_models(train, featurize, should_stop)
            if blob is None:
                return TrainResult(None, len(docs), len(held), stopped=True, learned_names=names)
            crf = CrfSuggester(blob, "held-out", featurize)
            cases += held_out_cases(fold, rules, crf)
            known |= crf.known_labels()
            models.update((id(d), crf) for d in fold)
        policy = choose(cases, known)
        for crf in models.values():
            crf.policy = policy

        def each(name: str) -> Callable[[Document], Any]:
            by_text = {d.text: models[id(d)] for d in held}
            if name == "crf":
                return lambda doc: by_text[doc.text].suggest(doc)
            return lambda doc: Ensemble([rules, by_text[doc.text]]).suggest(doc)

        scores = {
            "held_out_documents": len(held),
            "folds": len(folds),
            "rules": _summary(evaluate(held, rules.suggest)),
            "crf": _summary(evaluate(held, each("crf"))),
            "ensemble": _summary(evaluate(held, each("ensemble"))),
            "policy": policy.as_json(),
        }
    progress("final model", 2, 3)
    blob = train_models(docs, featurize, should_stop, policy)
    if blob is None:
        return TrainResult(None, len(docs), len(held), scores, stopped=True, learned_names=names)
    number = store.models.count(CRF_KIND) + 1
    version = f"{number}-{time.strftime('%Y%m%d-%H%M')}"
    model_id = store.models.register(CRF_KIND, version, CRF_KIND, blob=blob, scores=orjson.dumps(scores).decode(),
                                   train_documents=len(docs))  # fmt: skip
    if activate_model:
        activate(store, model_id)
    progress("done", 3, 3)
    return TrainResult(model_id, len(docs), len(held), scores, time.monotonic() - began, learned_names=names)


def held_out_cases(held: Sequence[Document], rules: RuleSuggester, crf: CrfSuggester) -> list[Case]:
    """Per held-out document, its spans and its events as ``stacking.choose`` weighs them."""
    cases = []
    for doc in held:
        plain = Document(doc.text, doc.id, dict(doc.meta))
        spans, events = rules.suggest(plain)
        own_spans, own_events, verdicts, trigger_verdicts = crf.suggest_and_judge(
            plain, spans, [e.trigger for e in events]
        )
        cases.append(Case(list(doc.spans), list(own_spans), list(spans), verdicts))
        cases.append(Case(list(doc.events), list(own_events), list(events), trigger_verdicts))
    return cases


def _summary(result: dict[str, Any]) -> dict[str, Any]:
    """Per-label and micro P/R/F1 of entities, and trigger scores, from ``evaluate``."""
    return {
        "entities": result["entities"],
        "entities_places_merged": result["entities_places_merged"]["micro"],
        "triggers_typed": result["triggers_typed"],
        "triggers_untyped": result["triggers_untyped"]["micro"],
    }


def activate(store, model_version_id: int) -> None:
    """Make ``model_version_id`` the active CRF model (any other becomes inactive)."""
    store.models.activate(model_version_id)


def _log_warning(message: str) -> None:
    logging.getLogger("hakam").warning(message)


def model_problem(store) -> str | None:
    """Why the active CRF model cannot be used (damaged, or saved without a checksum), else None."""
    from hakam.suggest.crf import unpack

    active = store.models.active_blob(CRF_KIND)
    if active is None:
        return None
    try:
        unpack(active[1])
    except CrfError as error:
        return _left_out(active[0], error)
    return None


def _left_out(version: str, error: Exception) -> str:
    return f"the active CRF model {version} cannot be used ({error}); suggesting with the rules only"


def active_crf(store, rules: RuleSuggester | None = None, warn: Warn = _log_warning) -> CrfSuggester | None:
    """The active CRF model; its rule hints come from ``rules`` (shared, so an
    ensemble runs the rules once per document). A damaged model is not loaded:
    ``warn`` is told, and the caller goes on without it."""
    active = store.models.active_blob(CRF_KIND)
    if active is None:
        return None
    version, blob = active
    try:
        return CrfSuggester(blob, version, rules=rules)
    except CrfError as error:
        warn(_left_out(version, error))
        return None


def suggester_for_store(store, warn: Warn = _log_warning) -> Ensemble:
    """Rules with the store's learned names, plus its active CRF model when there is
    one and it is sound (else ``warn`` is told why it is left out)."""
    rules = RuleSuggester(learned.entries(store))
    members: list[Suggester] = [rules]
    crf = active_crf(store, rules, warn)
    if crf is not None:
        members.append(crf)
    return Ensemble(members)


def uncertainty(confidences: Sequence[float]) -> float:
    """How much a review of the document would teach: the sum over the candidates
    weighed of how unsure the suggester is of each (1 at confidence ½, 0 at 0 or 1).
    A sum, not a mean, so documents dense in unsure names come first, not long ones
    with one doubtful word."""
    return round(sum(1 - abs(2 * c - 1) for c in confidences), 4)


def refresh_suggestions(
    store,
    suggester: Suggester,
    document_ids: Sequence[int] | None = None,
    progress: Progress = _no_progress,
    should_stop: Callable[[], bool] = _never,
) -> int:
    """Suggest on unreviewed documents (all of them, or ``document_ids``); returns how many were done."""
    from hakam.store import TODO

    ids = list(document_ids) if document_ids is not None else store.documents.ids(status=TODO)
    kind = suggester.name.split(":")[0]
    model_id = store.models.register(suggester.name, suggester.version, kind)
    done = 0
    for n, document_id in enumerate(ids):
        if should_stop():
            break
        view = store.documents.get(document_id)
        if view.status != TODO:
            continue
        doc = Document(view.text, view.ext_id, dict(view.meta))
        scored = getattr(suggester, "suggest_scored", None)
        if scored is not None:
            spans, events, confidences = scored(doc)
        else:
            spans, events = suggester.suggest(doc)
            confidences = [item.score for item in (*spans, *events) if item.score is not None]
        store.suggestions.replace(document_id, spans, events, model_id, uncertainty(confidences))
        done += 1
        progress("suggest", n + 1, len(ids))
    return done
