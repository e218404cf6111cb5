"""Deletion empties the slot: a lookup stops there and misses the keys probed past it."""

from __future__ import annotations

from collections.abc import Hashable

from solutions.stage1_foundations.hash_map import HashMap as _Correct

KATA = "hash-map"


class HashMap(_Correct):
    def __delitem__(self, key: Hashable) -> None:
        found = self._find(key, hash(key))
        if found < 0:
            raise KeyError(key)
        self._slots[found] = None  # the bug: breaks every probe chain through this slot
        self._size -= 1
        self._used -= 1
