"""Tests for the prefix-sums kata: answers against brute-force oracles, additions counted.

Each problem is checked four ways: fixed examples with the edge cases; a property test against
a plain brute force written here (the oracle) on small generated inputs; an operation budget at
sizes that double; and the ``@declare`` above your function or class, whose classes are compared
with the growth measured on your own code. Nothing is timed.

The numbers the cost tests pass are ``CountedNumber`` values: each ``+`` or ``-`` one of them takes
part in counts one operation, wherever it happens (``sum()`` and ``+=`` included), and the
result is a plain int. A prefix sum adds each item once; summing a range afresh adds each of
its items again.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.counting import CountedNumber, Counter
from checker.harness.growth import LINEAR, assert_within, family_input, measure
from checker.harness.patterns import check_approach
from checker.harness.space import space_class
from katas.stage2_patterns.prefix_sums import (
    RangeSums,
    apply_increments,
    count_subarrays_with_sum,
)

SIZES = (64, 128, 256, 512, 1024)
SPACE_SIZES = (128, 256, 512, 1024, 2048)
GENEROUS = 16  # the declaration tests judge the class you claim; the budget tests judge speed
# Budgets allow a few additions per item or update; a plain solution makes one per item and
# two per update. The constant is yours to choose, the growth is not.


def _summed(values, counter: Counter) -> list[CountedNumber]:
    return [CountedNumber(v, counter) for v in values]


def _check_declaration(target, name: str, patterns, run, families, what, prepare):
    """The declaration's words, then its time against the counts, then its space.

    Each measurement runs only when everything before it holds, so a quadratic search is
    stopped by its counted budget before the uncounted space runs could drag on.
    """
    check_approach(
        target,
        name,
        patterns=patterns,
        brute_force="O(n^2)",
        time=lambda: measure(run, SIZES, what=what, families=families, budget=(GENEROUS, LINEAR)),
        space=lambda: space_class(prepare, SPACE_SIZES, what=f"{name} on n items"),
    )


def _ranges(family: str, n: int, count: int) -> list[tuple[int, int]]:
    """``count`` pairs 0 <= i <= j <= n: anywhere (random-ranges) or most of the list (long)."""
    rng = random.Random(f"prefix-sums:{family}:{n}")
    pairs = []
    for _ in range(count):
        if family == "long-ranges":
            pairs.append((rng.randrange(n // 8 + 1), n - rng.randrange(n // 8 + 1)))
        else:
            i, j = sorted((rng.randrange(n + 1), rng.randrange(n + 1)))
            pairs.append((i, j))
    return pairs


# -- RangeSums ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "i", "j", "expected"),
    [
        ([], 0, 0, 0),
        ([7], 0, 1, 7),
        ([7], 1, 1, 0),
        ([3, -1, 4, 1, 5], 0, 5, 12),
        ([3, -1, 4, 1, 5], 0, 2, 2),
        ([3, -1, 4, 1, 5], 1, 4, 4),
        ([3, -1, 4, 1, 5], 4, 5, 5),
        ([3, -1, 4, 1, 5], 2, 2, 0),
    ],
    ids=[
        "empty-list",
        "one-item",
        "empty-range-at-the-end",
        "whole-list",
        "from-the-start",
        "middle",
        "to-the-end",
        "empty-range",
    ],
)
def test_range_sums_total_is_the_sum_of_the_slice(items, i, j, expected):
    got = RangeSums(list(items)).total(i, j)
    assert got == expected, (
        f"Called RangeSums({items}).total({i}, {j}). It returned {got!r}, expected {expected}, "
        f"the sum of items[{i}:{j}] = {items[i:j]}: from index {i} up to but not including {j}."
    )


@settings(max_examples=30)
@given(st.lists(st.integers(-20, 20), max_size=12))
def test_range_sums_matches_sum_of_every_slice(items):
    """RangeSums(xs).total(i, j) == sum(xs[i:j]) for every 0 <= i <= j <= len(xs)."""
    sums = RangeSums(list(items))
    for i in range(len(items) + 1):
        for j in range(i, len(items) + 1):
            got = sums.total(i, j)
            assert got == sum(items[i:j]), (
                f"Called RangeSums({items}).total({i}, {j}). It returned {got!r}, expected "
                f"sum({items[i:j]}) = {sum(items[i:j])}. Is there a slot for the empty prefix, "
                "so that a range starting at 0 needs no special case?"
            )


def _range_sums_run(counter: Counter, family: str, n: int) -> None:
    queries = _ranges(family, n, n)
    sums = RangeSums(_summed(family_input("random", n), counter))
    for i, j in queries:
        sums.total(i, j)


RANGE_SUMS_WHAT = "additions made by RangeSums(n counted numbers) and then n calls of total(i, j)"


def test_range_sums_builds_and_answers_n_queries_with_linear_many_additions():
    m = measure(
        _range_sums_run,
        SIZES,
        what=RANGE_SUMS_WHAT,
        families=("random-ranges", "long-ranges"),
        budget=(3, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        "Summing each range when it is asked for adds up to n numbers per query, n^2 for n "
        "queries. Add the items up once, when you build, keeping every running total; then "
        "any range is the difference of two of them.",
    )


def _range_sums_prepare(n: int):
    items = family_input("random", n)
    return lambda: RangeSums(items)


def test_range_sums_declares_prefix_sums_and_the_classes_its_code_shows():
    _check_declaration(
        RangeSums,
        "RangeSums",
        ["prefix-sums"],
        _range_sums_run,
        ("long-ranges",),
        RANGE_SUMS_WHAT,
        _range_sums_prepare,
    )


# -- count_subarrays_with_sum ---------------------------------------------------------------------


def _runs_adding_to(nums: list[int], k: int) -> list[tuple[int, int]]:
    """The oracle: every non-empty run (i, j), its sum kept as j moves right."""
    found = []
    for i in range(len(nums)):
        running = 0
        for j in range(i, len(nums)):
            running += nums[j]
            if running == k:
                found.append((i, j + 1))
    return found


def _subarrays_message(nums: list[int], k: int, got: object) -> str:
    runs = _runs_adding_to(nums, k)
    shown = ", ".join(f"nums[{i}:{j}]" for i, j in runs[:8]) + (" ..." if len(runs) > 8 else "")
    text = (
        f"Called count_subarrays_with_sum({nums}, {k}). It returned {got!r}, expected "
        f"{len(runs)}{f': {shown}' if runs else ''}."
    )
    from_start = sum(1 for i, _ in runs if i == 0)
    if isinstance(got, int) and from_start and got == len(runs) - from_start:
        text += (
            f" Yours misses the runs that start at index 0 ({from_start}): count the empty "
            "prefix (sum 0) as seen once, before the first number."
        )
    elif any(x <= 0 for x in nums):
        text += (
            " With negatives or zeros, growing a run can lower its sum, so a sliding window "
            "misses runs. Count earlier prefix sums equal to the current one minus k."
        )
    return text


@pytest.mark.parametrize(
    ("nums", "k", "expected"),
    [
        ([], 0, 0),
        ([3], 3, 1),
        ([5], 3, 0),
        ([1, 1, 1], 2, 2),
        ([1, 2, 3], 3, 2),
        ([1, -1, 0], 0, 3),
        ([0, 0, 0], 0, 6),
        ([-1, -1, 1], 0, 1),
        ([2, -2, 2, -2], 0, 4),
    ],
    ids=[
        "empty",
        "one-match",
        "one-miss",
        "leetcode-example",
        "from-the-start",
        "negative-and-zero",
        "all-zero",
        "negatives",
        "alternating",
    ],
)
def test_count_subarrays_with_sum_counts_every_run_adding_to_k(nums, k, expected):
    got = count_subarrays_with_sum(list(nums), k)
    assert got == expected, _subarrays_message(nums, k, got)


@settings(max_examples=40)
@given(st.lists(st.integers(-3, 3), max_size=16), st.integers(-4, 4))
def test_count_subarrays_with_sum_matches_the_brute_force_with_negatives(nums, k):
    """The count equals the number of (i, j), i < j, with sum(nums[i:j]) == k."""
    got = count_subarrays_with_sum(list(nums), k)
    assert got == len(_runs_adding_to(nums, k)), _subarrays_message(nums, k, got)


def _subarrays_run(counter: Counter, family: str, n: int) -> None:
    # random: -2n..2n, looking for 0; few-unique: -1..2, looking for 2 (many runs match).
    shift, k = (2 * n, 0) if family == "random" else (1, 2)
    nums = _summed((v - shift for v in family_input(family, n)), counter)
    count_subarrays_with_sum(nums, k)


SUBARRAYS_WHAT = "additions made by count_subarrays_with_sum(n counted numbers, k)"


def test_count_subarrays_with_sum_adds_each_number_a_constant_number_of_times():
    m = measure(
        _subarrays_run,
        SIZES,
        what=SUBARRAYS_WHAT,
        families=("random", "few-unique"),
        budget=(3, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        "Trying every run adds n^2/2 numbers. Keep one running sum and a dict counting the "
        "prefix sums seen so far: a run ending here adds up to k exactly when an earlier prefix "
        "sum equals the running sum minus k.",
    )


def _subarrays_prepare(n: int):
    nums = [v - 2 * n for v in family_input("random", n)]
    return lambda: count_subarrays_with_sum(nums, 0)


def test_count_subarrays_with_sum_declares_prefix_sums_and_the_classes_its_code_shows():
    _check_declaration(
        count_subarrays_with_sum,
        "count_subarrays_with_sum",
        ["prefix-sums", "hash-map"],
        _subarrays_run,
        ("random",),
        SUBARRAYS_WHAT,
        _subarrays_prepare,
    )


# -- apply_increments -----------------------------------------------------------------------------


def _incremented(n: int, updates: list[tuple[int, int, int]]) -> list[int]:
    """The oracle: every delta added to every position of its range."""
    values = [0] * n
    for start, stop, delta in updates:
        for p in range(start, stop):
            values[p] += delta
    return values


def _increments_message(n: int, updates, got: object, expected: list[int]) -> str:
    text = f"Called apply_increments({n}, {updates}). It returned {got!r}, expected {expected}."
    if isinstance(got, list) and len(got) != n:
        return text + f" The result has one number per position: {n} of them."
    return text + (
        " Each update adds delta at start and takes it away again at stop (a stop of n needs "
        "a slot too, or no slot at all); a running sum over those steps gives the values."
    )


@pytest.mark.parametrize(
    ("n", "updates", "expected"),
    [
        (0, [], []),
        (3, [], [0, 0, 0]),
        (5, [(1, 3, 2)], [0, 2, 2, 0, 0]),
        (4, [(2, 2, 7)], [0, 0, 0, 0]),
        (4, [(0, 4, 1), (2, 4, -3)], [1, 1, -2, -2]),
        (5, [(1, 4, 2), (2, 5, 3), (0, 3, -2)], [-2, 0, 3, 5, 3]),
    ],
    ids=["no-positions", "no-updates", "one-update", "empty-range", "to-the-end", "overlapping"],
)
def test_apply_increments_adds_each_delta_to_its_range(n, updates, expected):
    got = apply_increments(n, list(updates))
    assert got == expected, _increments_message(n, updates, got, expected)


@st.composite
def _problems(draw):
    n = draw(st.integers(0, 10))
    bounds = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted)
    updates = draw(
        st.lists(st.tuples(bounds, st.integers(-5, 5)).map(lambda u: (*u[0], u[1])), max_size=6)
    )
    return n, updates


@settings(max_examples=30)
@given(_problems())
def test_apply_increments_matches_the_brute_force_on_any_updates(problem):
    """The result equals n zeros with every delta added to every position of its range."""
    n, updates = problem
    expected = _incremented(n, updates)
    got = apply_increments(n, list(updates))
    assert got == expected, _increments_message(n, updates, got, expected)


def _updates(family: str, n: int) -> list[tuple[int, int, int]]:
    """u = n updates with deltas in -5..5, over random ranges or ranges of most of the list."""
    rng = random.Random(f"increments:{family}:{n}")
    return [(i, j, rng.randint(-5, 5)) for i, j in _ranges(family, n, n)]


def _increments_run(counter: Counter, family: str, n: int) -> None:
    updates = [(i, j, CountedNumber(d, counter)) for i, j, d in _updates(family, n)]
    apply_increments(n, updates)


INCREMENTS_WHAT = (
    "additions made with the deltas by apply_increments(n, u = n updates, each delta counted)"
)


def test_apply_increments_makes_constant_many_additions_per_update():
    m = measure(
        _increments_run,
        SIZES,
        what=INCREMENTS_WHAT,
        families=("random-ranges", "long-ranges"),
        budget=(4, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        "Adding each delta to every position of its range costs the range's length per update, "
        "n·u in all. Record each update as two changes, +delta where it starts and -delta where "
        "it stops, and turn those changes into values with one running sum at the end.",
    )


def _increments_prepare(n: int):
    updates = _updates("random-ranges", n)
    return lambda: apply_increments(n, updates)


def test_apply_increments_declares_a_difference_array_and_the_classes_its_code_shows():
    _check_declaration(
        apply_increments,
        "apply_increments",
        ["difference-array"],
        _increments_run,
        ("long-ranges",),
        INCREMENTS_WHAT,
        _increments_prepare,
    )
