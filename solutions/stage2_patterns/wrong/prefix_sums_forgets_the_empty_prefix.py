"""count_subarrays_with_sum starts with no prefix sums seen, so it misses runs starting at 0.

The empty prefix (sum 0) must count as seen once before the first number: a run nums[0:j]
adds up to k exactly when prefix[j] - 0 == k.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import declare
from solutions.stage2_patterns.prefix_sums import RangeSums, apply_increments  # noqa: F401

KATA = "prefix-sums"


@declare(
    pattern="prefix-sums",
    time="O(n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="a hash map of earlier prefix sums finds every matching start in one lookup",
)
def count_subarrays_with_sum(nums: Sequence[int], k: int) -> int:
    seen: dict[int, int] = {}  # the bug: should start as {0: 1}
    running = count = 0
    for num in nums:
        running = running + num
        count += seen.get(running - k, 0)
        seen[running] = seen.get(running, 0) + 1
    return count
