"""max_water stops while the pointers are one apart, so it never measures two adjacent lines."""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import declare
from solutions.stage2_patterns.two_pointers import dedup_sorted, pair_sum  # noqa: F401

KATA = "two-pointers"


@declare(
    pattern="two-pointers",
    time="O(n)",
    space="O(1)",
    brute_force="O(n^2)",
    beats="the shorter line limits every pair it is in, so moving it past drops them all",
)
def max_water(heights: Sequence[int]) -> int:
    best = 0
    left, right = 0, len(heights) - 1
    while right - left > 1:  # the bug: should be left < right; the last, adjacent pair is skipped
        low, high = heights[left], heights[right]
        if low <= high:
            best = max(best, (right - left) * low)
            left += 1
        else:
            best = max(best, (right - left) * high)
            right -= 1
    return best
