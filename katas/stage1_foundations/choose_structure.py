"""Choose the structure: four scenarios, each with a bound that decides its data structure.

For each scenario, list the operations it needs and how often each runs, pick the structure whose
costs meet the bound, build the scenario on it, and write one line in ``WHY`` naming the structure
and the bound it gives. The tests count the hashes and comparisons your code makes on keys that
count them (inside built-ins too) as n doubles, and print your line beside the counts when a bound
is missed.

1. ``LRUCache``: ``get`` and ``put`` in O(1) whatever the capacity, evicting the least recently
   used key when full. Build it by hand: ``collections.OrderedDict`` and ``functools.lru_cache``
   are off limits here, because OrderedDict *is* the answer and using it skips the lesson.
2. ``top_k``: the k largest items of a stream of n items in O(n log k) comparisons, keeping O(k)
   items in memory. ``heapq``'s push and pop are fine; ``heapq.nlargest`` and ``nsmallest`` are
   off limits for the same reason as OrderedDict.
3. ``Membership``: built once from n items, then each ``x in membership`` costs a number of
   hashes and comparisons that does not grow with n.
4. ``RangeCounter``: built once in O(n log n) comparisons, then counts the keys in [lo, hi] in
   O(log n) comparisons per query.

Why it matters: the same operation costs O(1), O(log n) or O(n) depending only on the structure
under it. At a million items that is the difference between a microsecond and a second per call.

Docs: docs/stage1_foundations.md#choose-the-structure
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

# One line per scenario: the structure you chose and the bound it gives. The form, for a scenario
# that is not one of these four (a FIFO queue of jobs): "deque: append and popleft are O(1) at
# both ends, where a list's pop(0) shifts every element, O(n)".
WHY: dict[str, str] = {
    "lru": "",
    "top_k": "",
    "membership": "",
    "range_count": "",
}


class LRUCache:
    """A key-value cache of fixed capacity that evicts the least recently used key when full.

    >>> cache = LRUCache(2)
    >>> cache.put("a", 1); cache.put("b", 2); cache.get("a"); cache.put("c", 3)
    1
    >>> cache.get("b") is None
    True
    """

    def __init__(self, capacity: int) -> None:
        """An empty cache holding at most ``capacity`` keys (``capacity`` >= 1)."""
        raise NotImplementedError

    def get(self, key: Hashable, default: Any = None) -> Any:
        """The value stored under ``key``, now the most recently used; ``default`` if absent.

        >>> cache = LRUCache(1); cache.put(1, "one"); cache.get(1)
        'one'
        """
        raise NotImplementedError

    def put(self, key: Hashable, value: Any) -> None:
        """Store ``value`` under ``key`` as the most recently used; evict the least if over.

        >>> cache = LRUCache(1); cache.put(1, "one"); cache.put(2, "two"); len(cache)
        1
        """
        raise NotImplementedError

    def __len__(self) -> int:
        """How many keys the cache holds.

        >>> len(LRUCache(3))
        0
        """
        raise NotImplementedError


def top_k(stream: Iterable[Any], k: int) -> list[Any]:
    """The ``k`` largest items of ``stream`` (all of them if fewer), largest first.

    The stream is read once, item by item; it may be a generator far too long to hold.

    >>> top_k(iter([5, 1, 9, 3, 7]), 2)
    [9, 7]
    """
    raise NotImplementedError


class Membership:
    """Answers ``x in membership`` for a fixed collection of hashable items.

    >>> 3 in Membership([1, 2, 3])
    True
    """

    def __init__(self, items: Iterable[Hashable]) -> None:
        """Build the index once, here, from ``items`` (duplicates allowed)."""
        raise NotImplementedError

    def __contains__(self, item: object) -> bool:
        """Whether ``item`` equals one of the items it was built from.

        >>> 4 in Membership([1, 2, 3])
        False
        """
        raise NotImplementedError


class RangeCounter:
    """Counts the keys between two bounds, for a fixed collection of comparable keys.

    >>> RangeCounter([5, 1, 3, 3, 9]).count(2, 5)
    3
    """

    def __init__(self, keys: Iterable[Any]) -> None:
        """Build the index once, here, from ``keys`` (duplicates allowed)."""
        raise NotImplementedError

    def count(self, lo: Any, hi: Any) -> int:
        """How many keys k satisfy lo <= k <= hi (0 when lo > hi).

        >>> RangeCounter([1, 2, 2, 4]).count(2, 3)
        2
        """
        raise NotImplementedError
