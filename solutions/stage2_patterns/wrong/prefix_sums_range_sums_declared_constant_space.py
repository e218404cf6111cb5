"""RangeSums is right and fast, but declares space O(1): it keeps n + 1 prefix sums, O(n)."""

from __future__ import annotations

from checker.harness.patterns import declare
from solutions.stage2_patterns.prefix_sums import RangeSums as _RangeSums
from solutions.stage2_patterns.prefix_sums import (  # noqa: F401
    apply_increments,
    count_subarrays_with_sum,
)

KATA = "prefix-sums"


@declare(
    pattern="prefix-sums",
    time="O(n)",
    space="O(1)",  # the bug: the prefix list grows with the input
    brute_force="O(n^2)",
    beats="each range sum is a difference of two stored prefix sums instead of a fresh loop",
)
class RangeSums(_RangeSums):
    pass
