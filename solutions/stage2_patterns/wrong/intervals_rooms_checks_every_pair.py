"""min_meeting_rooms counts, for each meeting, every meeting running when it starts: O(n²)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from solutions.stage2_patterns.intervals import merge_intervals  # noqa: F401
from solutions.stage2_patterns.intervals import min_meeting_rooms as _correct

KATA = "intervals"


def min_meeting_rooms(intervals: Iterable[tuple[Any, Any]]) -> int:
    meetings = list(intervals)
    rooms = 0
    for moment, _ in meetings:  # the bug: every meeting against every meeting
        running = sum(1 for start, end in meetings if start <= moment < end)
        rooms = max(rooms, running)
    return rooms


min_meeting_rooms.approach = _correct.approach  # type: ignore[attr-defined]
