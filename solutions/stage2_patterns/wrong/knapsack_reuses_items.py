"""Knapsack walking capacities upward: best[c - w] may already hold this item, so it is reused."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from checker.harness.patterns import declare
from solutions.stage2_patterns.dynamic_programming import *  # noqa: F403
from solutions.stage2_patterns.dynamic_programming import knapsack as _reference

KATA = "dynamic-programming"


@declare(**asdict(_reference.approach))  # the reference's claim: only the code differs
def knapsack(weights: Sequence[int], values: Sequence[int], capacity: int) -> int:
    best = [0] * (capacity + 1)
    for weight, value in zip(weights, values, strict=True):
        for c in range(weight, capacity + 1):  # the bug: upward is the unbounded knapsack
            best[c] = max(best[c], best[c - weight] + value)
    return best[capacity]
