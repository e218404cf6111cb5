"""min_meeting_rooms frees a room only after its end (<): back-to-back meetings need two."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from solutions.stage2_patterns.intervals import merge_intervals  # noqa: F401
from solutions.stage2_patterns.intervals import min_meeting_rooms as _correct

KATA = "intervals"


def min_meeting_rooms(intervals: Iterable[tuple[Any, Any]]) -> int:
    meetings = list(intervals)
    starts = sorted(start for start, _ in meetings)
    ends = sorted(end for _, end in meetings)
    rooms = ended = 0
    for start in starts:
        if ends[ended] < start:  # the bug: [s, e) is half-open, a room is free at e
            ended += 1
        else:
            rooms += 1
    return rooms


min_meeting_rooms.approach = _correct.approach  # type: ignore[attr-defined]
