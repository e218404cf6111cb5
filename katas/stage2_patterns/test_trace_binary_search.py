"""Tests for the binary-search trace kata: the answer, then every probe against the reference.

Your ``lower_bound`` records its probes on a ``Trace``; the checker's reference
(``checker.harness.traced.lower_bound``) records its own on the same input, and a difference is
shown side by side from the first step where the two part ways. Every run gets a step limit a
little over twice the reference's length, so a loop whose range never shrinks is stopped at
once and reported, instead of hanging until the timeout.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness import traced
from checker.harness.trace import Step, Trace, assert_same_trace, first_divergence, run_traced
from katas.stage2_patterns.trace_binary_search import lower_bound

CASES = [
    pytest.param([1, 3, 5, 7], 4, id="the-stubs-worked-example"),
    pytest.param([], 5, id="empty"),
    pytest.param([4], 4, id="one-item-equal"),
    pytest.param([4], 9, id="one-item-smaller"),
    pytest.param([4], 1, id="one-item-larger"),
    pytest.param([1, 3, 5, 7, 9], 6, id="absent-target-odd-length"),
    pytest.param([1, 3, 5, 7], 0, id="target-below-every-item"),
    pytest.param([1, 3, 5, 7], 9, id="target-above-every-item"),
    pytest.param([1, 2, 2, 2, 2, 3], 2, id="duplicates-the-first-of-a-run"),
    pytest.param([2, 2, 2, 2, 2], 2, id="all-equal"),
    pytest.param(list(range(0, 45, 3)), 21, id="fifteen-items-present"),
    pytest.param(list(range(0, 45, 3)), 22, id="fifteen-items-absent"),
    pytest.param(["apple", "fig", "kiwi", "pear"], "grape", id="strings"),
]
BOUND_SIZES = (1, 2, 3, 4, 7, 8, 9, 100, 1000, 1024, 4095)
RUNAWAY = "Every turn must shrink [lo, hi): mid = (lo + hi) // 2, then lo = mid + 1 or hi = mid."


def _show(items: Sequence[Any]) -> str:
    """A list for a message: in full when short, otherwise its ends and its length."""
    if len(items) <= 12:
        return repr(list(items))
    ends = ", ".join(map(repr, items[:3])), ", ".join(map(repr, items[-2:]))
    return f"[{ends[0]}, ..., {ends[1]}] ({len(items)} items)"


def _call(items: Sequence[Any], target: Any) -> str:
    return f"lower_bound({_show(items)}, {target!r})"


def _reference(items: Sequence[Any], target: Any) -> tuple[int, list[Step]]:
    trace = Trace()
    answer = traced.lower_bound(items, target, trace)
    return answer, trace.steps


def _run(items: Sequence[Any], target: Any, *, limit: int) -> tuple[int, Trace]:
    """Your ``lower_bound`` on a fresh trace of ``limit`` steps, far more than it needs."""
    answer, trace, stopped = run_traced(
        functools.partial(lower_bound, list(items), target), limit=limit
    )
    if stopped:
        raise AssertionError(f"{_call(items, target)}: {stopped}\n  {RUNAWAY}")
    return answer, trace


def _advice(expected: Sequence[Step], got: Sequence[Step]) -> str:
    """One line on the likeliest cause of the first difference."""
    at = first_divergence(expected, got)
    if at is not None and at >= len(got):
        return (
            "Your search stopped while [lo, hi) still held items: loop while lo < hi, and do "
            "not return early when items[mid] == target (a duplicate may sit further left)."
        )
    if at is not None and at >= len(expected):
        ranges = [tuple(step)[1::2] for step in got[max(at - 1, 0) :]]  # (lo, hi) per probe
        for before, after in itertools.pairwise(ranges):
            if before == after:
                return (
                    f"Your range [lo, hi) = [{after[0]}, {after[1]}) did not shrink from one "
                    "turn to the next: a too-small items[mid] must move lo past mid, to mid + 1."
                )
        return "The reference stops here, at lo == hi: an empty [lo, hi) ends the search."
    if at is not None and len(got[at]) == 4 and got[at][0] == "probe":
        _, lo, mid, hi = expected[at]
        _, your_lo, your_mid, your_hi = got[at]
        moved = your_mid == mid and (your_lo == mid + 1 or your_hi == mid)
        if your_lo == lo and your_hi == hi - 1:
            return (
                "Your hi is one less than the reference's: the range is half-open, [lo, hi), "
                "so it starts at hi = len(items), and items[mid] >= target sets hi = mid"
                + (", not mid - 1; and record the probe before moving lo or hi." if moved else ".")
            )
        if (your_lo, your_hi) == (lo, hi):
            return f"With lo={lo} and hi={hi}, mid = (lo + hi) // 2 = {mid}, rounding down."
        if moved:
            return (
                "The right mid with the range the turn ends with: call trace.probe(lo, mid, hi) "
                "first in the turn, before comparing items[mid] and moving lo or hi."
            )
    return (
        "Follow the stub's convention: half-open [lo, hi) from [0, len(items)), "
        "mid = (lo + hi) // 2, one probe per turn recorded before the comparison."
    )


def _assert_same_probes(items: Sequence[Any], target: Any, *, answer_too: bool = False) -> None:
    """Your probes, step for step, against the reference's (and your answer, if asked)."""
    want, expected = _reference(items, target)
    limit = 2 * len(expected) + 16
    got, trace, stopped = run_traced(
        functools.partial(lower_bound, list(items), target), limit=limit
    )
    if answer_too and not stopped:
        assert got == want, f"{_call(items, target)} returned {got!r}, expected {want}."
    advice = _advice(expected, trace.steps)
    if stopped:
        advice += f"\n  Your search was stopped after {limit} probes. {RUNAWAY}"
    assert_same_trace(expected, trace, call=_call(items, target), advice=advice)


