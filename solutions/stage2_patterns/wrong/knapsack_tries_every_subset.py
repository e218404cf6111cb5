"""Knapsack by trying every subset of the items, taking or skipping each: 2^n subsets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from checker.harness.patterns import declare
from solutions.stage2_patterns.dynamic_programming import *  # noqa: F403
from solutions.stage2_patterns.dynamic_programming import knapsack as _reference

KATA = "dynamic-programming"


@declare(**asdict(_reference.approach))  # the reference's claim: only the code differs
def knapsack(weights: Sequence[int], values: Sequence[int], capacity: int) -> int:
    def best(i: int, room: int) -> int:  # the bug: no memo on (i, room), so every subset is walked
        if i == len(weights):
            return 0
        skip = best(i + 1, room)
        if weights[i] <= room:
            return max(skip, values[i] + best(i + 1, room - weights[i]))
        return skip

    return best(0, capacity)
