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

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable
from typing import Any

# One line per scenario: the structure you chose and the bound it gives. The form, for a scenario
# that is not one of these four (a FIFO queue of jobs): "deque: append and popleft are O(1) at
# both ends, where a list's pop(0) shifts every element, O(n)".
WHY: dict[str, str] = {
    "lru": (
        "hash map from key to node in a doubly linked list: the map finds a node in O(1), "
        "the links move it to the front or evict the tail in O(1)"
    ),
    "top_k": (
        "min-heap of the k largest so far: each item is compared with the smallest kept, "
        "entering costs O(log k), so O(n log k) in all and O(k) memory"
    ),
    "membership": (
        "hash set: one hash and about one == per query, O(1) expected whatever n is, "
        "where a list scan is O(n)"
    ),
    "range_count": (
        "sorted array and bisect: sorting once is O(n log n), then two binary searches "
        "find lo and hi in O(log n) each"
    ),
}


class _Node:
    """One entry of the recency list."""

    __slots__ = ("key", "next", "prev", "value")

    def __init__(self, key: Any, value: Any) -> None:
        self.key = key
        self.value = value
        self.prev: _Node = self
        self.next: _Node = self


class LRUCache:
    """A key-value cache of fixed capacity that evicts the least recently used key when full.

    >>> cache = LRUCache(2)
    >>> cache.put("a", 1); cache.put("b", 2); cache.get("a"); cache.put("c", 3)
    1
    >>> cache.get("b") is None
    True
    """

    # Key idea: a dict alone has no recency order and a linked list alone has no O(1) lookup.
    # The dict maps each key to its node in a circular doubly linked list with one sentinel:
    # the dict finds the node, and the links unlink it and splice it in front in O(1).
    # sentinel.next is the most recently used node, sentinel.prev the least.

    def __init__(self, capacity: int) -> None:
        """An empty cache holding at most ``capacity`` keys (``capacity`` >= 1)."""
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, not {capacity!r}")
        self.capacity = capacity
        self._nodes: dict[Hashable, _Node] = {}
        self._sentinel = _Node(None, None)

    def get(self, key: Hashable, default: Any = None) -> Any:
        """The value stored under ``key``, now the most recently used; ``default`` if absent.

        >>> cache = LRUCache(1); cache.put(1, "one"); cache.get(1)
        'one'
        """
        node = self._nodes.get(key)
        if node is None:
            return default
        self._unlink(node)
        self._push_front(node)
        return node.value

    def put(self, key: Hashable, value: Any) -> None:
        """Store ``value`` under ``key`` as the most recently used; evict the least if over.

        >>> cache = LRUCache(1); cache.put(1, "one"); cache.put(2, "two"); len(cache)
        1
        """
        node = self._nodes.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return
        if len(self._nodes) >= self.capacity:
            oldest = self._sentinel.prev
            self._unlink(oldest)
            # The node keeps the very key object the dict holds: an identity hit, no == call.
            del self._nodes[oldest.key]
        node = _Node(key, value)
        self._nodes[key] = node
        self._push_front(node)

    def __len__(self) -> int:
        """How many keys the cache holds.

        >>> len(LRUCache(3))
        0
        """
        return len(self._nodes)

    def _unlink(self, node: _Node) -> None:
        node.prev.next = node.next
        node.next.prev = node.prev

    def _push_front(self, node: _Node) -> None:
        first = self._sentinel.next
        node.prev, node.next = self._sentinel, first
        first.prev = node
        self._sentinel.next = node


def top_k(stream: Iterable[Any], k: int) -> list[Any]:
    """The ``k`` largest items of ``stream`` (all of them if fewer), largest first.

    The stream is read once, item by item; it may be a generator far too long to hold.

    >>> top_k(iter([5, 1, 9, 3, 7]), 2)
    [9, 7]
    """
    # Key idea: keep the k largest seen so far in a min-heap. Its root is the smallest of them,
    # the one a newcomer must beat: one comparison rejects most items, and a newcomer that wins
    # replaces the root in O(log k). The heap never holds more than k items.
    if k <= 0:
        return []
    heap: list[Any] = []
    for item in stream:
        if len(heap) < k:
            heapq.heappush(heap, item)
        elif heap[0] < item:
            heapq.heapreplace(heap, item)
    heap.sort(reverse=True)  # O(k log k), once
    return heap


class Membership:
    """Answers ``x in membership`` for a fixed collection of hashable items.

    >>> 3 in Membership([1, 2, 3])
    True
    """

    # Key idea: a hash set sends each item to a slot computed from its hash, so a query looks at
    # one slot (and rarely a few) instead of every item: O(1) expected, O(n) to build.

    def __init__(self, items: Iterable[Hashable]) -> None:
        """Build the index once, here, from ``items`` (duplicates allowed)."""
        self._items = frozenset(items)

    def __contains__(self, item: object) -> bool:
        """Whether ``item`` equals one of the items it was built from.

        >>> 4 in Membership([1, 2, 3])
        False
        """
        return item in self._items


class RangeCounter:
    """Counts the keys between two bounds, for a fixed collection of comparable keys.

    >>> RangeCounter([5, 1, 3, 3, 9]).count(2, 5)
    3
    """

    # Key idea: sort once (O(n log n)); the keys in [lo, hi] are then one contiguous run, whose
    # ends two binary searches find in O(log n) comparisons each.

    def __init__(self, keys: Iterable[Any]) -> None:
        """Build the index once, here, from ``keys`` (duplicates allowed)."""
        self._keys = sorted(keys)

    def count(self, lo: Any, hi: Any) -> int:
        """How many keys k satisfy lo <= k <= hi (0 when lo > hi).

        >>> RangeCounter([1, 2, 2, 4]).count(2, 3)
        2
        """
        return max(0, bisect_right(self._keys, hi) - bisect_left(self._keys, lo))
