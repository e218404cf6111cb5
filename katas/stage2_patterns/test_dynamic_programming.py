"""Tests for the dynamic-programming kata: answers, tables, counted costs and honest claims.

Each problem is checked four ways: fixed examples with the edge cases; generated inputs against
a plain, slow reference written below (hypothesis); a budget on counted operations that the
brute force runs out of at once (``Counted`` items count every comparison, ``CountedInt``
numbers every comparison and every ``+`` or ``-``, wherever they happen, even inside
``bisect`` or ``max``); and the ``@declare`` above the function, checked against the pattern
catalogue and against the growth the harness measures on your code. The tests never time your
code, so a verdict is the same on every machine.
"""

from __future__ import annotations

import functools
import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.counting import Counter, counted, counted_ints
from checker.harness.growth import (
    LINEAR,
    LINEARITHMIC,
    QUADRATIC,
    assert_within,
    family_input,
    measure,
)
from checker.harness.patterns import check_approach
from checker.harness.space import space_class
from katas.stage2_patterns.dynamic_programming import edit_distance, knapsack, lis_length

LIS_SIZES = (128, 256, 512, 1024, 2048)
LIS_BUDGET = 2  # comparisons per n·log2(n); patience sorting needs under 1
LIS_PATTERNS = ("dynamic-programming", "binary-search")
LIS_BRUTE_FORCE = ("O(n^2)", "O(2^n)")
DP_PATTERNS = ("dynamic-programming",)
EDIT_SIZES = (16, 32, 64, 128)
EDIT_BUDGET = 3  # comparisons per cell; the table needs one
# At most 256 items, so a memoized recursion, one call deep per item, stays inside Python's
# recursion limit.
KNAPSACK_SIZES = (32, 64, 128, 256)
CAPACITY = 8  # W, held fixed while n grows
# Counted operations per item: 12 per (item, capacity) pair. The reference needs 3, a memoized
# recursion about 6.
KNAPSACK_BUDGET = 12 * (CAPACITY + 1)
SPACE_SIZES = (256, 512, 1024, 2048, 4096)


# -- plain references: slow, short, obviously right ------------------------------------------


def _lis_reference(items: list[int]) -> int:
    """The O(n²) table: best[i] = the longest increasing run ending at items[i]."""
    best = [1] * len(items)
    for i in range(len(items)):
        for j in range(i):
            if items[j] < items[i]:
                best[i] = max(best[i], best[j] + 1)
    return max(best, default=0)


