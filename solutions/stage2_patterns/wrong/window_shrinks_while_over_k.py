"""A sliding window that shrinks while its sum is over k: right for non-negative numbers only.

After a negative number, a window whose sum went over k can come back to exactly k, but the
shrinking has already dropped the start that run needed.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import declare
from solutions.stage2_patterns.window_negatives import *  # noqa: F403

KATA = "window-with-negatives"


@declare(
    pattern="sliding-window",
    time="O(n)",
    space="O(1)",
    brute_force="O(n^2)",
    beats="each end only moves forward, so every number enters and leaves once",
)
def longest_subarray_with_sum(nums: Sequence[int], k: int) -> int:
    best = left = 0
    total = 0
    for right, x in enumerate(nums):
        total += x
        while total > k and left <= right:  # the bug: assumes shrinking is the only way back
            total -= nums[left]
            left += 1
        if total == k and left <= right:
            best = max(best, right - left + 1)
    return best
