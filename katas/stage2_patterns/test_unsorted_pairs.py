"""Tests for the unsorted-pairs kata: the switch, the answers, the counted costs, the claims.

``SWITCH`` is checked against the pattern catalogue. ``two_sum`` and ``two_sum_by_sorting`` must
give the same answer, original indices of the pair completed first, on fixed examples and
against checking every pair on generated unsorted inputs. Their costs are counted on
``CountedInt`` numbers, which count every ``+``, ``-``, comparison and hash made with them, even
inside ``sorted`` or a dict; the tests never time your code.
"""

from __future__ import annotations

import functools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import katas.stage2_patterns.unsorted_pairs as unsorted_pairs
from checker.harness.counting import Counter, counted_ints
from checker.harness.growth import LINEAR, LINEARITHMIC, assert_within, measure
from checker.harness.patterns import CatalogueError, check_approach, check_switch, pattern
from checker.harness.space import space_class
from katas.stage2_patterns.unsorted_pairs import two_sum, two_sum_by_sorting

SIZES = (128, 256, 512, 1024)
FAMILIES = ("distinct", "repeated")
HASH_BUDGET = 8  # operations per number; the reference needs 4
SORT_BUDGET = 4  # operations per n·log2(n); the reference needs under 2
SPACE_SIZES = (128, 256, 512, 1024, 2048)
SOLVERS = [two_sum, two_sum_by_sorting]
SOLVER_IDS = ["two_sum", "two_sum_by_sorting"]


def _first_pair(nums: list[int], target: int) -> tuple[int, int] | None:
    """Check every pair, in the order the answer is defined: smallest j, then smallest i."""
    for j in range(len(nums)):
        for i in range(j):
            if nums[i] + nums[j] == target:
                return i, j
    return None


def test_switch_names_the_broken_precondition_and_what_to_use_instead():
    switch = unsorted_pairs.SWITCH
    try:
        sorts_first = pattern(getattr(switch, "use", "?")).name == "sort-first"
    except CatalogueError:
        sorts_first = False
    # Both replacements are right; each has its own cost.
    check_switch(
        switch,
        "SWITCH",
        pattern_="two-pointers",
        broken="sorted",
        use=["hash-map", "sort-first"],
        cost="O(n log n)" if sorts_first else "O(n)",
    )


@pytest.mark.parametrize("solve", SOLVERS, ids=SOLVER_IDS)
@pytest.mark.parametrize(
    ("nums", "target", "expected", "why"),
    [
        ([], 5, None, "no numbers, no pair"),
        ([5], 10, None, "one number cannot pair with itself"),
        ([2, 7, 11, 15], 9, (0, 1), "2 + 7"),
        ([11, 2, 15, 7, 2], 9, (1, 3), "2 + 7 completes at index 3, before 7 + 2 at index 4"),
        ([3, 2, 4], 6, (1, 2), "2 + 4; 3 + 3 would use index 0 twice"),
        ([3, 3], 6, (0, 1), "two equal numbers are two different positions"),
        ([1, 5, 5, 9], 10, (1, 2), "5 + 5 completes at index 2, before 1 + 9 at index 3"),
        ([1, 1, 5], 6, (0, 2), "for j = 2 the earliest partner is index 0"),
        ([-3, 4, 3, 90], 0, (0, 2), "-3 + 3"),
        ([8, 1, 6, 3], 7, (1, 2), "1 + 6: unsorted, the pair sits in the middle"),
        ([1, 2, 3], 7, None, "no two numbers add up to 7"),
    ],
    ids=[
        "empty",
        "one",
        "first-two",
        "example",
        "not-itself",
        "equal-pair",
        "completed-first",
        "earliest-partner",
        "negatives",
        "middle",
        "none",
    ],
)
def test_two_sum_returns_the_original_indices_of_the_pair_completed_first(
    solve, nums, target, expected, why
):
    given_nums = list(nums)
    got = solve(given_nums, target)
    assert got == expected, (
        f"{solve.__name__}({nums}, {target}) returned {got!r}, expected {expected!r}: {why}. "
        "Answer with positions in the list you were given, i < j; of several pairs, the one "
        "whose second index is smallest, then whose first index is smallest."
    )
    assert given_nums == nums, (
        f"{solve.__name__}({nums}, {target}) changed the caller's list to {given_nums}; "
        "sort a copy of (value, index) pairs instead."
    )


