"""Tests for the intervals kata: answers against a brute force, comparisons counted.

Endpoints in the cost tests are ``Counted`` values whose ``<``, ``<=``, ``==`` and friends count
one comparison each, wherever they are called from (``sorted``, ``max``, ``heapq`` too). The
tests never time your code, so a verdict is the same on every machine; a failure prints the
counts per size, the doubling ratios and the class they imply.
"""

from __future__ import annotations

import functools
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.counting import Counted, Counter
from checker.harness.growth import LINEARITHMIC, Measurement, assert_within, family_input, measure
from checker.harness.patterns import check_approach
from checker.harness.space import space_class
from katas.stage2_patterns.intervals import merge_intervals, min_meeting_rooms

SIZES = (64, 128, 256, 512, 1024)
SPACE_SIZES = (256, 512, 1024, 2048)
# The declaration tests measure with a budget well above the pattern's, so they can tell
# O(n log n) from O(n) but still stop a quadratic search at once.
GENEROUS = 16


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Counted) else value


def _as_pairs(ranges: Any) -> Any:
    """The ranges returned, as plain (start, end) tuples; anything else is shown as it is."""
    try:
        return [(_plain(start), _plain(end)) for start, end in ranges]
    except (TypeError, ValueError):
        return ranges


def _ranges(family: str, n: int, longest: int) -> list[tuple[int, int]]:
    """n ranges starting at the values of a family, each 0 to ``longest`` long."""
    lengths = random.Random(f"lengths:{family}:{n}")
    return [(s, s + lengths.randrange(longest + 1)) for s in family_input(family, n)]


def _meetings(family: str, n: int) -> list[tuple[int, int]]:
    """n meetings starting at the values of a family, each 1 to 16 long."""
    lengths = random.Random(f"meetings:{family}:{n}")
    return [(s, s + 1 + lengths.randrange(16)) for s in family_input(family, n)]


def _counted_ranges(ranges: list[tuple[int, int]], counter: Counter) -> list[tuple[Any, Any]]:
    return [(Counted(s, counter), Counted(e, counter)) for s, e in ranges]


def _declared(fn, name: str, patterns: list[str], counts, prepare) -> None:
    """The declaration's words, then its time against ``counts(GENEROUS)``, then its space.

    Each measurement runs only when everything before it holds, so a quadratic search is
    stopped by its counted budget before the uncounted space runs could drag on.
    """
    check_approach(
        fn,
        name,
        patterns=patterns,
        brute_force="O(n^2)",
        time=lambda: counts(GENEROUS),
        space=lambda: space_class(prepare, SPACE_SIZES, what=f"{name}(intervals)"),
    )


# -- merge_intervals --------------------------------------------------------------------------


