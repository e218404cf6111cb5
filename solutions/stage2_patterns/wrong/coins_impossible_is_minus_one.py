"""Coin change that answers -1 for an amount no coins make (a habit from other APIs), not None."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from checker.harness.patterns import declare
from solutions.stage2_patterns.coin_change import *  # noqa: F403
from solutions.stage2_patterns.coin_change import min_coins as _reference

KATA = "coin-change"


@declare(**asdict(_reference.approach))  # the reference's claim: only the code differs
def min_coins(coins: Sequence[int], amount: int) -> int | None:
    found = _reference(coins, amount)
    return -1 if found is None else found  # the bug: the contract says None
