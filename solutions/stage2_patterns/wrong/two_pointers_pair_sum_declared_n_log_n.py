"""pair_sum is right and linear, but declares time O(n log n): the claim does not match the code."""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import declare
from solutions.stage2_patterns.two_pointers import dedup_sorted, max_water  # noqa: F401
from solutions.stage2_patterns.two_pointers import pair_sum as _pair_sum

KATA = "two-pointers"


@declare(
    pattern="two-pointers",
    time="O(n log n)",  # the bug: two pointers cross the list once, O(n)
    space="O(1)",
    brute_force="O(n^2)",
    beats="sorted order lets each comparison rule out a whole row of pairs at once",
)
def pair_sum(items: Sequence[int], target: int) -> tuple[int, int] | None:
    return _pair_sum(items, target)
