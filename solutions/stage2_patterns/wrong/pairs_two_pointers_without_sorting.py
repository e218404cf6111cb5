"""Two pointers straight on the unsorted list: moving a pointer no longer raises or lowers the sum.

The tempting pattern applied where its precondition fails: on [3, 2, 4] with target 6 the
pointers step past 2 + 4 and report no pair at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import declare
from solutions.stage2_patterns.unsorted_pairs import *  # noqa: F403

KATA = "unsorted-pairs"


@declare(
    pattern="two-pointers",
    time="O(n)",
    space="O(1)",
    brute_force="O(n^2)",
    beats="each pointer move rules out every pair with the number it leaves",
)
def two_sum(nums: Sequence[int], target: int) -> tuple[int, int] | None:
    lo, hi = 0, len(nums) - 1
    while lo < hi:  # the bug: only sound when nums is sorted
        total = nums[lo] + nums[hi]
        if total == target:
            return lo, hi
        if total < target:
            lo += 1
        else:
            hi -= 1
    return None
