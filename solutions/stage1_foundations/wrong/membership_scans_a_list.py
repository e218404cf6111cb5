"""Membership keeps the items in a list: every `x in membership` scans it, O(n) per query."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from solutions.stage1_foundations.choose_structure import (  # noqa: F401
    WHY,
    LRUCache,
    RangeCounter,
    top_k,
)

KATA = "choose-the-structure"


class Membership:
    def __init__(self, items: Iterable[Hashable]) -> None:
        self._items = list(items)

    def __contains__(self, item: object) -> bool:
        return item in self._items  # the bug: a linear scan, and all n on a miss
