"""Code points (the store's offsets) to Qt positions (UTF-16 code units) and back.

Arabic is in the Basic Multilingual Plane, so the two agree until an emoji or
another astral character appears; after each such character Qt counts one more.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


def display_text(text: str) -> str:
    """The text as the article view shows it, with the same length in code points.

    ``QTextDocument`` folds ``\\r\\n`` into one block break, which would shift every
    later offset by one, so each ``\\r`` is shown as a space.
    """
    return text.replace("\r", " ")


class OffsetMap:
    def __init__(self, text: str):
        # Code-point offsets of astral characters, and their Qt positions.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset) if self._astral else offset

    def from_qt(self, position: int) -> int:
        """The code-point offset of ``position`` (inside a surrogate pair: the next character)."""
        return position - bisect_right(self._astral_qt, position - 2) if self._astral else position
