"""pair_sum tries every pair (smallest i first, largest j first): right answers, O(n^2) reads."""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import declare
from solutions.stage2_patterns.two_pointers import dedup_sorted, max_water  # noqa: F401

KATA = "two-pointers"


@declare(
    pattern="two-pointers",
    time="O(n)",
    space="O(1)",
    brute_force="O(n^2)",
    beats="sorted order lets each comparison rule out a whole row of pairs at once",
)
def pair_sum(items: Sequence[int], target: int) -> tuple[int, int] | None:
    for i in range(len(items)):  # the bug: the sorted order is never used
        for j in range(len(items) - 1, i, -1):
            if items[i] + items[j] == target:
                return i, j
    return None
