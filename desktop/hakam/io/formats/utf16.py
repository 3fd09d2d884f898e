"""UTF-16 code units (JavaScript and Java string indices) <-> code points.

doccano, Label Studio and WebAnno TSV count offsets in UTF-16 code units, so
every character outside the Basic Multilingual Plane (an emoji) counts twice.
Hakam counts code points. For BMP-only text the two are the same.
"""

from __future__ import annotations

from bisect import bisect_left


class SplitPair(ValueError):
    """An offset between the two halves of a UTF-16 surrogate pair (inside an emoji)."""


class Utf16:
    """Offset conversion for one text."""

    def __init__(self, text: str):
        self.text = text
        self._astral = [i for i, char in enumerate(text) if ord(char) > 0xFFFF]  # code-point indices

    @property
    def identity(self) -> bool:
        return not self._astral

    def to_utf16(self, index: int) -> int:
        """UTF-16 offset of code-point ``index``."""
        return index + bisect_left(self._astral, index) if self._astral else index

    def to_code_point(self, unit: int) -> int | None:
        """Code-point offset of UTF-16 ``unit``; ``None`` inside a surrogate pair."""
        if not self._astral:
            return unit
        low, high = 0, len(self._astral)
        while low < high:  # astral characters that start before ``unit``
            mid = (low + high) // 2
            if self._astral[mid] + mid < unit:
                low = mid + 1
            else:
                high = mid
        index = unit - low
        if low and self._astral[low - 1] + low == unit:  # between the two halves of a pair
            return None
        return index

    def span(self, start: int, end: int, claimed: str | None = None) -> tuple[int, int]:
        """Code-point ``[start, end)`` of UTF-16 ``[start, end)``.

        When the text the file claims for the span matches the offsets read as
        code points but not as UTF-16 (a script wrote code points), those win;
        any remaining mismatch is left for validation to report. An offset that
        splits a surrogate pair raises ``SplitPair``.
        """
        begin, finish = self.to_code_point(start), self.to_code_point(end)
        if claimed is not None and (begin is None or finish is None or self.text[begin:finish] != claimed):
            if self.text[start:end] == claimed:
                return start, end
        if begin is None or finish is None:
            raise SplitPair(f"offsets {start}..{end} split a character outside the BMP (an emoji) in two UTF-16 halves")
        return begin, finish