# -- the answer -------------------------------------------------------------------------------


@pytest.mark.parametrize(("items", "target"), CASES)
def test_lower_bound_returns_the_first_index_whose_item_is_at_least_the_target(items, target):
    want = bisect.bisect_left(items, target)
    got, _ = _run(items, target, limit=64)
    assert got == want, (
        f"{_call(items, target)} returned {got!r}, expected {want}: the first index whose item "
        f"is >= {target!r}" + (", or len(items) when there is none." if want == len(items) else ".")
    )


# -- the trace --------------------------------------------------------------------------------


@pytest.mark.parametrize(("items", "target"), CASES)
def test_every_probe_matches_the_reference_step_for_step(items, target):
    _assert_same_probes(items, target)


@settings(max_examples=50)
@given(
    items=st.lists(st.integers(-20, 20), max_size=30).map(sorted),
    target=st.integers(-25, 25),
)
def test_on_any_sorted_list_the_answer_and_every_probe_match_the_reference(items, target):
    """For any sorted list and target: bisect_left's answer, probed exactly like the reference."""
    _assert_same_probes(items, target, answer_too=True)


def test_a_search_of_n_items_probes_at_most_ceil_log2_of_n_plus_1_times():
    """Each probe leaves at most half of [lo, hi) live: n items take at most n.bit_length()."""
    rows, first_bad = [], None
    for n in BOUND_SIZES:
        items = list(range(0, 2 * n, 2))
        bound = n.bit_length()  # == ceil(log2(n + 1))
        most = 0
        # Before every item, the first, one absent and one present near the middle, the last,
        # and past the end: the longest and the shortest paths down the search.
        for target in (-1, 0, n - 1, n, 2 * n - 2, 2 * n):
            _, trace = _run(items, target, limit=2 * n + 64)
            probes = len(trace.of("probe"))
            most = max(most, probes)
            if first_bad is None and not 1 <= probes <= bound:
                first_bad = (n, target, probes, bound)
        rows.append(f"    {n:>6}  {bound:>14}  {most:>11}")
    if first_bad is None:
        return
    n, target, probes, bound = first_bad
    table = "\n".join(["         n  ceil(log2(n+1))  most probes", *rows])
    if probes == 0:
        problem = f"recorded no probe: a search of {n} item(s) looks at least once"
    else:
        problem = f"probed {probes} times; {n} items need at most {bound}"
    raise AssertionError(
        f"lower_bound(list(range(0, {2 * n}, 2)), {target}) {problem}.\n{table}\n"
        "  Call trace.probe(lo, mid, hi) once per turn of the loop, and make each turn keep at "
        "most half of the range: lo = mid + 1 or hi = mid."
    )
