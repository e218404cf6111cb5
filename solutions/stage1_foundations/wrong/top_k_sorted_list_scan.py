"""top_k keeps the k best in a sorted list and scans for each newcomer's place: O(n·k)."""

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
    best: list[Any] = []  # largest first
    if k <= 0:
        return best
    for item in stream:
        if len(best) == k and not best[-1] < item:
            continue
        i = 0
        while i < len(best) and not best[i] < item:  # the bug: a linear scan, O(k) per entry
            i += 1
        best.insert(i, item)
        if len(best) > k:
            best.pop()
    return best
