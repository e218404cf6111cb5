"""Pop takes the first item and re-sorts the rest: always correct, but n comparisons per pop."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

KATA = "binary-heap"


class MinHeap:
    def __init__(self) -> None:
        self._items: list[Any] = []

    @classmethod
    def heapify(cls, items: Iterable[Any]) -> MinHeap:
        heap = cls()
        heap._items = list(items)
        for i in reversed(range(len(heap._items) // 2)):
            heap._sift_down(i)
        return heap

    def push(self, item: Any) -> None:
        self._items.append(item)
        self._sift_up(len(self._items) - 1)

    def pop(self) -> Any:
        if not self._items:
            raise IndexError("pop from an empty heap")
        smallest = self._items.pop(0)
        self._items.sort()  # the bug: restores the order by sorting everything
        return smallest

    def peek(self) -> Any:
        if not self._items:
            raise IndexError("peek at an empty heap")
        return self._items[0]

    def __len__(self) -> int:
        return len(self._items)

    def _sift_up(self, i: int) -> None:
        items = self._items
        item = items[i]
        while i > 0:
            parent = (i - 1) // 2
            if not item < items[parent]:
                break
            items[i] = items[parent]  # move the parent down; the item lands once, at the end
            i = parent
        items[i] = item

    def _sift_down(self, i: int) -> None:
        items = self._items
        n = len(items)
        item = items[i]
        while (child := 2 * i + 1) < n:
            right = child + 1
            if right < n and items[right] < items[child]:
                child = right
            if not items[child] < item:
                break
            items[i] = items[child]
            i = child
        items[i] = item
