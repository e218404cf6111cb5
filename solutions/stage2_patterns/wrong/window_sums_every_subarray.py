"""Brute force from a list of running totals: right answers, but every pair of ends, n²/2."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from checker.harness.patterns import declare
from solutions.stage2_patterns.window_negatives import *  # noqa: F403
from solutions.stage2_patterns.window_negatives import longest_subarray_with_sum as _reference

KATA = "window-with-negatives"


@declare(**asdict(_reference.approach))  # the reference's claim: only the code differs
def longest_subarray_with_sum(nums: Sequence[int], k: int) -> int:
    prefix = [0]
    for x in nums:
        prefix.append(prefix[-1] + x)
    best = 0
    for i in range(len(nums)):  # the bug: pairs of ends instead of one lookup per end
        for j in range(i + 1, len(nums) + 1):
            if prefix[j] - prefix[i] == k:
                best = max(best, j - i)
    return best
