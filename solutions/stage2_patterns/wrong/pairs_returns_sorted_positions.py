"""Sort, then two pointers, but the answer is positions in the SORTED list, not the caller's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from checker.harness.patterns import declare
from solutions.stage2_patterns.unsorted_pairs import *  # noqa: F403
from solutions.stage2_patterns.unsorted_pairs import two_sum_by_sorting as _reference

KATA = "unsorted-pairs"


@declare(**asdict(_reference.approach))  # the reference's claim: only the code differs
def two_sum_by_sorting(nums: Sequence[int], target: int) -> tuple[int, int] | None:
    ordered = sorted(nums)  # the bug: the original index of each number is dropped here
    lo, hi = 0, len(ordered) - 1
    while lo < hi:
        total = ordered[lo] + ordered[hi]
        if total == target:
            return lo, hi
        if total < target:
            lo += 1
        else:
            hi -= 1
    return None
