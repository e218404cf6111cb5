"""Two-sum with a dict keeping the LATEST index of each value: the partner is not the earliest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from checker.harness.patterns import declare
from solutions.stage2_patterns.unsorted_pairs import *  # noqa: F403
from solutions.stage2_patterns.unsorted_pairs import two_sum as _reference

KATA = "unsorted-pairs"


@declare(**asdict(_reference.approach))  # the reference's claim: only the code differs
def two_sum(nums: Sequence[int], target: int) -> tuple[int, int] | None:
    seen: dict[int, int] = {}
    for j, x in enumerate(nums):
        if target - x in seen:
            return seen[target - x], j
        seen[x] = j  # the bug: [1, 1, 5] with target 6 answers (1, 2), not (0, 2)
    return None
