"""Suggesters: rules (gazetteers, lexicons, patterns), CRF, a BERT adapter and their ensemble.

Importing this package only registers factory names; each factory imports its
module (and any heavy dependency) when it is called. ``create(spec)`` makes one:
``rules``, ``ensemble``, ``crf:MODEL_FILE``, ``bert:MODEL_DIR``.
"""

from __future__ import annotations

from hakam.suggest.base import Suggester, Suggestions, UnknownSuggester, available, create, register


@register("rules")
def _rules(argument: str | None) -> Suggester:
    """``rules`` or ``rules:LEARNED.tsv`` (a learned gazetteer exported by Hakam)."""
    from hakam.suggest.learned import read_tsv
    from hakam.suggest.rules import RuleSuggester

    return RuleSuggester(read_tsv(argument) if argument else ())


@register("crf")
def _crf(argument: str | None) -> Suggester:
    """``crf:MODEL_FILE``: a CRF model file written by ``hakam train --save``."""
    from pathlib import Path

    from hakam.suggest.crf import CrfError, CrfSuggester

    if not argument:
        raise UnknownSuggester("crf needs a model file (crf:PATH); the active CRF of a database is used by 'ensemble'")
    path = Path(argument)
    try:
        return CrfSuggester.from_bytes(path.read_bytes(), version=path.stem)
    except OSError as error:
        raise CrfError(f"{path}: cannot read the model ({error.strerror or error})") from None
    except CrfError as error:
        raise CrfError(f"{path}: {error}") from None


@register("ensemble")
def _ensemble(argument: str | None) -> Suggester:
    """``ensemble``: the rules alone here; with a database (``hakam --db DB suggest``) the
    CLI and the desk use ``training.suggester_for_store``: rules, learned names and the active CRF."""
    from hakam.suggest.ensemble import Ensemble
    from hakam.suggest.rules import RuleSuggester

    return Ensemble([RuleSuggester()])


@register("bert")
def _bert(argument: str | None) -> Suggester:
    """``bert:MODEL_DIR``: a Hugging Face token-classification folder, run by camel-tools."""
    from hakam.suggest.bert import BertSuggester

    if not argument:
        raise UnknownSuggester("bert needs a model folder (bert:PATH)")
    return BertSuggester(argument)


__all__ = ["Suggester", "Suggestions", "UnknownSuggester", "available", "create", "register"]
