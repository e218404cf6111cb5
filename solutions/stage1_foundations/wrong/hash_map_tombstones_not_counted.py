"""Tombstones are never reused and the load factor ignores them: empty slots run out.

Every delete leaves a tombstone, every insert takes a never-used slot, and only live keys count
towards the load factor, so a long run of deletes and inserts uses up the empty slots without
ever triggering a rebuild; then a lookup of a missing key probes forever.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any

from checker.harness.counting import Block, Memory

KATA = "hash-map"

_DELETED = object()  # the tombstone
_MIN_CAPACITY = 8  # a power of two, so hash & (capacity - 1) is the home slot


class HashMap:
    def __init__(self, memory: Memory) -> None:
        self._memory = memory
        self._slots: Block = memory.allocate(_MIN_CAPACITY)
        self._size = 0  # live entries
        self._used = 0  # live entries + tombstones: the slots a probe may have to walk past

    def __setitem__(self, key: Hashable, value: Any) -> None:
        h = hash(key)
        found = self._find(key, h)
        if found >= 0:
            self._slots[found] = (h, key, value)
            return
        if 3 * (self._size + 1) > 2 * self._slots.capacity:  # the bug, part 1
            self._rebuild()
        slot = self._free_slot(h)
        if self._slots[slot] is None:  # a never-used slot, not a recycled tombstone
            self._used += 1
        self._slots[slot] = (h, key, value)
        self._size += 1

    def __getitem__(self, key: Hashable) -> Any:
        found = self._find(key, hash(key))
        if found < 0:
            raise KeyError(key)
        return self._slots[found][2]

    def __delitem__(self, key: Hashable) -> None:
        found = self._find(key, hash(key))
        if found < 0:
            raise KeyError(key)
        self._slots[found] = _DELETED
        self._size -= 1

    def __contains__(self, key: Hashable) -> bool:
        return self._find(key, hash(key)) >= 0

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Hashable]:
        for i in range(self._slots.capacity):
            entry = self._slots[i]
            if entry is not None and entry is not _DELETED:
                yield entry[1]

    def _find(self, key: Hashable, h: int) -> int:
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
        mask = self._slots.capacity - 1
        i = h & mask
        while True:
            entry = self._slots[i]
            if entry is None:  # the bug, part 2: tombstones are skipped, never reused
                return i
            i = (i + 1) & mask

    def _rebuild(self) -> None:
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
