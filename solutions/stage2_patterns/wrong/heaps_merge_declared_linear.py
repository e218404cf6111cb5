"""merge_sorted declares O(n), reading N log k as linear, though k grows with n here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.harness.patterns import declare
from solutions.stage2_patterns.heaps import RunningMedian, top_k_frequent  # noqa: F401
from solutions.stage2_patterns.heaps import merge_sorted as _correct

KATA = "heap-patterns"


# the bug: the tests cut n items into lists of about 4, so k = n / 4 and log k grows like log n
@declare(
    pattern="heap",
    time="O(n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="the heap finds the smallest of k heads in log k, not by scanning all k",
)
def merge_sorted(lists: Sequence[Sequence[Any]]) -> list[Any]:
    return _correct(lists)
