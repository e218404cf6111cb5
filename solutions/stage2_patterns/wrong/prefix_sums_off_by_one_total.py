"""RangeSums keeps no slot for the empty prefix, so total(0, j) reads prefix[-1], the LAST sum.

prefix[k] holds sum(items[:k + 1]) and total(i, j) = prefix[j - 1] - prefix[i - 1]: right for
i >= 1, but at i = 0 Python's negative index wraps around instead of giving 0.
"""

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
        self._prefix: list[int] = []
        running = 0
        for item in items:
            running = running + item
            self._prefix.append(running)

    def total(self, i: int, j: int) -> int:
        if j == 0:
            return 0
        return self._prefix[j - 1] - self._prefix[i - 1]  # the bug: i = 0 reads prefix[-1]
