"""LIS with bisect_right: an item equal to a tail extends its run, so non-decreasing runs count."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from checker.harness.patterns import declare
from solutions.stage2_patterns.dynamic_programming import *  # noqa: F403
from solutions.stage2_patterns.dynamic_programming import lis_length as _reference

KATA = "dynamic-programming"


@declare(**asdict(_reference.approach))  # the reference's claim: only the code differs
def lis_length(items: Sequence[Any]) -> int:
    tails: list[Any] = []
    for item in items:
        k = bisect_right(tails, item)  # the bug: [5, 5] gives 2; strictly increasing needs left
        if k == len(tails):
            tails.append(item)
        else:
            tails[k] = item
    return len(tails)
