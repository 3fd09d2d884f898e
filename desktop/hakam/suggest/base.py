"""The suggester interface and the registry of suggesters by name.

A suggester proposes spans and events for a document, each with a score in
[0, 1] and its ``source`` (``name@version``). It must be cheap to construct
(loading models lazily on first use) and safe to call from a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from hakam.core.model import Document, Event, Span

Suggestions = tuple[list[Span], list[Event]]


@runtime_checkable
class Suggester(Protocol):
    name: str
    version: str

    def suggest(self, doc: Document) -> Suggestions: ...


class UnknownSuggester(KeyError):
    pass


# name -> factory(argument) ; "bert:PATH" calls the "bert" factory with "PATH".
_REGISTRY: dict[str, Callable[[str | None], Suggester]] = {}


def register(name: str) -> Callable[[Callable[[str | None], Suggester]], Callable[[str | None], Suggester]]:
    def decorator(factory: Callable[[str | None], Suggester]) -> Callable[[str | None], Suggester]:
        _REGISTRY[name] = factory
        return factory

    return decorator


def available() -> list[str]:
    return sorted(_REGISTRY)


def create(spec: str) -> Suggester:
    """A suggester from a spec such as ``rules``, ``crf:latest`` or ``bert:/path/to/model``."""
    name, _, argument = spec.partition(":")
    if name not in _REGISTRY:
        raise UnknownSuggester(f"unknown suggester {name!r}; available: {', '.join(available())}")
    return _REGISTRY[name](argument or None)
