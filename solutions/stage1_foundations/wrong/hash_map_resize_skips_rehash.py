"""Resizing copies slot i to slot i instead of re-placing each entry by its hash."""

from __future__ import annotations

from solutions.stage1_foundations.hash_map import _DELETED, _MIN_CAPACITY
from solutions.stage1_foundations.hash_map import HashMap as _Correct

KATA = "hash-map"


class HashMap(_Correct):
    def _rebuild(self) -> None:
        old_capacity = self._slots.capacity
        capacity = _MIN_CAPACITY
        while 2 * (self._size + 1) > capacity or capacity < old_capacity:
            capacity *= 2
        old = self._slots
        self._slots = self._memory.allocate(capacity)
        self._used = self._size
        for j in range(old.capacity):
            entry = old[j]
            if entry is not None and entry is not _DELETED:
                self._slots[j] = entry  # the bug: j is the home slot for the OLD capacity
