"""Shared fixtures: the rule suggester (its knowledge base is built once per session)."""

from __future__ import annotations

import pytest

from hakam.core.model import Document
from hakam.suggest.rules import RuleSuggester


@pytest.fixture(scope="session")
def rules() -> RuleSuggester:
    return RuleSuggester()


@pytest.fixture(scope="session")
def suggest(rules):
    """``suggest(text, date=None)`` -> (spans as (label, surface), events, raw spans)."""

    def run(text: str, date: str | None = None):
        doc = Document(text, "t", {"date": date} if date else {})
        spans, events = rules.suggest(doc)
        return [(s.label, text[s.start : s.end]) for s in spans], events, spans

    return run
