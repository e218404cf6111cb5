"""top_k sorts the whole stream and slices: O(n log n) comparisons and O(n) memory, not n log k."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from solutions.stage1_foundations.choose_structure import (  # noqa: F401
    WHY,
    LRUCache,
    Membership,
    RangeCounter,
)

KATA = "choose-the-structure"


def top_k(stream: Iterable[Any], k: int) -> list[Any]:
    return sorted(stream, reverse=True)[:k] if k > 0 else []
