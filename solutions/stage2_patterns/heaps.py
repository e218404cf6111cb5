"""Heap patterns: the k most frequent items, a k-way merge, and a running median.

Three problems where only the smallest (or largest) of a changing set is ever needed, never
the full order. A heap gives that in O(log size) per push or pop, where sorting pays for an
order nobody asked for, and scanning pays n for every answer.

- ``top_k_frequent(items, k)``: the k most frequent items, most frequent first, ties broken by
  the smaller item first. Keep a heap of at most k candidates: O(n log k).
- ``merge_sorted(lists)``: one sorted list from k sorted lists, by always taking the smallest
  head: O(N log k) for N items in all. Scanning all k heads for every item costs N·k.
- ``RunningMedian``: ``add(x)`` items one at a time and ask ``median()`` at any moment, each
  in O(log n) (``median`` in O(1)). Keeping one sorted list costs O(n) per add.

Before coding, fill in each ``@declare(...)``: the pattern (a name from the catalogue in the
docs), the time and extra-space classes of your code, the class of the brute force, and in one
line why the pattern beats it. Classes are in terms of n, with everything else fixed, and the
tests measure them this way:

- ``top_k_frequent``: n = len(items), k fixed (k = 8, so a factor of log k is a constant),
  nearly every item distinct.
- ``merge_sorted``: n = the total number of items, in lists of about 4 items each, so the
  number of lists k = n / 4 grows with n.
- ``RunningMedian``: the cost of one ``add`` followed by one ``median()`` on a structure that
  already holds n items; its space is what n adds keep alive.

Space counts everything your code allocates, the list it returns included. The tests count
comparisons and hashes of items (inside ``heapq``, ``sorted`` and ``dict`` too; they never
time your code) and check your declared classes against the counts. Their items only compare
and hash, except that the numbers given to ``RunningMedian`` may also be negated (the usual way
to make a max-heap out of ``heapq``).

Why it matters: the k hottest keys of a log, merging sorted runs from k files or k shards,
the median latency of a live stream: each is a heap in production code.

Docs: docs/stage2_patterns.md#heap-patterns
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

from checker.harness.patterns import declare

# The key idea, for all three: a heap answers "which is smallest?" in O(1) and absorbs a push or
# a pop in O(log size). Never sort what you only need the top of.


@declare(
    pattern="heap",
    time="O(n)",
    space="O(n)",
    brute_force="O(n log n)",
    beats="a heap of the k best so far costs log k per item, never orders all of them",
)
def top_k_frequent(items: Iterable[Hashable], k: int) -> list[Hashable]:
    """The ``k`` most frequent items, most frequent first; equal counts: smaller item first.

    Fewer than ``k`` distinct items: all of them. ``k`` <= 0: ``[]``.

    >>> top_k_frequent(["b", "a", "c", "a", "b", "d"], 3)
    ['a', 'b', 'c']
    """
    counts = Counter(items)  # one hash per item
    # nsmallest keeps a heap of the k best (count, item) pairs seen so far: a new pair costs one
    # comparison with the worst of them, and log k more only when it gets in.
    best = heapq.nsmallest(k, ((-count, item) for item, count in counts.items()))
    return [item for _, item in best]


@declare(
    pattern="heap",
    time="O(n log n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="the heap finds the smallest of k heads in log k, not by scanning all k",
)
def merge_sorted(lists: Sequence[Sequence[Any]]) -> list[Any]:
    """All the items of ``lists`` (each sorted ascending) in one sorted list.

    >>> merge_sorted([[1, 4, 7], [2, 5], [], [3, 6, 9]])
    [1, 2, 3, 4, 5, 6, 7, 9]
    """
    # One entry per list that still has items: (its head, which list, where in it). The list
    # number breaks ties between equal heads, so two positions are never compared.
    heads = [(items[0], which, 0) for which, items in enumerate(lists) if items]
    heapq.heapify(heads)
    merged: list[Any] = []
    while heads:
        item, which, at = heads[0]
        merged.append(item)
        if at + 1 < len(lists[which]):
            heapq.heapreplace(heads, (lists[which][at + 1], which, at + 1))
        else:
            heapq.heappop(heads)
    return merged


class _Largest:
    """Reverses the order of an item, so heapq's min-heap serves as a max-heap."""

    __slots__ = ("item",)

    def __init__(self, item: Any) -> None:
        self.item = item

    def __lt__(self, other: _Largest) -> bool:
        return other.item < self.item


@declare(
    pattern="heap",
    time="O(log n)",
    space="O(n)",
    brute_force="O(n)",
    beats="two heaps keep the middle on top, so an add never shifts or rescans n items",
)
class RunningMedian:
    """The median of every item added so far, kept up to date one ``add`` at a time.

    The median of an even count is the lower of the two middle items, so items only need
    ``<``: it is the item at index (count - 1) // 2 of the items in sorted order.

    >>> running = RunningMedian()
    >>> for x in [5, 1, 4, 2]:
    ...     running.add(x)
    >>> running.median()
    2
    """

    # Two heaps split the items at the median: ``lower`` (a max-heap) holds the smaller half
    # and the median on top, ``upper`` (a min-heap) the larger half. lower has as many items as
    # upper, or one more. An add pushes onto one heap and moves at most one item across.

    def __init__(self) -> None:
        """Start with no items."""
        self._lower: list[_Largest] = []
        self._upper: list[Any] = []

    def add(self, x: Any) -> None:
        """Take in one more item, in O(log n) comparisons.

        >>> running = RunningMedian(); running.add(3); running.median()
        3
        """
        if self._lower and x < self._lower[0].item:
            heapq.heappush(self._lower, _Largest(x))
        else:
            heapq.heappush(self._upper, x)
        if len(self._lower) > len(self._upper) + 1:
            heapq.heappush(self._upper, heapq.heappop(self._lower).item)
        elif len(self._upper) > len(self._lower):
            heapq.heappush(self._lower, _Largest(heapq.heappop(self._upper)))

    def median(self) -> Any:
        """The lower median of the items added so far; ``IndexError`` when there are none.

        >>> running = RunningMedian(); running.add(1); running.add(2); running.median()
        1
        """
        if not self._lower:
            raise IndexError("median of an empty RunningMedian: add an item first")
        return self._lower[0].item