def _edit_table(a: str, b: str) -> list[list[int]]:
    """Wagner-Fischer, written out: table[i][j] = edit distance of a[:i] and b[:j]."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        for j in range(len(b) + 1):
            if i == 0 or j == 0:
                table[i][j] = i + j
            else:
                table[i][j] = min(
                    table[i - 1][j] + 1,  # delete a[i - 1]
                    table[i][j - 1] + 1,  # insert b[j - 1]
                    table[i - 1][j - 1] + (a[i - 1] != b[j - 1]),  # keep or substitute
                )
    return table


def _edit_recursive(a: str, b: str) -> int:
    """The same distance by the other route: recursion on suffixes, memoized."""

    @functools.cache
    def d(i: int, j: int) -> int:
        if i == len(a) or j == len(b):
            return (len(a) - i) + (len(b) - j)
        if a[i] == b[j]:
            return d(i + 1, j + 1)
        return 1 + min(d(i + 1, j), d(i, j + 1), d(i + 1, j + 1))

    return d(0, 0)


def _knapsack_reference(weights: list[int], values: list[int], capacity: int) -> int:
    """Try every subset of the items."""
    best = 0
    for chosen in itertools.product((False, True), repeat=len(weights)):
        if sum(w for w, c in zip(weights, chosen, strict=True) if c) <= capacity:
            best = max(best, sum(v for v, c in zip(values, chosen, strict=True) if c))
    return best


# -- lis_length ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "expected", "why"),
    [
        ([], 0, "an empty list has only the empty subsequence"),
        ([42], 1, "one item is a run of length 1"),
        ([10, 9, 2, 5, 3, 7, 101, 18], 4, "2, 3, 7, 18 (or 2, 5, 7, 101)"),
        ([5, 5, 5, 5], 1, "strictly increasing: equal items cannot follow each other"),
        ([1, 3, 3, 4], 3, "1, 3, 4: the second 3 does not extend the run"),
        ([1, 2, 3, 4, 5, 6], 6, "already increasing: everything"),
        ([6, 5, 4, 3, 2, 1], 1, "decreasing: any single item"),
        ([3, 4, 1, 2, 3], 3, "1, 2, 3 comes after a shorter start 3, 4"),
    ],
    ids=[
        "empty",
        "one-item",
        "example",
        "all-equal",
        "duplicates",
        "increasing",
        "decreasing",
        "late-start",
    ],
)
def test_lis_length_gives_the_length_of_the_longest_strictly_increasing_run(items, expected, why):
    got = lis_length(list(items))
    assert got == expected, (
        f"lis_length({items}) returned {got!r}, expected {expected}: {why}. "
        "A subsequence keeps the order but may skip items."
    )


@settings(max_examples=50)
@given(st.lists(st.integers(-15, 15), max_size=25))
def test_lis_length_agrees_with_the_quadratic_table_on_any_list(items):
    """For any list, lis_length equals the O(n²) 'best run ending at i' table."""
    got = lis_length(list(items))
    expected = _lis_reference(items)
    assert got == expected, (
        f"lis_length({items}) returned {got!r}; the longest strictly increasing subsequence has "
        f"length {expected}. If yours is longer, an equal item was allowed to extend a run "
        "(use the leftmost position whose tail is >= the item)."
    )


def _lis_input(family: str, n: int) -> list[int]:
    rng = random.Random(f"lis:{family}:{n}")
    if family == "noisy-rising":  # mostly rising, so runs grow long, but out of order locally
        return [4 * i + rng.randrange(16) for i in range(n)]
    return family_input(family, n)


def _lis_run(counter: Counter, family: str, n: int) -> None:
    lis_length(counted(_lis_input(family, n), counter))


def test_lis_length_makes_o_n_log_n_comparisons():
    m = measure(
        _lis_run,
        LIS_SIZES,
        what="comparisons made by lis_length(items) on n items",
        families=("random", "sorted", "noisy-rising"),
        budget=(LIS_BUDGET, LINEARITHMIC),
    )
    assert_within(
        m,
        LINEARITHMIC,
        "Comparing each item with every earlier one costs n²/2. Keep one number per run "
        "length: the smallest item such a run can end with. Those numbers are sorted, so a "
        "binary search tells each new item which one it replaces or that it extends the longest.",
    )


def test_lis_length_declaration_matches_the_catalogue_and_its_measured_growth():
    check_approach(
        lis_length,
        "lis_length",
        patterns=LIS_PATTERNS,
        brute_force=LIS_BRUTE_FORCE,
        time=lambda: measure(
            _lis_run,
            LIS_SIZES,
            what="comparisons made by lis_length(items) on n items",
            families=("random", "sorted"),
            budget=(4 * LIS_BUDGET, LINEARITHMIC),
        ),
        space=lambda: space_class(
            lambda n: functools.partial(lis_length, sorted(family_input("random", n))),
            SPACE_SIZES,
            what="lis_length(items) on n rising items",
        ),
    )


# -- edit_distance ------------------------------------------------------------------------------


def _edit_distance(a: str, b: str) -> tuple[object, object]:
    got = edit_distance(a, b)
    assert isinstance(got, tuple) and len(got) == 2, (
        f"edit_distance({a!r}, {b!r}) returned {got!r}; it should return a pair (distance, table)."
    )
    return got


def _check_table(a: str, b: str, table: object) -> None:
    expected = _edit_table(a, b)
    call = f"edit_distance({a!r}, {b!r})"
    assert isinstance(table, list), (
        f"{call} returned {type(table).__name__} {table!r} as its table; return a list of rows."
    )
    assert len(table) == len(a) + 1, (
        f"{call} returned a table of {len(table)} row(s); it needs len(a) + 1 = {len(a) + 1} "
        f"rows, one per prefix a[:0] .. a[:{len(a)}], every row kept."
    )
    for i, (want, have) in enumerate(zip(expected, table, strict=True)):
        assert isinstance(have, list) and len(have) == len(b) + 1, (
            f"{call}: table[{i}] is {have!r}; every row needs len(b) + 1 = {len(b) + 1} "
            f"numbers, one per prefix b[:0] .. b[:{len(b)}]."
        )
        for j, (w, h) in enumerate(zip(want, have, strict=True)):
            assert h == w, (
                f"{call}: table[{i}][{j}] is {h!r}, expected {w}, the edit distance of "
                f"a[:{i}] = {a[:i]!r} and b[:{j}] = {b[:j]!r}. Row {i} should be {want}, "
                f"yours is {have}. Row 0 and column 0 are the cost of building a prefix from "
                "nothing; every other cell reads the cells above, to the left and above-left."
            )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("", "", 0),
        ("abc", "", 3),
        ("", "ab", 2),
        ("same", "same", 0),
        ("cat", "cut", 1),
        ("kitten", "sitting", 3),
        ("sunday", "saturday", 3),
        ("abc", "cab", 2),
    ],
    ids=["both-empty", "to-empty", "from-empty", "equal", "one-swap", "kitten", "sunday", "shift"],
)
def test_edit_distance_counts_the_fewest_edits(a, b, expected):
    distance, _ = _edit_distance(a, b)
    assert distance == expected, (
        f"edit_distance({a!r}, {b!r}) returned the distance {distance!r}, expected {expected}: "
        "insertions, deletions and substitutions cost 1 each, a matching item costs nothing."
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [("", ""), ("abc", ""), ("", "ab"), ("cat", "cut"), ("sunday", "saturday"), ("abc", "cab")],
    ids=["both-empty", "to-empty", "from-empty", "one-swap", "sunday", "shift"],
)
def test_edit_distance_returns_every_cell_of_its_table(a, b):
    distance, table = _edit_distance(a, b)
    _check_table(a, b, table)
    assert distance == table[len(a)][len(b)], (
        f"edit_distance({a!r}, {b!r}) returned distance {distance!r} but its own table ends "
        f"in {table[len(a)][len(b)]!r}; the answer is the bottom-right cell."
    )


@settings(max_examples=50)
@given(st.text(alphabet="abc", max_size=7), st.text(alphabet="abc", max_size=7))
def test_edit_distance_and_its_table_agree_with_the_references_on_any_strings(a, b):
    """For any strings, the distance equals a memoized recursion and the table a plain fill."""
    distance, table = _edit_distance(a, b)
    expected = _edit_recursive(a, b)
    assert distance == expected, (
        f"edit_distance({a!r}, {b!r}) returned the distance {distance!r}, expected {expected}."
    )
    _check_table(a, b, table)


def _edit_run(counter: Counter, family: str, n: int) -> None:
    a = counted(family_input(family, n, seed="a"), counter)
    b = counted(family_input(family, n, seed="b"), counter)
    edit_distance(a, b)


def test_edit_distance_makes_one_comparison_per_cell():
    m = measure(
        _edit_run,
        EDIT_SIZES,
        what="item comparisons made by edit_distance(a, b) with n items in each",
        families=("random", "few-unique"),
        budget=(EDIT_BUDGET, QUADRATIC),
    )
    assert_within(
        m,
        QUADRATIC,
        "Trying every way to edit a into b (match, substitute, insert, delete, and recurse) "
        "branches three ways per step. The same pair of prefixes comes up again and again: "
        "fill each table cell once, from the three cells next to it.",
    )


def test_edit_distance_declaration_matches_the_catalogue_and_its_measured_growth():
    def prepare(n: int):
        return functools.partial(
            edit_distance, family_input("random", n, seed="a"), family_input("random", n, seed="b")
        )

    check_approach(
        edit_distance,
        "edit_distance",
        patterns=DP_PATTERNS,
        brute_force="O(2^n)",
        time=lambda: measure(
            _edit_run,
            EDIT_SIZES[:-1],
            what="item comparisons made by edit_distance(a, b) with n items in each",
            families=("random",),
            budget=(4 * EDIT_BUDGET, QUADRATIC),
        ),
        space=lambda: space_class(
            prepare, (4, 8, 16, 32, 64), what="edit_distance(a, b) with n items in each"
        ),
    )


# -- knapsack -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weights", "values", "capacity", "expected", "why"),
    [
        ([], [], 10, 0, "no items, no value"),
        ([1, 2], [5, 6], 0, 0, "nothing fits in capacity 0"),
        ([5], [10], 4, 0, "the only item is too heavy"),
        ([1], [10], 5, 10, "each item is taken at most once, not five times"),
        ([1, 3, 4, 5], [1, 4, 5, 7], 7, 9, "weights 3 + 4 for values 4 + 5"),
        (
            [10, 20, 30],
            [60, 100, 120],
            50,
            220,
            "20 + 30; taking the best value per weight first (weight 10) gets only 160",
        ),
        ([3, 3, 3], [5, 5, 5], 9, 15, "equal items, all fit exactly"),
        ([2, 2], [0, 0], 4, 0, "worthless items add nothing"),
    ],
    ids=[
        "no-items",
        "zero-capacity",
        "too-heavy",
        "no-reuse",
        "example",
        "ratio-greedy-fails",
        "exact-fit",
        "worthless",
    ],
)
def test_knapsack_gives_the_most_value_that_fits(weights, values, capacity, expected, why):
    got = knapsack(list(weights), list(values), capacity)
    assert got == expected, (
        f"knapsack({weights}, {values}, {capacity}) returned {got!r}, expected {expected}: {why}."
    )


@settings(max_examples=50)
@given(
    st.lists(st.tuples(st.integers(1, 10), st.integers(0, 20)), max_size=7),
    st.integers(0, 30),
)
def test_knapsack_agrees_with_trying_every_subset(items, capacity):
    """For any items and capacity, knapsack equals the best of all 2^n subsets that fit."""
    weights = [w for w, _ in items]
    values = [v for _, v in items]
    got = knapsack(list(weights), list(values), capacity)
    expected = _knapsack_reference(weights, values, capacity)
    assert got == expected, (
        f"knapsack({weights}, {values}, {capacity}) returned {got!r}; the best subset that fits "
        f"is worth {expected}. If yours is more, an item was counted twice: when you update the "
        "best value for each capacity, read only values from before this item."
    )


def _knapsack_items(family: str, n: int) -> tuple[list[int], list[int]]:
    """n items: one block of 16 repeated, light (weights 1 to 3) or mixed (1 to W).

    Repeating one block makes every block cost the same, so the counts grow in step with n and
    no size is luckier than another.
    """
    rng = random.Random(f"knapsack:{family}")
    heaviest = 3 if family == "light" else CAPACITY
    weights = [rng.randint(1, heaviest) for _ in range(16)]
    values = [rng.randint(0, 100) for _ in range(16)]
    return weights * (n // 16), values * (n // 16)


def _knapsack_run(counter: Counter, family: str, n: int) -> None:
    weights, values = _knapsack_items(family, n)
    knapsack(counted_ints(weights, counter), counted_ints(values, counter), CAPACITY)


def test_knapsack_does_o_n_w_work_for_n_items():
    m = measure(
        _knapsack_run,
        KNAPSACK_SIZES,
        what=(
            f"comparisons and additions or subtractions of weights and values made by "
            f"knapsack(weights, values, {CAPACITY}) on n items (capacity fixed)"
        ),
        families=("light", "mixed"),
        budget=(KNAPSACK_BUDGET, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        f"Trying every subset doubles the work with each item. With the capacity fixed at "
        f"{CAPACITY}, there are only {CAPACITY + 1} questions per item worth asking: the most "
        "value that fits in capacity c using the items so far, for each c.",
    )


def test_knapsack_declaration_matches_the_catalogue_and_its_measured_growth():
    def prepare(n: int):
        weights, values = _knapsack_items("mixed", n)
        return functools.partial(knapsack, weights, values, CAPACITY)

    check_approach(
        knapsack,
        "knapsack",
        patterns=DP_PATTERNS,
        brute_force="O(2^n)",
        time=lambda: measure(
            _knapsack_run,
            KNAPSACK_SIZES,
            what=f"operations on weights and values made by knapsack(weights, values, {CAPACITY})",
            families=("light", "mixed"),
            budget=(4 * KNAPSACK_BUDGET, LINEAR),
        ),
        space=lambda: space_class(
            prepare,
            (16, 32, 64, 128, 256),
            what=f"knapsack(weights, values, {CAPACITY}) on n items",
        ),
    )
