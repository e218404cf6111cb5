"""valley_bottom binary-searches on "f(mid) > f(lo)": a test that is not monotone in mid, so a
bottom just left of a steep rise is thrown away with the half it sits in.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.harness.patterns import declare
from solutions.stage2_patterns.non_monotone import *  # noqa: F403

KATA = "non-monotone-search"


@declare(
    pattern="binary-search",
    time="O(log n)",
    space="O(1)",
    brute_force="O(n)",
    beats="each probe halves the range the bottom can be in",
)
def valley_bottom(f: Callable[[int], int], lo: int, hi: int) -> int:
    while lo < hi:
        mid = (lo + hi) // 2
        if f(mid) > f(lo):  # "higher than the left end: we have passed the bottom"
            hi = mid
        else:
            lo = mid + 1
    return lo
