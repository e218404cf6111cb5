"""Greedy coin change, largest coin first: right for euro coins, wrong for coins 1, 3 and 4.

The tempting pattern applied where its precondition fails: for 6 it takes 4, then 1 and 1,
three coins, where 3 + 3 takes two.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import declare
from solutions.stage2_patterns.coin_change import *  # noqa: F403

KATA = "coin-change"


@declare(
    pattern="greedy",
    time="O(1)",
    space="O(1)",
    brute_force="O(2^n)",
    beats="the largest coin that fits always leaves the least left to pay",
)
def min_coins(coins: Sequence[int], amount: int) -> int | None:
    count = 0
    for coin in sorted(coins, reverse=True):  # the bug: never reconsiders a coin once taken
        taken, amount = divmod(amount, coin)
        count += taken
    return count if amount == 0 else None
