"""merge_intervals declares O(n) time for its one pass, forgetting the sort that comes first."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from checker.harness.patterns import declare
from solutions.stage2_patterns.intervals import merge_intervals as _correct
from solutions.stage2_patterns.intervals import min_meeting_rooms  # noqa: F401

KATA = "intervals"


@declare(
    pattern="intervals",
    time="O(n)",  # the bug: sorting n ranges costs n log n before the pass begins
    space="O(n)",
    brute_force="O(n^2)",
    beats="after sorting by start a range can only overlap the last merged one",
)
def merge_intervals(intervals: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    return _correct(intervals)
