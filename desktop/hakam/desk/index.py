"""Which items lie in which text block, so one block can be redrawn alone.

Blocks are the article view's paragraphs: ``QTextDocument`` starts a new block
after each ``\\n`` and U+2029. Offsets here are code points.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

ItemKey = tuple[str, int]  # ("span" | "event", item id)
_BREAK = re.compile("[\n\u2029]")


class ItemIndex:
    def __init__(self, text: str):
        self._breaks = [m.start() for m in _BREAK.finditer(text)]
        self._where: dict[ItemKey, tuple[int, int]] = {}
        self._in_block: defaultdict[int, set[ItemKey]] = defaultdict(set)

    def block_of(self, offset: int) -> int:
        return bisect_left(self._breaks, offset)

    def blocks_of(self, start: int, end: int) -> range:
        return range(self.block_of(start), self.block_of(max(start, end - 1)) + 1)

    def put(self, key: ItemKey, start: int, end: int) -> None:
        self.remove(key)
        self._where[key] = (start, end)
        for block in self.blocks_of(start, end):
            self._in_block[block].add(key)

    def remove(self, key: ItemKey) -> None:
        old = self._where.pop(key, None)
        if old:
            for block in self.blocks_of(*old):
                self._in_block[block].discard(key)

    def span_of(self, key: ItemKey) -> tuple[int, int] | None:
        return self._where.get(key)

    def in_block(self, block: int) -> set[ItemKey]:
        return self._in_block.get(block, set())

    def at(self, offset: int) -> list[ItemKey]:
        """Items covering ``offset``, shortest first."""
        keys = [k for k in self.in_block(self.block_of(offset)) if self._where[k][0] <= offset < self._where[k][1]]
        return sorted(keys, key=lambda k: (self._where[k][1] - self._where[k][0], k[0] != "event", k[1]))
