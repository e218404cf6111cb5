"""Tests for the heap trace kata: the items, then every swap against the reference.

Each test runs a script of pushes and pops on your heap and, in step, on the checker's
reference (``checker.harness.traced.heap_push`` / ``heap_pop``), each on a fresh ``Trace``.
Before every operation the two lists must be equal; after it, the returned item and the swaps
must be too, and a difference in the swaps is shown side by side from the first one that
differs. Every run gets a step limit, so a sift that never stops is reported, not waited for.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness import traced
from checker.harness.trace import Step, Trace, assert_same_trace, first_divergence, run_traced
from katas.stage2_patterns.trace_heap import heap_pop, heap_push

POP = None  # in a script, a pop; any other entry is an item to push

SCRIPTS = [
    pytest.param([1, 3, 2, 5, 4], [0, POP], id="the-stubs-worked-example"),
    pytest.param([], [5, POP], id="one-item"),
    pytest.param([], [7, 6, 5, 4, 3, 2, 1], id="pushes-that-climb-to-the-root"),
    pytest.param([], [1, 2, 3, 4, 5], id="pushes-that-stay-put"),
    pytest.param([1, 2, 3, 4, 5, 6, 7], [POP] * 7, id="pops-until-empty"),
    pytest.param([], [2, 2, 1, 1, 2, POP, POP, POP], id="equal-items-never-swap"),
    pytest.param([1, 3, 3, 5, 5, 4, 4], [POP], id="the-left-child-wins-a-tie"),
    pytest.param([1, 5, 2, 6, 7, 3], [POP], id="the-right-child-is-smaller"),
    pytest.param([1, 2, 5, 6, 3, 9], [POP], id="the-right-child-is-the-last-item"),
    pytest.param([], [(2, "b"), (1, "z"), (1, "a"), POP, POP], id="tuples"),
]
BOUND_SIZES = (2, 3, 4, 7, 8, 15, 16, 100, 1000, 1023, 1024)
RUNAWAY = "Each swap must move the item one level: up to its parent, or down to a child."


def _show(items: Sequence[Any]) -> str:
    """A list for a message: in full when short, otherwise its ends and its length."""
    if len(items) <= 12:
        return repr(list(items))
    ends = ", ".join(map(repr, items[:3])), ", ".join(map(repr, items[-2:]))
    return f"[{ends[0]}, ..., {ends[1]}] ({len(items)} items)"


def _call(before: Sequence[Any], op: Any) -> str:
    return f"heap_pop({_show(before)})" if op is POP else f"heap_push({_show(before)}, {op!r})"


def _reference(heap: list[Any], op: Any) -> tuple[Any, list[Step]]:
    trace = Trace()
    if op is POP:
        return traced.heap_pop(heap, trace), trace.steps
    traced.heap_push(heap, op, trace)
    return None, trace.steps


def _apply(heap: list[Any], op: Any, trace: Trace) -> Any:
    if op is POP:
        return heap_pop(heap, trace)
    return heap_push(heap, op, trace)


def _run(heap: list[Any], op: Any, *, limit: int) -> tuple[Any, Trace]:
    """Your push or pop on a fresh trace of ``limit`` steps, far more than it needs."""
    before = list(heap)
    got, trace, stopped = run_traced(functools.partial(_apply, heap, op), limit=limit)
    if stopped:
        raise AssertionError(f"{_call(before, op)}: {stopped}\n  {RUNAWAY}")
    return got, trace


def _advice(expected: Sequence[Step], got: Sequence[Step], before: Sequence[Any], op: Any) -> str:
    """One line on the likeliest cause of the first difference."""
    at = first_divergence(expected, got)
    if at is None:
        return ""
    if op is POP and at == 0 and got and tuple(got[0]) == ("swap", 0, len(before) - 1):
        return (
            "Moving the last item to the root is not a swap: take it off with list.pop(), put it "
            "at index 0, and record only the swaps of the sift-down."
        )
    if at >= len(got):
        return (
            "Your sift stopped early: keep swapping while the item is strictly smaller than its "
            "parent (push), or while its smaller child is strictly smaller than it (pop)."
        )
    if at >= len(expected):
        return (
            "Your sift went on where the reference stops: equal items never swap, so stop as "
            "soon as no strictly smaller parent (push) or child (pop) is left."
        )
    want, have = tuple(expected[at]), tuple(got[at])
    if have == (want[0], want[2], want[1]):
        return "Record a swap as trace.swap(parent, child): the parent's index first."
    if op is POP and have[:2] == want[:2]:
        return (
            "Sift-down swaps with the smaller child, the left one (2i + 1) on a tie: the right "
            "one only when it is strictly smaller."
        )
    return (
        "Follow the stub's convention: sift-up while strictly smaller than the parent; "
        "sift-down to the smaller child, left on a tie, only if strictly smaller."
    )


def _play(start: Sequence[Any], script: Sequence[Any]) -> None:
    """Run ``script`` on your heap and the reference's in step, comparing after each operation."""
    yours, reference = list(start), list(start)
    done: list[str] = []  # the calls made so far, for the messages
    for op in script:
        history = _history(start, done)
        if op is POP and not reference:
            continue
        assert yours == reference, (
            f"{history}, your heap list is {_show(yours)}; the reference's is "
            f"{_show(reference)}. A push or pop must move items only by the swaps it records."
        )
        before, call = list(reference), _call(reference, op)
        want, expected = _reference(reference, op)
        limit = 2 * len(expected) + 16
        got, trace, stopped = run_traced(functools.partial(_apply, yours, op), limit=limit)
        if op is POP and not stopped:
            assert got == want, f"{history}, {call} returned {got!r}; the smallest is {want!r}."
        advice = _advice(expected, trace.steps, before, op)
        if stopped:
            advice += f"\n  Your sift was stopped after {limit} swaps. {RUNAWAY}"
        assert_same_trace(expected, trace, call=call, advice=advice)
        done.append(call)
    assert yours == reference, (
        f"{_history(start, done)}, your heap list is {_show(yours)}; the reference's is "
        f"{_show(reference)}."
    )


