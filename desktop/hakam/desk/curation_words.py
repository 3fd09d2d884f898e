"""Items of a difference in a line of the curation view's interface."""

from __future__ import annotations

from hakam.core.model import Event, Span


def describe(item: Span | Event, text: str) -> str:
    """A span as its label and words; an event as its type, trigger and arguments."""
    if isinstance(item, Span):
        return f"{item.label} {quoted(text[item.start : item.end])}"
    roles = ", ".join(f"{a.role} {quoted(text[a.span.start : a.span.end])}" for a in item.arguments)
    trigger = text[item.trigger.start : item.trigger.end]
    return f"{item.type} {quoted(trigger)}" + (f" ({roles})" if roles else "")


def quoted(words: str) -> str:
    """Article words in a line of the interface, isolated (FSI … PDI) so the right-to-left
    words do not reorder the label and names around them."""
    return f"\u2068{words}\u2069"
