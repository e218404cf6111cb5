"""lowest_point uses ternary search, which assumes one valley: on a function with two valleys,
or with a plateau, it throws away the part that holds the lowest point.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.harness.patterns import declare
from solutions.stage2_patterns.non_monotone import *  # noqa: F403
from solutions.stage2_patterns.non_monotone import valley_bottom

KATA = "non-monotone-search"


@declare(
    pattern="ternary-search",
    time="O(log n)",
    space="O(1)",
    brute_force="O(n)",
    beats="each pair of calls rules out a third of the range",
)
def lowest_point(f: Callable[[int], int], lo: int, hi: int) -> int:
    return valley_bottom(f, lo, hi)
