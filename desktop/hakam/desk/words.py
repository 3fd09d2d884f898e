"""Word boundaries of the open text, for resizing highlights and snapping selections.

Words are the clitic-split tokens of ``hakam.core.tokenize`` (so وبالباغوز gives
الباغوز), cut also at every highlight's own edges. A selection snaps to the whole
words it touches, without a leading proclitic and without edge punctuation.
Offsets are code points. Qt-free.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from hakam.core.tokenize import tokenize


class Words:
    def __init__(self, text: str, edges: Iterable[int] = ()):
        self.text = text
        tokens = tokenize(text, splits=edges)
        # Selectable words: no proclitic cluster, no lone punctuation mark.
        words = [t for t in tokens if not t.clitic and any(c.isalnum() for c in text[t.start : t.end])]
        self.word_starts = [t.start for t in words]
        self.word_ends = [t.end for t in words]
        self.starts = sorted({t.start for t in tokens})
        self.ends = sorted({t.end for t in tokens})

    # -- resizing a highlight by one token --------------------------------------------
    def resized(self, start: int, end: int, edge: str, grow: bool) -> tuple[int, int] | None:
        """New ``(start, end)`` after moving ``edge`` ("start" | "end") by one token."""
        starts, ends = self.starts, self.ends
        if edge == "end":
            if grow:
                at = bisect_right(ends, end)
                return (start, ends[at]) if at < len(ends) else None
            at = bisect_left(ends, end) - 1
            return (start, ends[at]) if at >= 0 and ends[at] > start else None
        if grow:
            at = bisect_left(starts, start) - 1
            return (starts[at], end) if at >= 0 else None
        at = bisect_right(starts, start)
        return (starts[at], end) if at < len(starts) and starts[at] < end else None

    # -- snapping selections to words ---------------------------------------------------
    def snap(self, start: int, end: int) -> tuple[int, int] | None:
        """The whole words overlapping ``start..end`` (``None``: no word there)."""
        first = bisect_right(self.word_ends, start)  # first word ending after start
        last = bisect_left(self.word_starts, end) - 1  # last word starting before end
        if first > last:
            return None
        return self.word_starts[first], self.word_ends[last]

    def word_at(self, offset: int) -> tuple[int, int] | None:
        """The word at the caret ``offset``, else the next word in reading order."""
        at = bisect_right(self.word_ends, offset)
        if at < len(self.word_ends) and self.word_starts[at] <= offset:
            return self.word_starts[at], self.word_ends[at]
        at = bisect_left(self.word_starts, offset)
        if at < len(self.word_starts):
            return self.word_starts[at], self.word_ends[at]
        return None

    def grow(self, start: int, end: int, words: int) -> tuple[int, int]:
        """Add (``words`` > 0) or drop (< 0) whole words at the end of ``start..end``."""
        at = bisect_left(self.word_ends, end)  # the word ending at ``end``
        target = max(bisect_right(self.word_ends, start), min(at + words, len(self.word_ends) - 1))
        return start, max(self.word_ends[target], start + 1) if target >= 0 else end
