"""count(lo, hi) binary-searches lo, then walks key by key to hi: O(log n + answer), not log n."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from solutions.stage1_foundations.choose_structure import (  # noqa: F401
    WHY,
    LRUCache,
    Membership,
    top_k,
)

KATA = "choose-the-structure"


class RangeCounter:
    def __init__(self, keys: Iterable[Any]) -> None:
        self._keys = sorted(keys)

    def count(self, lo: Any, hi: Any) -> int:
        i = start = bisect_left(self._keys, lo)
        while i < len(self._keys) and self._keys[i] <= hi:  # the bug: one step per key in range
            i += 1
        return i - start
