"""LIS by the textbook O(n²) table: right answers, but each item meets every earlier one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from checker.harness.patterns import declare
from solutions.stage2_patterns.dynamic_programming import *  # noqa: F403
from solutions.stage2_patterns.dynamic_programming import lis_length as _reference

KATA = "dynamic-programming"


@declare(**asdict(_reference.approach))  # the reference's claim: only the code differs
def lis_length(items: Sequence[Any]) -> int:
    best = [1] * len(items)
    for i in range(len(items)):
        for j in range(i):  # the bug: n²/2 comparisons instead of a binary search over tails
            if items[j] < items[i] and best[j] + 1 > best[i]:
                best[i] = best[j] + 1
    return max(best, default=0)
