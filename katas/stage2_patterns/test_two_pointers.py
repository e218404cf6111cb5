"""Tests for the two-pointers kata: answers against brute-force oracles, costs counted.

Each problem is checked four ways: fixed examples with the edge cases; a property test against
a plain brute force written here (the oracle) on small generated inputs; an operation budget on
a ``CountedList``, which counts every read, write and element move (so ``del items[i]`` costs
one move for each item it shifts), at sizes that double; and the ``@declare`` above your
function, whose classes are compared with the growth measured on your own code. Nothing is
timed: the counts are the same on every machine.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.counting import CountedList, Counter
from checker.harness.growth import LINEAR, assert_within, family_input, measure
from checker.harness.patterns import check_approach
from checker.harness.space import space_class
from katas.stage2_patterns.two_pointers import dedup_sorted, max_water, pair_sum

SIZES = (64, 128, 256, 512, 1024)
SPACE_SIZES = (128, 256, 512, 1024, 2048)
PATTERNS = ["two-pointers"]
# Budgets allow about twice what a plain solution counts (2 to 4 reads per step for a pair,
# up to 4 per slot for dedup): the constant is yours to choose, the growth is not.
# The declaration tests measure with room to spare: they judge the class you claim, the budget
# tests judge the speed. A quadratic run still stops at the first size.
GENEROUS = 16


def _check_declaration(function, name: str, brute_force: str, run, families, what, prepare):
    """The declaration's words, then its time against the counts, then its space.

    Each measurement runs only when everything before it holds, so a quadratic search is
    stopped by its counted budget before the uncounted space runs could drag on.
    """
    check_approach(
        function,
        name,
        patterns=PATTERNS,
        brute_force=brute_force,
        time=lambda: measure(run, SIZES, what=what, families=families, budget=(GENEROUS, LINEAR)),
        space=lambda: space_class(prepare, SPACE_SIZES, what=f"{name} on n items"),
    )


# -- pair_sum -------------------------------------------------------------------------------------


def _first_pair(items: list[int], target: int) -> tuple[int, int] | None:
    """The oracle: every pair, smallest i first and for it the largest j first."""
    for i in range(len(items)):
        for j in range(len(items) - 1, i, -1):
            if items[i] + items[j] == target:
                return i, j
    return None


def _pair_message(items: list[int], target: int, got: object, expected: object) -> str:
    text = f"Called pair_sum({items}, {target}). It returned {got!r}, expected {expected!r}."
    if isinstance(got, tuple) and len(got) == 2 and all(isinstance(x, int) for x in got):
        i, j = got
        if 0 <= i < j < len(items) and items[i] + items[j] == target:
            text += (
                f" Your pair adds up too (items[{i}] + items[{j}] == {target}), but when several "
                "do, return the smallest i and, for it, the largest j: walk in from both ends "
                "and return the first pair you meet."
            )
        elif i == j:
            text += " An item cannot pair with itself: i < j."
    elif got is None and expected is not None:
        i, j = expected
        text += (
            f" items[{i}] + items[{j}] == {target}. A pointer moved past a pair: move left when "
            "the sum is too small, right when it is too big."
        )
    return text


@pytest.mark.parametrize(
    ("items", "target", "expected"),
    [
        ([], 0, None),
        ([5], 10, None),
        ([3, 3], 6, (0, 1)),
        ([1, 2, 4, 7, 11], 15, (2, 4)),
        ([1, 3, 5], 7, None),
        ([-4, -1, 0, 3, 8], -1, (0, 3)),
        ([2, 2, 2, 3], 4, (0, 2)),
    ],
    ids=["empty", "one-item", "two-equal", "pair-at-the-end", "no-pair", "negatives", "duplicates"],
)
def test_pair_sum_returns_the_first_pair_met_from_both_ends(items, target, expected):
    got = pair_sum(list(items), target)
    assert got == expected, _pair_message(items, target, got, expected)


@settings(max_examples=50)
@given(st.lists(st.integers(-20, 20), max_size=24).map(sorted), st.integers(-40, 40))
def test_pair_sum_matches_the_brute_force_on_any_sorted_list(items, target):
    """pair_sum(xs, t) is the pair with the smallest i, then the largest j, or None."""
    expected = _first_pair(items, target)
    got = pair_sum(list(items), target)
    assert got == expected, _pair_message(items, target, got, expected)


def _pair_sum_run(counter: Counter, family: str, n: int) -> None:
    # Even values and an odd target: no pair adds up, so both pointers travel the whole way.
    items = sorted(2 * v for v in family_input(family, n))
    target = items[n // 3] + items[2 * n // 3] + 1
    pair_sum(CountedList(items, counter), target)


PAIR_SUM_WHAT = "reads made by pair_sum(a sorted CountedList of n items, a target no pair hits)"


def test_pair_sum_reads_each_item_a_constant_number_of_times():
    m = measure(
        _pair_sum_run,
        SIZES,
        what=PAIR_SUM_WHAT,
        families=("random", "few-unique"),
        budget=(6, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        "Trying every pair reads n^2 items, and a binary search for each item's partner "
        "n log n. Start one pointer at each end: a sum too small can only grow by moving the "
        "left one, too big only shrink by moving the right one.",
    )


def _pair_sum_prepare(n: int):
    items = list(range(0, 2 * n, 2))
    return lambda: pair_sum(items, 1)


def test_pair_sum_declares_two_pointers_and_the_classes_its_code_shows():
    _check_declaration(
        pair_sum,
        "pair_sum",
        "O(n^2)",
        _pair_sum_run,
        ("random",),
        PAIR_SUM_WHAT,
        _pair_sum_prepare,
    )


# -- dedup_sorted ---------------------------------------------------------------------------------


def _dedup_message(items: list[int], k: object, after: list[int]) -> str:
    expected = sorted(set(items))
    return (
        f"Called k = dedup_sorted(xs) with xs = {items}. It returned k = {k!r} and xs became "
        f"{after}; expected k = {len(expected)} and xs[:k] == {expected}."
    )


@pytest.mark.parametrize(
    "items",
    [[], [5], [2, 2, 2], [1, 2, 3], [1, 1, 2, 3, 3], [0, 0, 1, 1, 1, 2, 2, 3, 3, 4]],
    ids=["empty", "one", "all-equal", "all-distinct", "ends-duplicated", "leetcode-example"],
)
def test_dedup_sorted_moves_each_distinct_value_to_the_front_once(items):
    after = list(items)
    k = dedup_sorted(after)
    expected = sorted(set(items))
    assert k == len(expected) and after[:k] == expected, _dedup_message(items, k, after)


@settings(max_examples=50)
@given(st.lists(st.integers(-5, 5), max_size=24).map(sorted))
def test_dedup_sorted_matches_sorted_set_for_any_sorted_list(items):
    """k = dedup_sorted(xs) gives k == len(set(xs)) and xs[:k] == sorted(set(xs))."""
    after = list(items)
    k = dedup_sorted(after)
    expected = sorted(set(items))
    assert k == len(expected) and after[:k] == expected, _dedup_message(items, k, after)


def _dedup_run(counter: Counter, family: str, n: int) -> None:
    dedup_sorted(CountedList(sorted(family_input(family, n)), counter))


DEDUP_WHAT = "reads, writes and moves made by dedup_sorted(a sorted CountedList of n items)"


def test_dedup_sorted_touches_each_slot_a_constant_number_of_times():
    m = measure(
        _dedup_run,
        SIZES,
        what=DEDUP_WHAT,
        families=("few-unique", "random", "all-equal"),
        budget=(8, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        "Deleting a duplicate with del or pop(i) shifts every later item one slot left: O(n) "
        "per duplicate, O(n^2) in all. Keep a write pointer behind the read pointer and copy "
        "each new value to it instead.",
    )


def _dedup_prepare(n: int):
    rng = random.Random(n)
    items = sorted(rng.randrange(n // 4) for _ in range(n))
    return lambda: dedup_sorted(items)


def test_dedup_sorted_declares_two_pointers_and_the_classes_its_code_shows():
    _check_declaration(
        dedup_sorted,
        "dedup_sorted",
        "O(n^2)",
        _dedup_run,
        ("few-unique",),
        DEDUP_WHAT,
        _dedup_prepare,
    )


# -- max_water ------------------------------------------------------------------------------------


def _most_water(heights: list[int]) -> int:
    """The oracle: every pair of lines."""
    return max(
        (
            (j - i) * min(heights[i], heights[j])
            for i in range(len(heights))
            for j in range(i + 1, len(heights))
        ),
        default=0,
    )


def _water_message(heights: list[int], got: object, expected: int) -> str:
    text = f"Called max_water({heights}). It returned {got!r}, expected {expected}"
    if len(heights) < 2:
        return text + ": fewer than two lines hold no water."
    pair = next(
        (i, j)
        for i in range(len(heights))
        for j in range(i + 1, len(heights))
        if (j - i) * min(heights[i], heights[j]) == expected
    )
    return (
        text + f", the water between lines {pair[0]} and {pair[1]}. Check that the width is "
        "j - i, that you move the pointer at the SHORTER line, and that the loop still "
        "measures the two lines that stand next to each other."
    )


@pytest.mark.parametrize(
    ("heights", "expected"),
    [
        ([], 0),
        ([5], 0),
        ([1, 1], 1),
        ([1, 2, 1], 2),
        ([4, 3, 2, 1, 4], 16),
        ([1, 5, 5, 1], 5),
        ([0, 0, 0], 0),
        ([1, 8, 6, 2, 5, 4, 8, 3, 7], 49),
    ],
    ids=[
        "empty",
        "one-line",
        "two-lines",
        "three-lines",
        "tall-ends",
        "tall-neighbours",
        "all-zero",
        "leetcode-example",
    ],
)
def test_max_water_finds_the_pair_of_lines_holding_the_most(heights, expected):
    got = max_water(list(heights))
    assert got == expected, _water_message(heights, got, expected)


@settings(max_examples=50)
@given(st.lists(st.integers(0, 12), max_size=24))
def test_max_water_matches_the_brute_force_on_any_heights(heights):
    """max_water(h) == max((j - i) * min(h[i], h[j]) for every i < j), 0 for under two lines."""
    expected = _most_water(heights)
    got = max_water(list(heights))
    assert got == expected, _water_message(heights, got, expected)


def _water_run(counter: Counter, family: str, n: int) -> None:
    max_water(CountedList(family_input(family, n), counter))


WATER_WHAT = "reads made by max_water(a CountedList of n heights)"


def test_max_water_reads_each_height_a_constant_number_of_times():
    m = measure(
        _water_run,
        SIZES,
        what=WATER_WHAT,
        families=("random", "organ-pipe", "sorted"),
        budget=(6, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        "Trying every pair of lines reads n^2 heights. Start with the widest pair; the "
        "shorter of its two lines cannot do better with any narrower partner, so move past it.",
    )


def _water_prepare(n: int):
    heights = family_input("random", n)
    return lambda: max_water(heights)


def test_max_water_declares_two_pointers_and_the_classes_its_code_shows():
    _check_declaration(
        max_water,
        "max_water",
        "O(n^2)",
        _water_run,
        ("random",),
        WATER_WHAT,
        _water_prepare,
    )
