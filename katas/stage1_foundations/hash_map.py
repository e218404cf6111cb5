"""Hash map: a dict built on fixed-size memory blocks, with resizing and deletion.

Build ``HashMap``, the structure under Python's ``dict`` and ``set``, Java's ``HashMap`` and
Go's ``map``. Hash each key with ``hash(key)`` and keep the entries in blocks from
``memory.allocate(capacity)`` (``block[i]``, ``block[i] = value``, ``block.capacity``; every
slot reads ``None`` until written). Resolve collisions your way: open addressing (probe the
following slots) or chaining (a linked chain of entries per slot, its nodes blocks too). No
Python ``dict``, ``set`` or ``list`` inside the map: the tests count the blocks.

The bounds to meet, counted by the memory's counter and by keys that count their ``==`` and
``hash`` calls (the tests never time your code):

- A lookup probes O(1) slots on average at every size: on average at most 16 slot reads and
  key comparisons per hit and 32 per miss. Keep the load factor (used slots / capacity) below
  a constant, about 2/3, by moving to a bigger block as the map grows.
- n puts cost O(n) in total, resizes included: at most 64 counted operations per key (slot
  reads and writes, slots allocated, hashes and comparisons).
- Deleting a key never makes another key unreachable, and a long run of deletes and inserts
  does not slow lookups down.

Why it matters: "a dict lookup is O(1)" holds only on average, only below a load factor, and
only if deletion and resizing are done right. Here you make all three true and count the probes.

Docs: docs/stage1_foundations.md#hash-map
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any

from checker.harness.counting import Memory


class HashMap:
    """A mapping from keys to values, kept in blocks from ``memory``.

    >>> m = HashMap(Memory())
    >>> m["apple"] = 3
    >>> m["apple"], "pear" in m, len(m)
    (3, False, 1)
    """

    def __init__(self, memory: Memory) -> None:
        """Start empty; every block this map ever uses comes from ``memory.allocate``.

        >>> len(HashMap(Memory()))
        0
        """
        raise NotImplementedError

    def __setitem__(self, key: Hashable, value: Any) -> None:
        """Map ``key`` to ``value``, replacing the value of a key already present.

        >>> m = HashMap(Memory())
        >>> m[1] = "one"; m[1] = "uno"
        >>> m[1], len(m)
        ('uno', 1)
        """
        raise NotImplementedError

    def __getitem__(self, key: Hashable) -> Any:
        """The value of ``key``; raise ``KeyError`` if the map does not hold it.

        >>> m = HashMap(Memory())
        >>> m["x"] = 10
        >>> m["x"]
        10
        """
        raise NotImplementedError

    def __delitem__(self, key: Hashable) -> None:
        """Remove ``key`` and its value; raise ``KeyError`` if the map does not hold it.

        >>> m = HashMap(Memory())
        >>> m["x"] = 10
        >>> del m["x"]
        >>> "x" in m
        False
        """
        raise NotImplementedError

    def __contains__(self, key: Hashable) -> bool:
        """Whether the map holds ``key`` (whatever its value, None included).

        >>> m = HashMap(Memory())
        >>> m["x"] = None
        >>> "x" in m
        True
        """
        raise NotImplementedError

    def __len__(self) -> int:
        """How many keys the map holds.

        >>> m = HashMap(Memory())
        >>> m["a"] = 1; m["b"] = 2
        >>> len(m)
        2
        """
        raise NotImplementedError

    def __iter__(self) -> Iterator[Hashable]:
        """Every key, once each, in any order.

        >>> m = HashMap(Memory())
        >>> m[2] = "b"; m[1] = "a"
        >>> sorted(m)
        [1, 2]
        """
        raise NotImplementedError
