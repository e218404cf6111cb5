"""LIS declared O(n) time because it is one pass over the items; each step is a binary search."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.harness.patterns import declare
from solutions.stage2_patterns.dynamic_programming import *  # noqa: F403
from solutions.stage2_patterns.dynamic_programming import lis_length as _counted_right

KATA = "dynamic-programming"


@declare(
    pattern="dynamic-programming",
    time="O(n)",  # the bug: one loop over n items, but with a log n binary search inside it
    space="O(n)",
    brute_force="O(n^2)",
    beats="one pass keeps the smallest tail for every run length",
)
def lis_length(items: Sequence[Any]) -> int:
    return _counted_right(items)
