"""Intervals: merge overlapping ranges, and count the rooms a set of meetings needs.

Two problems about ranges on a line whose brute force compares every pair of ranges. Sort the
ranges by where they start (or sweep their endpoints in order) and one pass settles the
rest: after sorting, a range can only overlap the ranges just before it.

- ``merge_intervals(intervals)``: closed ranges ``(start, end)`` with start <= end, in any
  order. Return the union as the fewest ranges, sorted by start. Ranges that overlap *or touch*
  merge: ``(1, 2)`` and ``(2, 3)`` become ``(1, 3)``; ``(1, 2)`` and ``(3, 4)`` stay apart.
- ``min_meeting_rooms(intervals)``: meetings ``(start, end)`` with start < end, half-open: a
  meeting holds its room from ``start`` up to but not including ``end``, so one that ends at 10
  and one that starts at 10 can share a room. Return the fewest rooms that hold them all.

Both in O(n log n) comparisons between endpoints; checking every pair costs O(n²).

Before coding, fill in each ``@declare(...)``: the pattern (a name from the catalogue in the
docs), the time and extra-space classes of your code, the class of the brute force, and in one
line why the pattern beats it. Classes are in terms of n = the number of ranges. Space counts
everything your call allocates, the list it returns included. The tests count comparisons
between endpoints, inside ``sorted`` and ``heapq`` too (they never time your code), and check
your declared classes against the counts.

Why it matters: calendars, booking systems, IP ranges, time-series gaps and "how many servers
at peak" are all interval problems; sort-then-sweep turns them from quadratic into one pass.

Docs: docs/stage2_patterns.md#intervals
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from checker.harness.patterns import declare

# The key idea: sort by start. Then a range either overlaps (or touches) the last merged range,
# and extends it, or starts after it ends, and no later range can reach back past it: the
# sorted order has ruled out every other pair. For rooms, sweep starts and ends in time order:
# the most meetings running at once is the answer.


@declare(
    pattern="intervals",
    time="O(n log n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="after sorting by start a range can only overlap the last merged one",
)
def merge_intervals(intervals: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """The union of the closed ranges as the fewest ranges, sorted; touching ranges merge.

    >>> merge_intervals([(8, 10), (1, 3), (2, 6), (10, 12), (15, 18)])
    [(1, 6), (8, 12), (15, 18)]
    """
    merged: list[tuple[Any, Any]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:  # <=: touching ranges merge too
            first, last = merged[-1]
            merged[-1] = (first, max(last, end))
        else:
            merged.append((start, end))
    return merged


@declare(
    pattern="intervals",
    time="O(n log n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="a sweep over sorted endpoints counts the meetings running at once in one pass",
)
def min_meeting_rooms(intervals: Iterable[tuple[Any, Any]]) -> int:
    """The fewest rooms that hold every half-open meeting ``[start, end)``.

    >>> min_meeting_rooms([(0, 30), (5, 10), (15, 20), (10, 15)])
    2
    """
    meetings = list(intervals)
    starts = sorted(start for start, _ in meetings)
    ends = sorted(end for _, end in meetings)
    rooms = 0
    ended = 0  # meetings, taken in order of their end, whose room is free again
    for start in starts:
        if ends[ended] <= start:  # <=: a meeting ending at `start` frees its room in time
            ended += 1  # reuse that room
        else:
            rooms += 1
    return rooms
