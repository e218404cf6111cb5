"""RunningMedian keeps one sorted list with bisect.insort: log n comparisons, but n moves."""

from __future__ import annotations

import bisect
from typing import Any

from solutions.stage2_patterns.heaps import RunningMedian as _Correct
from solutions.stage2_patterns.heaps import merge_sorted, top_k_frequent  # noqa: F401

KATA = "heap-patterns"


class RunningMedian(_Correct):
    def __init__(self) -> None:
        self._items: list[Any] = []

    def add(self, x: Any) -> None:
        bisect.insort(self._items, x)  # the bug: shifts every larger item one place right

    def median(self) -> Any:
        if not self._items:
            raise IndexError("median of an empty RunningMedian: add an item first")
        return self._items[(len(self._items) - 1) // 2]
