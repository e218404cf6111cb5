"""The LRU cache keeps recency in a Python list: list.remove on every hit is O(n), not O(1)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from solutions.stage1_foundations.choose_structure import (  # noqa: F401
    WHY,
    Membership,
    RangeCounter,
    top_k,
)

KATA = "choose-the-structure"


class LRUCache:
    """Right answers, wrong structure: a dict for values, a list for the order."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, not {capacity!r}")
        self.capacity = capacity
        self._values: dict[Hashable, Any] = {}
        self._order: list[Hashable] = []  # least recently used first

    def get(self, key: Hashable, default: Any = None) -> Any:
        if key not in self._values:
            return default
        self._order.remove(key)  # the bug: a scan of every key, O(n) per hit
        self._order.append(key)
        return self._values[key]

    def put(self, key: Hashable, value: Any) -> None:
        if key in self._values:
            self._order.remove(key)
        elif len(self._values) >= self.capacity:
            del self._values[self._order.pop(0)]
        self._values[key] = value
        self._order.append(key)

    def __len__(self) -> int:
        return len(self._values)
