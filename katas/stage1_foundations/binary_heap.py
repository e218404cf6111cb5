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
        raise NotImplementedError

    @classmethod
    def heapify(cls, items: Iterable[Any]) -> MinHeap:
        """A heap holding ``items``, built with at most 2n comparisons; ``items`` is not changed.

        >>> heap = MinHeap.heapify([3, 1, 2])
        >>> [heap.pop() for _ in range(3)]
        [1, 2, 3]
        """
        raise NotImplementedError

    def push(self, item: Any) -> None:
        """Add ``item`` in O(log n) comparisons.

        >>> heap = MinHeap()
        >>> heap.push(2); heap.push(1)
        >>> heap.peek()
        1
        """
        raise NotImplementedError

    def pop(self) -> Any:
        """Remove and return the smallest item; raise ``IndexError`` saying the heap is empty.

        >>> heap = MinHeap.heapify([2, 1])
        >>> heap.pop(), len(heap)
        (1, 1)
        """
        raise NotImplementedError

    def peek(self) -> Any:
        """The smallest item, without removing it; raise ``IndexError`` if the heap is empty.

        >>> MinHeap.heapify([3, 1, 2]).peek()
        1
        """
        raise NotImplementedError

    def __len__(self) -> int:
        """How many items the heap holds.

        >>> len(MinHeap.heapify("abc"))
        3
        """
        raise NotImplementedError
