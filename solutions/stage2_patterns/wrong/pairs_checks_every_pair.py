"""Two-sum by checking every pair, j then i: the right answer, n²/2 additions to find it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from checker.harness.patterns import declare
from solutions.stage2_patterns.unsorted_pairs import *  # noqa: F403
from solutions.stage2_patterns.unsorted_pairs import two_sum as _reference

KATA = "unsorted-pairs"


@declare(**asdict(_reference.approach))  # the reference's claim: only the code differs
def two_sum(nums: Sequence[int], target: int) -> tuple[int, int] | None:
    for j in range(len(nums)):
        for i in range(j):  # the bug: a quadratic scan where one dict lookup would do
            if nums[i] + nums[j] == target:
                return i, j
    return None
