"""Tests for the DP-table trace kata: the LCS length, then every cell against the reference.

Your ``lcs_length`` records each table cell on a ``Trace``; the checker's reference
(``checker.harness.traced.lcs_table``) records its own on the same input, and a difference is
shown side by side from the first cell where the two part ways. Every run gets a step limit a
little over twice the reference's length, so a fill that never ends is stopped and reported.
"""

from __future__ import annotations

import functools
import itertools
import random
from collections import Counter
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness import traced
from checker.harness.trace import Step, Trace, assert_same_trace, first_divergence, run_traced
from katas.stage2_patterns.trace_dp_table import lcs_length

PAIRS = [
    pytest.param("abc", "ac", id="the-stubs-worked-example"),
    pytest.param("", "", id="both-empty"),
    pytest.param("abc", "", id="second-empty"),
    pytest.param("", "abc", id="first-empty"),
    pytest.param("a", "a", id="one-item-each-equal"),
    pytest.param("a", "b", id="one-item-each-different"),
    pytest.param("abc", "abc", id="identical"),
    pytest.param("abc", "def", id="nothing-in-common"),
    pytest.param("aaaa", "aa", id="duplicates"),
    pytest.param("ABCBDAB", "BDCABA", id="the-clrs-example"),
    pytest.param([1, 2, 3, 2], [2, 3, 2, 1], id="lists-of-numbers"),
]


def _show(seq: Sequence[Any]) -> str:
    """A sequence for a message: in full when short, otherwise its start and its length."""
    return repr(seq) if len(seq) <= 16 else f"{seq[:8]!r}... ({len(seq)} items)"


def _call(a: Sequence[Any], b: Sequence[Any]) -> str:
    return f"lcs_length({_show(a)}, {_show(b)})"


def _witness(a: Sequence[Any], b: Sequence[Any]) -> list[Any]:
    """A longest common subsequence by brute force: the longest subsequence of a found in b."""

    def inside(sub: tuple[Any, ...]) -> bool:
        rest = iter(b)
        return all(any(x == y for y in rest) for x in sub)

    for size in range(len(a), -1, -1):
        for sub in itertools.combinations(a, size):
            if inside(sub):
                return list(sub)
    return []


def _reference(a: Sequence[Any], b: Sequence[Any]) -> tuple[int, list[Step]]:
    trace = Trace()
    return traced.lcs_table(a, b, trace), trace.steps


def _run(a: Sequence[Any], b: Sequence[Any]) -> tuple[int, Trace]:
    """Your ``lcs_length`` on a fresh trace of four times the cells it needs."""
    limit = 4 * (len(a) + 1) * (len(b) + 1) + 64
    answer, trace, stopped = run_traced(functools.partial(lcs_length, a, b), limit=limit)
    if stopped:
        raise AssertionError(f"{_call(a, b)}: {stopped}\n  {_runaway(a, b)}")
    return answer, trace


def _runaway(a: Sequence[Any], b: Sequence[Any]) -> str:
    return f"The table has {len(a) + 1} x {len(b) + 1} cells: record each one once."


