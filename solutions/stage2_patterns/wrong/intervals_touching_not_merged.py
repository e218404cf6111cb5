"""merge_intervals merges only on start < end: ranges that touch, (1, 2) and (2, 3), stay apart."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from solutions.stage2_patterns.intervals import merge_intervals as _correct
from solutions.stage2_patterns.intervals import min_meeting_rooms  # noqa: F401

KATA = "intervals"


def merge_intervals(intervals: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    merged: list[tuple[Any, Any]] = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:  # the bug: touching ranges share a point
            first, last = merged[-1]
            merged[-1] = (first, max(last, end))
        else:
            merged.append((start, end))
    return merged


merge_intervals.approach = _correct.approach  # type: ignore[attr-defined]
