"""Tests for the window-with-negatives kata: the switch, the answers, the counted cost, the claim.

``SWITCH`` is checked against the pattern catalogue. ``longest_subarray_with_sum`` is checked on
fixed examples, then against trying every subarray on generated inputs full of negative numbers
(where a shrinking window gives wrong answers), then for O(n) work: the numbers are
``CountedInt`` values that count every ``+``, ``-``, comparison and hash made with them, and a
running total made from them counts too. The tests never time your code.
"""

from __future__ import annotations

import functools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import katas.stage2_patterns.window_negatives as window_negatives
from checker.harness.counting import Counter, counted_ints
from checker.harness.growth import LINEAR, assert_within, measure
from checker.harness.patterns import check_approach, check_switch
from checker.harness.space import space_class
from katas.stage2_patterns.window_negatives import longest_subarray_with_sum

SIZES = (128, 256, 512, 1024, 2048)
BUDGET = 12  # counted operations per number; the reference needs under 6
FAMILIES = ("mixed-signs", "all-equal")
PATTERNS = ("prefix-sums", "hash-map")
BRUTE_FORCE = ("O(n^2)", "O(n^3)")


def _longest_by_brute_force(nums: list[int], k: int) -> int:
    """Try every subarray."""
    best = 0
    for i in range(len(nums)):
        for j in range(i, len(nums)):
            if sum(nums[i : j + 1]) == k:
                best = max(best, j - i + 1)
    return best


def test_switch_names_the_broken_precondition_and_what_to_use_instead():
    check_switch(
        window_negatives.SWITCH,
        "SWITCH",
        pattern_="sliding-window",
        broken="monotone-window",
        use=PATTERNS,
        cost="O(n)",
    )


@pytest.mark.parametrize(
    ("nums", "k", "expected", "why"),
    [
        ([], 0, 0, "an empty list has no run at all"),
        ([3], 3, 1, "the one item is the run"),
        ([2], 3, 0, "no run sums to 3"),
        ([1, -1, 5, -2, 3], 3, 4, "1 - 1 + 5 - 2: the sum passes 3 at the 5 and comes back"),
        ([-2, -1, 2, 1], 1, 2, "-1 + 2: a run may start on a negative number"),
        ([1, 2, 3], 6, 3, "the whole list"),
        ([1, -1, 1, -1], 0, 4, "the whole list sums to 0"),
        ([5, -5, 5], 5, 3, "5 - 5 + 5 = 5 beats the single 5"),
        ([-1, -2, -3], -5, 2, "-2 - 3; k can be negative too"),
        ([0, 0, 0], 0, 3, "zeros add nothing, so the longest run takes them all"),
        ([4, 1, 1, 1, 2], 3, 3, "1 + 1 + 1 beats 1 + 2"),
    ],
    ids=[
        "empty",
        "one-item",
        "none",
        "example",
        "negative-start",
        "whole",
        "zero-sum",
        "comes-back",
        "negative-k",
        "zeros",
        "non-negative",
    ],
)
def test_longest_subarray_with_sum_finds_the_longest_run_summing_to_k(nums, k, expected, why):
    got = longest_subarray_with_sum(list(nums), k)
    assert got == expected, (
        f"longest_subarray_with_sum({nums}, {k}) returned {got!r}, expected {expected}: {why}. "
        "With negative numbers a window whose sum is too big may fit after the next item, so "
        "a rule that shrinks it throws answers away; compare running totals instead."
    )


@settings(max_examples=60)
@given(st.lists(st.integers(-5, 5), max_size=25), st.integers(-6, 6))
def test_longest_subarray_with_sum_agrees_with_trying_every_subarray(nums, k):
    """For any numbers and k, the answer is the longest of all subarrays summing to k."""
    got = longest_subarray_with_sum(list(nums), k)
    expected = _longest_by_brute_force(nums, k)
    assert got == expected, (
        f"longest_subarray_with_sum({nums}, {k}) returned {got!r}; trying every subarray "
        f"finds {expected}. If yours is shorter, keep the FIRST index of each running total "
        "(a later one gives a shorter run), and count the empty prefix, total 0 before index 0."
    )


def _input(family: str, n: int) -> tuple[list[int], int]:
    """Inputs on which every number costs a solution the same work, from the first one on.

    The counts then grow in step with n at every size, whatever your code does per number; a
    family where the early numbers are cheaper than the later ones bends counts like n log n.
    """
    if family == "mixed-signs":  # running totals almost never repeat: lookups miss
        rng = random.Random(f"window:{family}:{n}")
        nums = [rng.randrange(-(1 << 30), 1 << 30) for _ in range(n)]
        return nums, sum(nums[n // 4 : n // 2])
    # all-equal: -3 every time and k = -3, so every lookup finds the total one step back
    return [-3] * n, -3


def _run(counter: Counter, family: str, n: int) -> None:
    nums, k = _input(family, n)
    longest_subarray_with_sum(counted_ints(nums, counter), k)


def test_longest_subarray_with_sum_does_linear_work():
    m = measure(
        _run,
        SIZES,
        what=(
            "additions, subtractions, comparisons and hashes of the numbers made by "
            "longest_subarray_with_sum(nums, k) on n numbers"
        ),
        families=FAMILIES,
        budget=(BUDGET, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        "Summing every subarray costs n²/2 additions, even from a list of running totals. One "
        "pass is enough: for each end, look up in a dict where the running total needed at the "
        "start was first seen.",
    )


def test_longest_subarray_with_sum_declaration_matches_the_catalogue_and_its_measured_growth():
    check_approach(
        longest_subarray_with_sum,
        "longest_subarray_with_sum",
        patterns=PATTERNS,
        brute_force=BRUTE_FORCE,
        time=lambda: measure(
            _run,
            SIZES,
            what="operations on the numbers made by longest_subarray_with_sum(nums, k)",
            families=FAMILIES,
            budget=(4 * BUDGET, LINEAR),
        ),
        space=lambda: space_class(
            # All ones: every running total is new, so whatever is remembered per total is kept.
            lambda n: functools.partial(longest_subarray_with_sum, [1] * n, -1),
            (256, 512, 1024, 2048, 4096),
            what="longest_subarray_with_sum([1] * n, -1)",
        ),
    )
