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

from collections.abc import Hashable, Iterable, Sequence
from typing import Any

from checker.harness.patterns import declare


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def top_k_frequent(items: Iterable[Hashable], k: int) -> list[Hashable]:
    """The ``k`` most frequent items, most frequent first; equal counts: smaller item first.

    Fewer than ``k`` distinct items: all of them. ``k`` <= 0: ``[]``.

    >>> top_k_frequent(["b", "a", "c", "a", "b", "d"], 3)
    ['a', 'b', 'c']
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def merge_sorted(lists: Sequence[Sequence[Any]]) -> list[Any]:
    """All the items of ``lists`` (each sorted ascending) in one sorted list.

    >>> merge_sorted([[1, 4, 7], [2, 5], [], [3, 6, 9]])
    [1, 2, 3, 4, 5, 6, 7, 9]
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
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

    def __init__(self) -> None:
        """Start with no items."""
        raise NotImplementedError

    def add(self, x: Any) -> None:
        """Take in one more item, in O(log n) comparisons.

        >>> running = RunningMedian(); running.add(3); running.median()
        3
        """
        raise NotImplementedError

    def median(self) -> Any:
        """The lower median of the items added so far; ``IndexError`` when there are none.

        >>> running = RunningMedian(); running.add(1); running.add(2); running.median()
        1
        """
        raise NotImplementedError
