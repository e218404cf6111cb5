"""apply_increments adds each delta to every position of its range: right, but O(n·u)."""

from __future__ import annotations

from collections.abc import Iterable

from checker.harness.patterns import declare
from solutions.stage2_patterns.prefix_sums import RangeSums, count_subarrays_with_sum  # noqa: F401

KATA = "prefix-sums"


@declare(
    pattern="difference-array",
    time="O(n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="each update touches two cells, and one prefix pass at the end applies them all",
)
def apply_increments(n: int, updates: Iterable[tuple[int, int, int]]) -> list[int]:
    values = [0] * n
    for start, stop, delta in updates:
        for position in range(start, stop):  # the bug: a long range costs its whole length
            values[position] += delta
    return values
