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

from checker.harness.counting import Block, Memory

# The key idea: open addressing with linear probing. A key lives at slot hash & (capacity - 1)
# or, if that is taken, at the next free slot after it, so a lookup walks from its home slot
# until it finds the key or a slot that was never used. Two rules keep that walk short and
# correct:
# - Deleting leaves a tombstone, not an empty slot: an empty slot would end the walk early and
#   hide every key placed after it. Tombstones still lengthen walks, so they count towards the
#   load factor, and a rebuild (which re-places every live entry by its hash) drops them.
# - The load factor (live entries + tombstones) / capacity stays at most 2/3. A rebuild leaves
#   the table at most half full, so a run of inserts pays for the next one: O(1) amortized.
# Each entry keeps its hash, so a probe compares hashes (plain ints) before calling == on keys,
# and a rebuild never calls hash() again.
_DELETED = object()  # the tombstone
_MIN_CAPACITY = 8  # a power of two, so hash & (capacity - 1) is the home slot


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
        self._memory = memory
        self._slots: Block = memory.allocate(_MIN_CAPACITY)
        self._size = 0  # live entries
        self._used = 0  # live entries + tombstones: the slots a probe may have to walk past

    def __setitem__(self, key: Hashable, value: Any) -> None:
        """Map ``key`` to ``value``, replacing the value of a key already present.

        >>> m = HashMap(Memory())
        >>> m[1] = "one"; m[1] = "uno"
        >>> m[1], len(m)
        ('uno', 1)
        """
        h = hash(key)
        found = self._find(key, h)
        if found >= 0:
            self._slots[found] = (h, key, value)
            return
        if 3 * (self._used + 1) > 2 * self._slots.capacity:
            self._rebuild()
        slot = self._free_slot(h)
        if self._slots[slot] is None:  # a never-used slot, not a recycled tombstone
            self._used += 1
        self._slots[slot] = (h, key, value)
        self._size += 1

    def __getitem__(self, key: Hashable) -> Any:
        """The value of ``key``; raise ``KeyError`` if the map does not hold it.

        >>> m = HashMap(Memory())
        >>> m["x"] = 10
        >>> m["x"]
        10
        """
        found = self._find(key, hash(key))
        if found < 0:
            raise KeyError(key)
        return self._slots[found][2]

    def __delitem__(self, key: Hashable) -> None:
        """Remove ``key`` and its value; raise ``KeyError`` if the map does not hold it.

        >>> m = HashMap(Memory())
        >>> m["x"] = 10
        >>> del m["x"]
        >>> "x" in m
        False
        """
        found = self._find(key, hash(key))
        if found < 0:
            raise KeyError(key)
        self._slots[found] = _DELETED
        self._size -= 1

    def __contains__(self, key: Hashable) -> bool:
        """Whether the map holds ``key`` (whatever its value, None included).

        >>> m = HashMap(Memory())
        >>> m["x"] = None
        >>> "x" in m
        True
        """
        return self._find(key, hash(key)) >= 0

    def __len__(self) -> int:
        """How many keys the map holds.

        >>> m = HashMap(Memory())
        >>> m["a"] = 1; m["b"] = 2
        >>> len(m)
        2
        """
        return self._size

    def __iter__(self) -> Iterator[Hashable]:
        """Every key, once each, in any order.

        >>> m = HashMap(Memory())
        >>> m[2] = "b"; m[1] = "a"
        >>> sorted(m)
        [1, 2]
        """
        for i in range(self._slots.capacity):
            entry = self._slots[i]
            if entry is not None and entry is not _DELETED:
                yield entry[1]

    def _find(self, key: Hashable, h: int) -> int:
        """The slot holding ``key``, or -1: the walk ends at the first never-used slot."""
        mask = self._slots.capacity - 1
        i = h & mask
        while True:
            entry = self._slots[i]
            if entry is None:
                return -1
            if entry is not _DELETED and entry[0] == h and (entry[1] is key or entry[1] == key):
                return i
            i = (i + 1) & mask

    def _free_slot(self, h: int) -> int:
        """The first tombstone or never-used slot on the walk from ``h``'s home slot."""
        mask = self._slots.capacity - 1
        i = h & mask
        while True:
            entry = self._slots[i]
            if entry is None or entry is _DELETED:
                return i
            i = (i + 1) & mask

    def _rebuild(self) -> None:
        """Re-place every live entry in a fresh block at most half full; tombstones go."""
        capacity = _MIN_CAPACITY
        while 2 * (self._size + 1) > capacity:
            capacity *= 2
        old = self._slots
        self._slots = self._memory.allocate(capacity)
        self._used = self._size
        for j in range(old.capacity):
            entry = old[j]
            if entry is not None and entry is not _DELETED:
                self._slots[self._free_slot(entry[0])] = entry
