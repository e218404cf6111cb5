"""Prefix sums keeping the LATEST index of each running total in the dict: runs come out short."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from checker.harness.patterns import declare
from solutions.stage2_patterns.window_negatives import *  # noqa: F403
from solutions.stage2_patterns.window_negatives import longest_subarray_with_sum as _reference

KATA = "window-with-negatives"


@declare(**asdict(_reference.approach))  # the reference's claim: only the code differs
def longest_subarray_with_sum(nums: Sequence[int], k: int) -> int:
    seen = {0: -1}
    total = best = 0
    for i, x in enumerate(nums):
        total += x
        if total - k in seen:
            best = max(best, i - seen[total - k])
        seen[total] = i  # the bug: overwrites the earliest start with a later, shorter one
    return best
