"""Tests for the recursion-tree trace kata: the answers, then every call against the reference.

Your ``memo_fib`` and ``subset_sum`` record each call's enter and return on a ``Trace``; the
checker's reference (``checker.harness.traced``) records its own on the same input, and a
difference is shown side by side from the first step where the two part ways. Every run gets a
step limit a little over twice the reference's length, so a recursion that never reaches its
base case, or one that forgets its memo, is stopped at once and reported.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness import traced
from checker.harness.trace import (
    Step,
    Trace,
    TraceOverflow,
    assert_same_trace,
    first_divergence,
    run_traced,
)
from katas.stage2_patterns.trace_recursion import memo_fib, subset_sum

FIB_TRACED = [0, 1, 2, 3, 5, 10]
FIB_ANSWERS = [0, 1, 2, 3, 10, 30, 90]
FIB_BOUND_SIZES = (1, 2, 3, 10, 50, 100, 300)
RUNAWAY = (
    "Each call must reach an answer: after trace.enter, check the memo, then the base cases "
    "(n < 2; remaining == 0, then the end of the items or remaining < 0)."
)
SUBSETS = [
    pytest.param([3, 5], 5, id="the-stubs-worked-example"),
    pytest.param([], 0, id="no-items-target-zero"),
    pytest.param([], 3, id="no-items"),
    pytest.param([5], 5, id="one-item-that-fits"),
    pytest.param([5], 3, id="one-item-too-big"),
    pytest.param([1, 2, 3], 0, id="target-zero"),
    pytest.param([2, 2, 2], 4, id="duplicates-found"),
    pytest.param([2, 2, 2], 5, id="duplicates-absent"),
    pytest.param([3, 34, 4, 12, 5, 2], 9, id="six-items-found"),
    pytest.param([3, 34, 4, 12, 5, 2], 30, id="six-items-absent"),
    pytest.param([7, 3, 2, 5, 8], 18, id="five-items-found-late"),
]


def _fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def _witness(items: Sequence[int], target: int) -> list[int] | None:
    """Some of ``items`` adding up to ``target``, by brute force over every subset; or None."""
    for size in range(len(items) + 1):
        for chosen in itertools.combinations(items, size):
            if sum(chosen) == target:
                return list(chosen)
    return None


def _verdict(items: Sequence[int], target: int) -> tuple[bool, str]:
    """The right answer and the reason, e.g. ``(True, "[3, 2] adds up to 5")``."""
    chosen = _witness(items, target)
    if chosen is None:
        return False, f"no choice of items adds up to {target}"
    return True, f"{chosen} adds up to {target}"


def _run(
    call: str, fn: Callable[..., Any], *args: Any, limit: int, after: tuple[Any, ...] = ()
) -> tuple[Any, Trace]:
    """``fn(*args, trace, *after)`` on a fresh trace of ``limit`` steps, far more than it needs.

    A recursion that never reaches its base case is stopped by the limit, or by CPython's
    recursion limit, and either way reported as a failure that says so.
    """
    got, trace, stopped = _attempt(call, fn, *args, limit=limit, after=after)
    if stopped:
        raise AssertionError(f"{call}: {stopped}\n  {RUNAWAY}")
    return got, trace


def _attempt(
    call: str, fn: Callable[..., Any], *args: Any, limit: int, after: tuple[Any, ...] = ()
) -> tuple[Any, Trace, TraceOverflow | None]:
    """Like ``_run``, but a run stopped by the step limit returns what it recorded so far."""
    try:
        return run_traced(lambda t: fn(*args, t, *after), limit=limit)
    except RecursionError:
        raise AssertionError(
            f"{call} raised RecursionError: its calls went about 1,000 deep, far deeper than "
            f"the reference's.\n  {RUNAWAY}"
        ) from None


def _reference(
    fn: Callable[..., Any], *args: Any, after: tuple[Any, ...] = ()
) -> tuple[Any, list[Step]]:
    trace = Trace()
    return fn(*args, trace, *after), trace.steps


def _leaf(expected: Sequence[Step], at: int) -> bool:
    """Whether the reference's step ``at`` enters a call that returns at once."""
    want = tuple(expected[at])
    return (
        want[0] == "enter"
        and at + 1 < len(expected)
        and tuple(expected[at + 1])[:-1] == ("return", *want[1:])
    )


