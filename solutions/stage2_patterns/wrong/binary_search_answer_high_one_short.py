"""min_ship_capacity searches up to sum(weights) - 1, so it can never answer the total itself.

With one day the only capacity that works is the total weight; the search, closed at the top
one too early, returns sum(weights) - 1.
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
    lo, hi = max(weights), sum(weights) - 1  # the bug: the total is a possible answer too
    while lo < hi:
        mid = (lo + hi) // 2
        if _ships_within(weights, days, mid):
            hi = mid
        else:
            lo = mid + 1
    return lo
