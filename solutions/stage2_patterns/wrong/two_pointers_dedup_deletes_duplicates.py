"""dedup_sorted deletes each duplicate with del: O(1) extra space, but every del shifts the tail."""

from __future__ import annotations

from collections.abc import MutableSequence

from checker.harness.patterns import declare
from solutions.stage2_patterns.two_pointers import max_water, pair_sum  # noqa: F401

KATA = "two-pointers"


@declare(
    pattern="two-pointers",
    time="O(n)",
    space="O(1)",
    brute_force="O(n^2)",
    beats="overwriting behind a read pointer moves each value once instead of shifting the tail",
)
def dedup_sorted(items: MutableSequence[int]) -> int:
    i = 1
    while i < len(items):
        if items[i] == items[i - 1]:
            del items[i]  # the bug: every later item shifts one slot left, O(n) per duplicate
        else:
            i += 1
    return len(items)
