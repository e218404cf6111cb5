"""min_ship_capacity is right and fast, but declares time O(n).

The capacities searched run from max(weights) to sum(weights), up to n^2 of them when weights
go up to n: about 2·log2(n) checks, each reading all n weights, is O(n log n), not O(n).
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import declare
from solutions.stage2_patterns.binary_search_answer import first_bad_version  # noqa: F401
from solutions.stage2_patterns.binary_search_answer import (
    min_ship_capacity as _min_ship_capacity,
)

KATA = "binary-search-answer"


@declare(
    pattern="binary-search",
    time="O(n)",  # the bug: the number of checks grows with log n too
    space="O(1)",
    brute_force="O(n^3)",
    beats="shipping in time is monotone in capacity, so each check halves the range left",
)
def min_ship_capacity(weights: Sequence[int], days: int) -> int:
    return _min_ship_capacity(weights, days)