def _fib_advice(expected: Sequence[Step], got: Sequence[Step]) -> str:
    """One line on the likeliest cause of the first difference in memo_fib's calls."""
    at = first_divergence(expected, got)
    if at is None:
        return ""
    if (
        0 < at < len(got)
        and got[at][0] == "return"
        and tuple(got[at - 1]) == ("enter", got[at][1])
        and not _leaf(expected, at - 1)
    ):
        k = got[at][1]
        return (
            f"Your fib({k}) returned at once where the reference computes it from fib({k - 1}) "
            f"and fib({k - 2}): the base cases are n < 2 only, and memo=None means a new dict "
            "(a default of memo={} is one dict shared by every call)."
        )
    if at < len(expected) and _leaf(expected, at):
        return (
            f"The reference calls fib({expected[at][1]}) here and it returns at once (a memo "
            "hit or a base case): record those calls too, with trace.enter(n) before the memo "
            "lookup and trace.leave last."
        )
    if at < len(expected) and at < len(got):
        want, have = tuple(expected[at]), tuple(got[at])
        if want[0] == have[0] == "enter" and have[1] == want[1] - 1:
            return "Call fib(n - 1) first, then fib(n - 2)."
        if want[0] == "return" and have[0] == "enter":
            return (
                f"fib({want[1]}) returns here: once fib(n - 1) and fib(n - 2) have returned, "
                "add them, store the sum in the memo, and record the return."
            )
    return (
        "Follow the stub's convention: enter first, then the memo, then n < 2, then fib(n - 1) "
        "and fib(n - 2) in that order, then the return, in every call."
    )


def _subset_advice(expected: Sequence[Step], got: Sequence[Step]) -> str:
    """One line on the likeliest cause of the first difference in subset_sum's calls."""
    at = first_divergence(expected, got)
    if at is None:
        return ""
    if at < len(expected) and at < len(got):
        want, have = tuple(expected[at]), tuple(got[at])
        if want[0] == have[0] == "enter" and want[1] == have[1] and have[2] > want[2]:
            return (
                "Take item i first, can(i + 1, remaining - items[i]); skip it, "
                "can(i + 1, remaining), only if taking it failed."
            )
        if want[0] == "enter" and want[2] < 0:
            return (
                "Make the take call even when it overshoots: can(i + 1, remaining - items[i]) "
                "is entered, recorded, and returns False at once."
            )
        if want[0] == "return" and have[0] == "enter" and want[3]:
            return (
                "Stop at the first success: once a call finds True, return it at once, "
                "without trying the skip."
            )
        if want[0] == "return" and have[0] == "enter":
            return (
                "This call returns False at once: i == len(items) or remaining < 0, checked "
                "right after remaining == 0."
            )
        if want[0] == have[0] == "return" and want[1:3] == have[1:3]:
            return (
                f"can({want[1]}, {want[2]}) returns {want[3]}: remaining == 0 is True, checked "
                "first, even at the end of the items."
            )
    return (
        "Follow the stub's convention: enter first; remaining == 0 is True; the end of the "
        "items or remaining < 0 is False; take item i, then skip it only if that failed."
    )


def _assert_same_fib(n: int, memo: dict[int, int] | None = None, *, advice: str = "") -> None:
    shown = f"memo_fib({n})" if memo is None else f"memo_fib({n}, memo={memo!r})"
    ref_memo = None if memo is None else dict(memo)
    want, expected = _reference(traced.memo_fib, n, after=() if memo is None else (ref_memo,))
    after = () if memo is None else (memo,)
    limit = 2 * len(expected) + 16
    got, trace, stopped = _attempt(shown, memo_fib, n, limit=limit, after=after)
    if not stopped:
        assert got == want, f"{shown} returned {got!r}; fib({n}) is {want}."
    advice = advice or _fib_advice(expected, trace.steps)
    if stopped:
        advice += f"\n  Your calls were stopped after {limit} steps. {RUNAWAY}"
    assert_same_trace(expected, trace, call=shown, advice=advice)
    if memo is not None:
        assert memo == ref_memo, (
            f"After {shown}, the memo holds {memo!r}; it should hold {ref_memo!r}: store every "
            "value you compute."
        )


def _assert_same_subset(items: Sequence[int], target: int, *, answer_too: bool = False) -> None:
    call = f"subset_sum({list(items)!r}, {target!r})"
    _, expected = _reference(traced.subset_sum, list(items), target)
    limit = 2 * len(expected) + 16
    got, trace, stopped = _attempt(call, subset_sum, list(items), target, limit=limit)
    if answer_too and not stopped:
        want, why = _verdict(items, target)
        assert got is want, f"{call} returned {got!r}, expected {want}: {why}."
    advice = _subset_advice(expected, trace.steps)
    if stopped:
        advice += f"\n  Your calls were stopped after {limit} steps. {RUNAWAY}"
    assert_same_trace(expected, trace, call=call, advice=advice)


