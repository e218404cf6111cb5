"""Sort-first two-sum declared O(n) time, as if the pointer walk were all: the sort is n log n."""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import declare
from solutions.stage2_patterns.unsorted_pairs import *  # noqa: F403
from solutions.stage2_patterns.unsorted_pairs import two_sum_by_sorting as _reference

KATA = "unsorted-pairs"


@declare(
    pattern="sort-first",
    time="O(n)",  # the bug: the cost of the sort is left out
    space="O(n)",
    brute_force="O(n^2)",
    beats="after sorting, one walk of two pointers checks every useful pair",
)
def two_sum_by_sorting(nums: Sequence[int], target: int) -> tuple[int, int] | None:
    return _reference(nums, target)
