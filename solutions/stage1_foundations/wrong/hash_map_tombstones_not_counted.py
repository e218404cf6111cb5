"""Tombstones are never reused and the load factor ignores them: empty slots run out.

Every delete leaves a tombstone, every insert takes a never-used slot, and only live keys count
towards the load factor, so a long run of deletes and inserts uses up the empty slots without
ever triggering a rebuild; then a lookup of a missing key probes forever.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from solutions.stage1_foundations.hash_map import HashMap as _Correct

KATA = "hash-map"


class HashMap(_Correct):
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

    def _free_slot(self, h: int) -> int:
        mask = self._slots.capacity - 1
        i = h & mask
        while True:
            entry = self._slots[i]
            if entry is None:  # the bug, part 2: tombstones are skipped, never reused
                return i
            i = (i + 1) & mask
