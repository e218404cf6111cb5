"""valley_bottom looks at every point: right answers, but n calls to f where the promise of one
valley allows O(log n).
"""

from __future__ import annotations

from collections.abc import Callable

from checker.harness.patterns import declare
from solutions.stage2_patterns.non_monotone import *  # noqa: F403

KATA = "non-monotone-search"


@declare(
    pattern="ternary-search",
    time="O(log n)",
    space="O(1)",
    brute_force="O(n)",
    beats="each pair of calls rules out a third of the range",
)
def valley_bottom(f: Callable[[int], int], lo: int, hi: int) -> int:
    return min(range(lo, hi + 1), key=f)
