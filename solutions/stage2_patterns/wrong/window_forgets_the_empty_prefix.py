"""Prefix sums without the empty prefix (total 0 before index 0): runs starting at 0 are missed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from checker.harness.patterns import declare
from solutions.stage2_patterns.window_negatives import *  # noqa: F403
from solutions.stage2_patterns.window_negatives import longest_subarray_with_sum as _reference

KATA = "window-with-negatives"


@declare(**asdict(_reference.approach))  # the reference's claim: only the code differs
def longest_subarray_with_sum(nums: Sequence[int], k: int) -> int:
    first: dict[int, int] = {}  # the bug: should start as {0: -1}
    total = best = 0
    for i, x in enumerate(nums):
        total += x
        if total - k in first:
            best = max(best, i - first[total - k])
        first.setdefault(total, i)
    return best