def _history(start: Sequence[Any], done: Sequence[str]) -> str:
    """How the heap got here, e.g. "Starting from [], then heap_push([], 5)"; the last 3 calls."""
    if len(done) > 3:
        return (
            f"Starting from {_show(start)}, after {len(done)} calls ending {', '.join(done[-3:])}"
        )
    return ", then ".join([f"Starting from {_show(start)}", *done])


# -- the items --------------------------------------------------------------------------------


def test_popping_everything_returns_the_items_smallest_first():
    pushed = [5, 3, 8, 1, 9, 2, 7, 3, 1]
    heap: list[int] = []
    for item in pushed:
        _run(heap, item, limit=200)
    popped = [_run(heap, POP, limit=200)[0] for _ in pushed]
    assert popped == sorted(pushed), (
        f"heap_push {pushed} one by one into [], then heap_pop {len(pushed)} times, returned "
        f"{popped}; expected {sorted(pushed)}, smallest first."
    )
    assert heap == [], f"After popping every item, the heap list is {heap!r}, not []."


def test_pop_on_an_empty_heap_raises_index_error_saying_so():
    try:
        got = heap_pop([], Trace(limit=16))
    except IndexError as error:
        assert "empty" in str(error).lower(), (
            f"heap_pop([]) raised IndexError({str(error)!r}). Say what went wrong: the message "
            "should mention that the heap is empty, e.g. IndexError('pop from an empty heap')."
        )
        return
    pytest.fail(f"heap_pop([]) returned {got!r}; it should raise IndexError: the heap is empty.")


# -- the trace --------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "script"), SCRIPTS)
def test_every_swap_matches_the_reference_step_for_step(start, script):
    _play(start, script)


@settings(max_examples=50)
@given(st.lists(st.one_of(st.integers(0, 9), st.none()), max_size=40))
def test_any_mix_of_pushes_and_pops_swaps_exactly_like_the_reference(script):
    """For any pushes (small numbers, so many ties) and pops: the same lists, items and swaps."""
    _play([], script)


def test_a_push_or_a_pop_swaps_at_most_floor_log2_n_times():
    """A sift walks one path between the root and a leaf: at most the tree's height in swaps."""
    rows, first_bad = [], None
    for n in BOUND_SIZES:
        # A sorted list is a valid min-heap. Pushing a new smallest item makes it climb all the
        # way up; popping moves the largest item to the root, and it sinks all the way down.
        cases = [
            (list(range(n - 1)), -1, n),  # push: n items after it
            (list(range(n + 1)), POP, n),  # pop: n items after it
        ]
        counts = []
        for heap, op, size in cases:
            before = list(heap)
            _, trace = _run(heap, op, limit=2 * n + 64)
            swaps, bound = len(trace.of("swap")), size.bit_length() - 1  # floor(log2(size))
            counts.append(swaps)
            if first_bad is None and swaps > bound:
                first_bad = (_call(before, op), swaps, size, bound)
        rows.append(f"    {n:>6}  {n.bit_length() - 1:>14}  {counts[0]:>10}  {counts[1]:>9}")
    if first_bad is None:
        return
    call, swaps, size, bound = first_bad
    table = "\n".join(["         n  floor(log2(n))  push swaps  pop swaps", *rows])
    raise AssertionError(
        f"{call} swapped {swaps} times; a heap of {size} items is {bound} levels tall below "
        f"its root, so at most {bound} swaps.\n{table}\n"
        "  Each swap must move the item one level along a single path: up to its parent, or down "
        "to its smaller child."
    )
