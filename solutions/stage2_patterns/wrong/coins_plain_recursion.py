"""Coin change by plain recursion over the first coin, no memo: each smaller amount re-solved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from checker.harness.patterns import declare
from solutions.stage2_patterns.coin_change import *  # noqa: F403
from solutions.stage2_patterns.coin_change import min_coins as _reference

KATA = "coin-change"


@declare(**asdict(_reference.approach))  # the reference's claim: only the code differs
def min_coins(coins: Sequence[int], amount: int) -> int | None:
    if amount == 0:
        return 0
    best = None
    for coin in coins:
        if coin <= amount:
            rest = min_coins(coins, amount - coin)  # the bug: the same amounts, exponentially often
            if rest is not None and (best is None or rest + 1 < best):
                best = rest + 1
    return best