def _merge_oracle(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge any two ranges that overlap or touch, again and again, until none do."""
    pieces = list(ranges)
    merged = True
    while merged:
        merged = False
        for i in range(len(pieces)):
            for j in range(i + 1, len(pieces)):
                (a, b), (c, d) = pieces[i], pieces[j]
                if a <= d and c <= b:
                    pieces[i] = (min(a, c), max(b, d))
                    del pieces[j]
                    merged = True
                    break
            if merged:
                break
    return sorted(pieces)


@pytest.mark.parametrize(
    ("ranges", "expected", "why"),
    [
        ([], [], "no ranges, no union"),
        ([(1, 3)], [(1, 3)], "one range is its own union"),
        ([(1, 2), (2, 3)], [(1, 3)], "touching ranges merge: they share the point 2"),
        ([(1, 2), (3, 4)], [(1, 2), (3, 4)], "a gap between 2 and 3: they stay apart"),
        ([(1, 10), (2, 3)], [(1, 10)], "a range inside another disappears into it"),
        ([(5, 6), (1, 2)], [(1, 2), (5, 6)], "the union is sorted by start"),
        ([(3, 3), (3, 5)], [(3, 5)], "a one-point range touching another merges"),
        ([(1, 4), (1, 4)], [(1, 4)], "duplicates merge into one"),
        ([(1, 5), (2, 3), (4, 8)], [(1, 8)], "the range reaching furthest decides the end"),
        (
            [(8, 10), (1, 3), (2, 6), (10, 12), (15, 18)],
            [(1, 6), (8, 12), (15, 18)],
            "the docstring's example",
        ),
    ],
    ids=[
        "empty",
        "one",
        "touching",
        "apart",
        "contained",
        "unsorted",
        "point",
        "duplicates",
        "reach",
        "mixed",
    ],
)
def test_merge_intervals_answers_the_fixed_examples(ranges, expected, why):
    got = _as_pairs(merge_intervals(list(ranges)))
    assert got == expected, (
        f"Called merge_intervals({ranges}). It returned {got!r}, expected {expected}: {why}."
    )


ranges_ = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 6)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=20,
)


@settings(max_examples=40)
@given(ranges_)
def test_merge_intervals_matches_merging_pairs_until_none_overlap(ranges):
    """merge_intervals(rs) == merging any two ranges that overlap or touch until none do."""
    got = _as_pairs(merge_intervals(list(ranges)))
    expected = _merge_oracle(ranges)
    assert got == expected, (
        f"Called merge_intervals({ranges}). It returned {got!r}, expected {expected} (ranges "
        "that overlap or touch, merged, sorted by start)."
    )


def _run_merge(counter: Counter, family: str, n: int) -> None:
    merge_intervals(_counted_ranges(_ranges(family, n, 3), counter))


MERGE_WHAT = "comparisons between endpoints made by merge_intervals(ranges) on n short ranges"


def _merge_counts(per_n_log_n: float) -> Measurement:
    return measure(
        _run_merge,
        SIZES,
        what=MERGE_WHAT,
        families=("random", "reversed"),
        budget=(per_n_log_n, LINEARITHMIC),
    )


def test_merge_intervals_makes_at_most_five_n_log_n_comparisons():
    assert_within(
        _merge_counts(5),
        LINEARITHMIC,
        "Checking every range against every other (or against every range merged so far) "
        "costs n² comparisons when few of them overlap. Sort by start first: then a range can "
        "only overlap the last merged range, and one comparison settles it.",
        budget_only=True,
    )


def test_merge_intervals_declares_its_pattern_and_classes():
    _declared(
        merge_intervals,
        "merge_intervals",
        ["intervals", "sort-first"],
        _merge_counts,
        # Long ranges from sorted starts, so the answer holds few ranges: CPython keeps up to
        # 2000 freed tuples for reuse, which would hide a varying share of new result tuples.
        lambda n: functools.partial(merge_intervals, _ranges("sorted", n, 64)),
    )


# -- min_meeting_rooms ------------------------------------------------------------------------


def _rooms_oracle(meetings: list[tuple[int, int]]) -> int:
    """The most meetings running at any one start time: s <= t < e, every pair checked."""
    return max((sum(s <= t < e for s, e in meetings) for t, _ in meetings), default=0)


@pytest.mark.parametrize(
    ("meetings", "expected", "why"),
    [
        ([], 0, "no meetings need no room"),
        ([(1, 5)], 1, "one meeting, one room"),
        ([(1, 3), (3, 5)], 1, "back to back: the first frees its room at 3, as the next starts"),
        ([(1, 3), (2, 4)], 2, "they overlap from 2 to 3"),
        ([(1, 5), (1, 5), (1, 5)], 3, "three at the same time"),
        ([(1, 10), (2, 3), (4, 5), (6, 7)], 2, "the short ones reuse one room in turn"),
        ([(0, 5), (5, 10), (0, 10)], 2, "(0, 10) overlaps each of the others, not both at once"),
        ([(0, 30), (5, 10), (15, 20), (10, 15)], 2, "the docstring's example"),
    ],
    ids=["empty", "one", "back-to-back", "overlap", "same-time", "reuse", "chain", "mixed"],
)
def test_min_meeting_rooms_answers_the_fixed_examples(meetings, expected, why):
    got = min_meeting_rooms(list(meetings))
    assert got == expected, (
        f"Called min_meeting_rooms({meetings}). It returned {got!r}, expected {expected}: {why}."
    )


meetings_ = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 8)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=20,
)


@settings(max_examples=40)
@given(meetings_)
def test_min_meeting_rooms_matches_the_busiest_moment(meetings):
    """min_meeting_rooms(ms) == the most meetings [s, e) running at any one moment."""
    got = min_meeting_rooms(list(meetings))
    expected = _rooms_oracle(meetings)
    assert got == expected, (
        f"Called min_meeting_rooms({meetings}). It returned {got!r}, expected {expected} (the "
        "most meetings running at once; a meeting [s, e) ends before time e)."
    )


def _run_rooms(counter: Counter, family: str, n: int) -> None:
    min_meeting_rooms(_counted_ranges(_meetings(family, n), counter))


ROOMS_WHAT = "comparisons between endpoints made by min_meeting_rooms(meetings) on n meetings"


def _rooms_counts(per_n_log_n: float) -> Measurement:
    return measure(
        _run_rooms,
        SIZES,
        what=ROOMS_WHAT,
        families=("random", "reversed"),
        budget=(per_n_log_n, LINEARITHMIC),
    )


def test_min_meeting_rooms_makes_at_most_eight_n_log_n_comparisons():
    assert_within(
        _rooms_counts(8),
        LINEARITHMIC,
        "Counting, for every meeting, the meetings running when it starts costs n² "
        "comparisons. Sort the starts and the ends: walking both in time order, a start takes "
        "a room and an end gives one back, and the most rooms taken at once is the answer.",
        budget_only=True,
    )


def test_min_meeting_rooms_declares_its_pattern_and_classes():
    _declared(
        min_meeting_rooms,
        "min_meeting_rooms",
        ["intervals", "heap", "sort-first"],
        _rooms_counts,
        lambda n: functools.partial(min_meeting_rooms, _meetings("random", n)),
    )