def _advice(
    a: Sequence[Any], b: Sequence[Any], expected: Sequence[Step], got: Sequence[Step]
) -> str:
    """One line on the likeliest cause of the first difference."""
    at = first_divergence(expected, got)
    if at is None:
        return ""
    if at >= len(got):
        return (
            f"Your table stops early: record every one of its {len(a) + 1} x {len(b) + 1} "
            "cells, row 0 and column 0 included."
        )
    if at >= len(expected):
        return "Your trace goes on after the last cell: record each cell once, and stop there."
    want, have = tuple(expected[at]), tuple(got[at])
    if len(have) != 4 or have[0] != "cell":
        return "Record only cells, with trace.cell(i, j, value)."
    _, i, j, value = want
    _, your_i, your_j, your_value = have
    if (your_i, your_j) == (i, j):
        if not (i and j):
            why = "row 0 and column 0 are 0: one prefix is empty"
        elif a[i - 1] == b[j - 1]:
            why = f"a[{i - 1}] == b[{j - 1}] == {a[i - 1]!r}, so it is [{i - 1}][{j - 1}] + 1"
        else:
            why = (
                f"a[{i - 1}] = {a[i - 1]!r} differs from b[{j - 1}] = {b[j - 1]!r}, so it is "
                f"max([{i - 1}][{j}], [{i}][{j - 1}])"
            )
        late = "; record a cell only once its value is set" if your_value == 0 else ""
        return f"Cell [{i}][{j}] is {value}: {why}{late}."
    if (i == 0 or j == 0) and your_i and your_j:
        return (
            "Record row 0 and column 0 too: their zeros are cells of the table, the ones every "
            "other cell is built from."
        )
    if your_i > i:
        return "Fill row by row: all of row i, left to right, before any cell of row i + 1."
    return (
        "Follow the stub's convention: row-major order from [0][0], each cell recorded once, "
        "as soon as its value is set."
    )


def _assert_same_cells(a: Sequence[Any], b: Sequence[Any], *, answer_too: bool = False) -> None:
    """Your cells, one by one, against the reference's (and your answer, if asked)."""
    want, expected = _reference(a, b)
    limit = 2 * len(expected) + 16
    got, trace, stopped = run_traced(functools.partial(lcs_length, a, b), limit=limit)
    if answer_too and not stopped:
        assert got == want, f"{_call(a, b)} returned {got!r}, expected {want}."
    advice = _advice(a, b, expected, trace.steps)
    if stopped:
        advice += f"\n  Your fill was stopped after {limit} cells. {_runaway(a, b)}"
    assert_same_trace(expected, trace, call=_call(a, b), advice=advice)


# -- the answer -------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_lcs_length_returns_the_length_of_a_longest_common_subsequence(a, b):
    got, _ = _run(a, b)
    common = _witness(a, b)
    assert got == len(common), f"{_call(a, b)} returned {got!r}, expected {len(common)}" + (
        f": {common!r} is in both, in order." if common else ": they have nothing in common."
    )


# -- the trace --------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_every_cell_matches_the_reference_in_fill_order(a, b):
    _assert_same_cells(a, b)


@settings(max_examples=50)
@given(a=st.text("abc", max_size=8), b=st.text("abc", max_size=8))
def test_on_any_two_strings_the_length_and_every_cell_match_the_reference(a, b):
    """For any two short strings over a small alphabet (many matches): the same length, the
    same cells in the same order."""
    _assert_same_cells(a, b, answer_too=True)


def test_the_table_has_every_cell_once_and_the_answer_in_its_last_cell():
    """(len(a) + 1) · (len(b) + 1) cells, none twice, none missing; the last one is the answer."""
    rng = random.Random(4)
    pairs = [("abc", "ac"), ("", "xyz"), ("".join(rng.choices("acgt", k=40)), "gattaca" * 4)]
    for a, b in pairs:
        answer, trace = _run(a, b)
        cells = trace.of("cell")
        size = (len(a) + 1) * (len(b) + 1)
        seen = Counter((step[1], step[2]) for step in cells)
        twice = sorted(cell for cell, count in seen.items() if count > 1)
        missing = [(i, j) for i in range(len(a) + 1) for j in range(len(b) + 1) if not seen[i, j]]
        assert len(cells) == size and not twice and not missing, (
            f"{_call(a, b)} recorded {len(cells)} cells for a table of {len(a) + 1} x "
            f"{len(b) + 1} = {size}. Recorded more than once: {twice[:6]}; never recorded: "
            f"{missing[:6]}. Record each cell [i][j] exactly once, as soon as it is set."
        )
        last = cells[-1] if cells else None
        assert last is not None and last[1:3] == (len(a), len(b)) and last[3] == answer, (
            f"{_call(a, b)} returned {answer!r}, and its last recorded cell is {last!r}. The "
            f"answer is the bottom-right cell, [{len(a)}][{len(b)}], the last one filled."
        )
