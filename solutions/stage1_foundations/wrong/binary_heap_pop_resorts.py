"""Pop takes the first item and re-sorts the rest: always correct, but n comparisons per pop."""

from __future__ import annotations

from typing import Any

from solutions.stage1_foundations.binary_heap import MinHeap as _Correct

KATA = "binary-heap"


class MinHeap(_Correct):
    def pop(self) -> Any:
        if not self._items:
            raise IndexError("pop from an empty heap")
        smallest = self._items.pop(0)
        self._items.sort()  # the bug: restores the order by sorting everything
        return smallest
