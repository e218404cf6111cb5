"""Chaining over a fixed 8 buckets that never grows: chains, and every probe, grow with n."""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any

from checker.harness.counting import Memory

KATA = "hash-map"

_BUCKETS = 8  # the bug: picked once, never revisited as the map fills up
_KEY, _VALUE, _NEXT = 0, 1, 2  # a chain node is a block of three slots


class HashMap:
    def __init__(self, memory: Memory) -> None:
        self._memory = memory
        self._heads = memory.allocate(_BUCKETS)
        self._size = 0

    def _node(self, key: Hashable):
        node = self._heads[hash(key) % _BUCKETS]
        while node is not None and node[_KEY] != key:
            node = node[_NEXT]
        return node

    def __setitem__(self, key: Hashable, value: Any) -> None:
        node = self._node(key)
        if node is not None:
            node[_VALUE] = value
            return
        bucket = hash(key) % _BUCKETS
        node = self._memory.allocate(3)
        node[_KEY], node[_VALUE], node[_NEXT] = key, value, self._heads[bucket]
        self._heads[bucket] = node
        self._size += 1

    def __getitem__(self, key: Hashable) -> Any:
        node = self._node(key)
        if node is None:
            raise KeyError(key)
        return node[_VALUE]

    def __delitem__(self, key: Hashable) -> None:
        bucket = hash(key) % _BUCKETS
        previous, node = None, self._heads[bucket]
        while node is not None and node[_KEY] != key:
            previous, node = node, node[_NEXT]
        if node is None:
            raise KeyError(key)
        if previous is None:
            self._heads[bucket] = node[_NEXT]
        else:
            previous[_NEXT] = node[_NEXT]
        self._size -= 1

    def __contains__(self, key: Hashable) -> bool:
        return self._node(key) is not None

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Hashable]:
        for bucket in range(_BUCKETS):
            node = self._heads[bucket]
            while node is not None:
                yield node[_KEY]
                node = node[_NEXT]