@st.composite
def _numbers_and_target(draw) -> tuple[list[int], int]:
    """A few values, each repeated at random: duplicates galore, and often a pair of them."""
    pool = draw(st.lists(st.integers(-20, 20), min_size=1, max_size=5, unique=True))
    nums = draw(st.lists(st.sampled_from(pool), max_size=16))
    a, b = draw(st.sampled_from(pool)), draw(st.sampled_from(pool))
    target = draw(st.sampled_from([a + b, a + b + 1]))
    return nums, target


@pytest.mark.parametrize("solve", SOLVERS, ids=SOLVER_IDS)
@settings(max_examples=40)
@given(_numbers_and_target())
def test_two_sum_agrees_with_checking_every_pair_on_unsorted_input(solve, case):
    """For any unsorted numbers, the answer is the first pair found checking j, then i, in order."""
    nums, target = case
    got = solve(list(nums), target)
    expected = _first_pair(nums, target)
    assert got == expected, (
        f"{solve.__name__}({nums}, {target}) returned {got!r}; checking every pair gives "
        f"{expected!r}. Two pointers on unsorted input skip pairs; after a sort, report each "
        "number's original index, and for equal values the earliest one."
    )


def _input(family: str, n: int) -> tuple[list[int], int]:
    """n numbers, every pair ending at the last one: no answer comes before all are read."""
    rng = random.Random(f"pairs:{family}:{n}")
    spread = 1 << 30 if family == "distinct" else 4  # repeated: only 0, 2, 4 and 6
    nums = [2 * rng.randrange(spread) for _ in range(n - 1)]
    target = 4 * spread + 1  # odd: no two even numbers reach it, only the odd last one can
    return [*nums, target - nums[0]], target


def _run(solve, counter: Counter, family: str, n: int) -> None:
    nums, target = _input(family, n)
    solve(counted_ints(nums, counter), target)


def _prepare(solve, n: int):
    """The call whose extra space is measured, with CPython's spare 2-tuples used up first.

    CPython keeps up to 2000 freed 2-tuples for reuse, and reusing one allocates nothing that
    tracemalloc sees, so (value, index) pairs would go partly uncounted and the bytes per number
    would swing from size to size. Holding that many tuples alive during the call empties the
    free list: every pair the call makes is then a counted allocation.
    """
    nums, target = _input("distinct", n)
    spare = [(i, -i) for i in range(2500)]
    return functools.partial(_holding, spare, solve, nums, target)


def _holding(spare: list, solve, nums: list[int], target: int):
    return solve(nums, target)


def test_two_sum_does_linear_work():
    m = measure(
        functools.partial(_run, two_sum),
        SIZES,
        what="additions, subtractions, comparisons and hashes of the numbers made by two_sum",
        families=FAMILIES,
        budget=(HASH_BUDGET, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        "Checking every pair costs n²/2 additions. For each number, the only partner that "
        "works is target - x: a dict of the numbers seen so far tells at once whether it came.",
    )


def test_two_sum_by_sorting_does_n_log_n_work():
    m = measure(
        functools.partial(_run, two_sum_by_sorting),
        SIZES,
        what="operations on the numbers made by two_sum_by_sorting (the sort included)",
        families=FAMILIES,
        budget=(SORT_BUDGET, LINEARITHMIC),
    )
    assert_within(
        m,
        LINEARITHMIC,
        "Sort once, O(n log n); then the two pointers move n times in all, each move ruling "
        "out every pair with the number it leaves behind.",
    )


@pytest.mark.parametrize(
    ("solve", "patterns", "budget"),
    [
        (two_sum, ["hash-map"], (4 * HASH_BUDGET, LINEAR)),
        (two_sum_by_sorting, ["sort-first", "two-pointers"], (4 * SORT_BUDGET, LINEARITHMIC)),
    ],
    ids=SOLVER_IDS,
)
def test_declaration_matches_the_catalogue_and_the_measured_growth(solve, patterns, budget):
    name = solve.__name__
    check_approach(
        solve,
        name,
        patterns=patterns,
        brute_force="O(n^2)",
        time=lambda: measure(
            functools.partial(_run, solve),
            SIZES,
            what=f"operations on the numbers made by {name}",
            families=FAMILIES,
            budget=budget,
        ),
        space=lambda: space_class(
            functools.partial(_prepare, solve), SPACE_SIZES, what=f"{name} on n numbers"
        ),
    )
