"""min_ship_capacity rounds mid up while keeping hi = mid: once hi = lo + 1 it never ends.

mid = (lo + hi + 1) // 2 equals hi when the range has two candidates left; the capacity hi
works, so hi = mid changes nothing and the loop checks the same capacity forever.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import declare
from solutions.stage2_patterns.binary_search_answer import (  # noqa: F401
    _ships_within,
    first_bad_version,
)

KATA = "binary-search-answer"


@declare(
    pattern="binary-search",
    time="O(n log n)",
    space="O(1)",
    brute_force="O(n^3)",
    beats="shipping in time is monotone in capacity, so each check halves the range left",
)
def min_ship_capacity(weights: Sequence[int], days: int) -> int:
    lo, hi = max(weights), sum(weights)
    while lo < hi:
        mid = (lo + hi + 1) // 2  # the bug: with hi = mid below, mid must round down
        if _ships_within(weights, days, mid):
            hi = mid
        else:
            lo = mid + 1
    return lo