# -- memo_fib ---------------------------------------------------------------------------------


@pytest.mark.parametrize("n", FIB_ANSWERS)
def test_memo_fib_returns_the_nth_fibonacci_number(n):
    got, _ = _run(f"memo_fib({n})", memo_fib, n, limit=8 * n + 64)
    assert got == _fib(n), (
        f"memo_fib({n}) returned {got!r}, expected {_fib(n)}: fib(0) = 0, fib(1) = 1, and each "
        "next one is the sum of the two before it."
    )


@pytest.mark.parametrize("n", FIB_TRACED)
def test_memo_fib_records_every_call_like_the_reference(n):
    _assert_same_fib(n)


def test_memo_fib_records_the_memo_hits_on_a_memo_passed_in_and_fills_it():
    memo: dict[int, int] = {}
    for n in (6, 8, 4):  # 8 finds 6 and 7's inputs stored; 4 is a single memo hit
        _assert_same_fib(n, memo)


def test_memo_fib_without_a_memo_starts_afresh_every_time():
    _assert_same_fib(5)
    _assert_same_fib(
        5,
        advice="The second call found fib values stored by the first: memo=None must give "
        "each call a new dict. A default of memo={} is made once and shared by every call.",
    )


@settings(max_examples=50)
@given(first=st.integers(0, 40), second=st.integers(0, 40))
def test_memo_fib_on_any_n_and_then_on_the_same_memo_matches_the_reference(first, second):
    """For any n: fib(n) and the reference's calls; then any m on the memo it left behind."""
    memo: dict[int, int] = {}
    _assert_same_fib(first, memo)
    _assert_same_fib(second, memo)


def test_memo_fib_makes_at_most_2n_minus_1_calls():
    """Every n from 2 up is computed once and asks the memo for n - 2 once: 2n - 1 calls."""
    rows, first_bad = [], None
    for n in FIB_BOUND_SIZES:
        _, trace = _run(f"memo_fib({n})", memo_fib, n, limit=8 * n + 64)
        calls, bound = len(trace.of("enter")), 2 * n - 1
        rows.append(f"    {n:>5}  {bound:>6}  {calls:>6}")
        if first_bad is None and not 1 <= calls <= bound:
            first_bad = (n, calls, bound)
    if first_bad is not None:
        n, calls, bound = first_bad
        table = "\n".join(["        n  2n - 1   calls", *rows])
        raise AssertionError(
            f"memo_fib({n}) recorded {calls} calls (trace.enter steps); at most {bound}.\n"
            f"{table}\n  Record one enter per call, and look in the memo before recursing: "
            "each fib(k) is computed once, and every other request for it is a memo hit."
        )


# -- subset_sum -------------------------------------------------------------------------------


@pytest.mark.parametrize(("items", "target"), SUBSETS)
def test_subset_sum_says_whether_some_items_add_up_to_the_target(items, target):
    call = f"subset_sum({items!r}, {target!r})"
    got, _ = _run(call, subset_sum, list(items), target, limit=4 * 2 ** (len(items) + 1) + 64)
    want, why = _verdict(items, target)
    assert got is want, f"{call} returned {got!r}, expected {want}: {why}."


@pytest.mark.parametrize(("items", "target"), SUBSETS)
def test_subset_sum_records_every_call_like_the_reference(items, target):
    _assert_same_subset(items, target)


@settings(max_examples=50)
@given(items=st.lists(st.integers(1, 9), max_size=7), target=st.integers(0, 30))
def test_subset_sum_on_any_items_matches_the_oracle_and_the_reference(items, target):
    """For any small positive items and target: the brute-force answer, the reference's calls."""
    _assert_same_subset(items, target, answer_too=True)


def test_subset_sum_makes_at_most_2_to_the_n_plus_1_minus_1_calls():
    """Each call makes at most two calls, one item further on: a binary tree n + 1 levels deep."""
    cases = [([1] * n, n + 1) for n in (0, 1, 2, 5, 10)] + [([2] * 8, 9), ([5, 4, 3, 2, 1], 16)]
    for items, target in cases:
        call = f"subset_sum({items!r}, {target})"
        bound = 2 ** (len(items) + 1) - 1
        _, trace = _run(call, subset_sum, items, target, limit=4 * bound + 64)
        calls = len(trace.of("enter"))
        assert 1 <= calls <= bound, (
            f"{call} recorded {calls} calls (trace.enter steps); a search of {len(items)} items "
            f"makes at least 1 and at most 2^{len(items) + 1} - 1 = {bound}. Record one enter "
            "per call of can(i, remaining), and make each call ask about item i only."
        )
