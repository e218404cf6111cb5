"""Binary heap: a priority queue in a plain list, with O(log n) push and pop and O(n) heapify.

Build ``MinHeap``, the structure behind Python's ``heapq``, Java's ``PriorityQueue`` and every
scheduler's "what runs next". Keep the items in a Python list laid out as a complete binary
tree: the children of position i are at 2i + 1 and 2i + 2, its parent at (i - 1) // 2, and no
item is smaller than its parent, so the smallest item is at position 0. Items only need ``<``.
Write the sifting yourself: no ``heapq``, and no sorting.

The bounds to meet, in comparisons between items (the tests count them; they never time your
code):

- ``push``: at most about log2(n) comparisons; ``pop``: at most 2·log2(n); ``peek``: none.
- ``heapify(items)``: at most 2n comparisons. Pushing the items one by one costs n log n, so
  this needs a different idea.

Why it matters: a heap is the structure to reach for when you need the smallest item again and
again while items keep arriving (top-k, scheduling, Dijkstra, merging sorted streams); building
one in O(n) rather than O(n log n) is a classic result worth having derived once yourself.

Docs: docs/stage1_foundations.md#binary-heap
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# The key idea: a pop moves the last item to the root and sifts it DOWN (swap with the smaller
# child while that child is smaller: two comparisons per level, log2(n) levels); a push appends
# and sifts UP (one comparison per level). Heapify sifts down every non-leaf, starting from the
# last one (Floyd, 1964): half the nodes are leaves and never move, a quarter sift down at most
# one level, an eighth at most two, and so on, so the total work is n·(1/4 + 2/8 + 3/16 + ...)
# = n levels, at most 2n comparisons. Pushing items one by one is the same tree walked the other
# way: with items arriving largest first, most of them climb about log2(n) levels to the root.


class MinHeap:
    """A min-heap in a list: ``peek`` and ``pop`` give the smallest item.

    >>> heap = MinHeap()
    >>> for x in [5, 1, 4]:
    ...     heap.push(x)
    >>> heap.pop(), heap.peek(), len(heap)
    (1, 4, 2)
    """

    def __init__(self) -> None:
        """Start empty.

        >>> len(MinHeap())
        0
        """
        self._items: list[Any] = []

    @classmethod
    def heapify(cls, items: Iterable[Any]) -> MinHeap:
        """A heap holding ``items``, built with at most 2n comparisons; ``items`` is not changed.

        >>> heap = MinHeap.heapify([3, 1, 2])
        >>> [heap.pop() for _ in range(3)]
        [1, 2, 3]
        """
        heap = cls()
        heap._items = list(items)
        for i in reversed(range(len(heap._items) // 2)):
            heap._sift_down(i)
        return heap

    def push(self, item: Any) -> None:
        """Add ``item`` in O(log n) comparisons.

        >>> heap = MinHeap()
        >>> heap.push(2); heap.push(1)
        >>> heap.peek()
        1
        """
        self._items.append(item)
        self._sift_up(len(self._items) - 1)

    def pop(self) -> Any:
        """Remove and return the smallest item; raise ``IndexError`` saying the heap is empty.

        >>> heap = MinHeap.heapify([2, 1])
        >>> heap.pop(), len(heap)
        (1, 1)
        """
        if not self._items:
            raise IndexError("pop from an empty heap")
        last = self._items.pop()
        if not self._items:
            return last
        smallest, self._items[0] = self._items[0], last
        self._sift_down(0)
        return smallest

    def peek(self) -> Any:
        """The smallest item, without removing it; raise ``IndexError`` if the heap is empty.

        >>> MinHeap.heapify([3, 1, 2]).peek()
        1
        """
        if not self._items:
            raise IndexError("peek at an empty heap")
        return self._items[0]

    def __len__(self) -> int:
        """How many items the heap holds.

        >>> len(MinHeap.heapify("abc"))
        3
        """
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
