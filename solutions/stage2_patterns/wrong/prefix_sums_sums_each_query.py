"""RangeSums keeps the items and sums the range on every query: right, but O(n) per query."""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import declare
from solutions.stage2_patterns.prefix_sums import (  # noqa: F401
    apply_increments,
    count_subarrays_with_sum,
)

KATA = "prefix-sums"


@declare(
    pattern="prefix-sums",
    time="O(n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="each range sum is a difference of two stored prefix sums instead of a fresh loop",
)
class RangeSums:
    def __init__(self, items: Sequence[int]) -> None:
        self._items = items

    def total(self, i: int, j: int) -> int:
        return sum(self._items[i:j])  # the bug: adds up the whole range again for every query
