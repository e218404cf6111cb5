"""The LRU cache evicts the most recently used key instead of the least: head and tail swapped."""

from __future__ import annotations

from typing import Any

from solutions.stage1_foundations.choose_structure import (  # noqa: F401
    WHY,
    Membership,
    RangeCounter,
    top_k,
)
from solutions.stage1_foundations.choose_structure import (
    LRUCache as _Correct,
)

KATA = "choose-the-structure"


class LRUCache(_Correct):
    """Evicts from the wrong end of the recency list."""

    def put(self, key: Any, value: Any) -> None:
        node = self._nodes.get(key)
        if node is None and len(self._nodes) >= self.capacity:
            newest = self._sentinel.next  # the bug: .next is the most recent, .prev the least
            self._unlink(newest)
            del self._nodes[newest.key]
        super().put(key, value)
