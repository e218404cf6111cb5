"""Tests for non-monotone-search: the switch, the answers, and the calls to f, counted.

Every f the tests hand you is wrapped so that each call counts one operation on a Counter
(checker.harness.counting); the budgets and the growth classes come from those counts, never
from a clock. Answers are checked on fixed cases and, on generated functions, against a plain
scan of every point.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import katas.stage2_patterns.non_monotone as non_monotone
from checker.harness.counting import CALL, Counter, calls
from checker.harness.growth import LINEAR, LOGARITHMIC, Growth, assert_within, family_input, measure
from checker.harness.patterns import CatalogueError, check_approach, check_switch, pattern
from checker.harness.space import space_class

SIZES = (256, 512, 1024, 2048, 4096)
SPACE_SIZES = (256, 512, 1024, 2048, 4096)
VALLEYS = ("bottom at lo", "bottom a third in", "bottom at hi", "bottom anywhere")
SHAPES = ("random", "sorted", "reversed", "few-unique")
VALLEY_BUDGET = 5  # calls per log2(n): ternary search needs about 3.1, the slope test 2
SCAN_BUDGET = 2  # calls per point


def _table(values: Sequence[int], lo: int, counter: Counter | None = None) -> Callable[[int], int]:
    """The function whose value at lo + i is values[i]; a call outside lo..hi is an error."""
    hi = lo + len(values) - 1

    def f(x: int) -> int:
        if counter is not None:
            counter.tick(CALL)
        if not isinstance(x, int) or not lo <= x <= hi:
            raise AssertionError(
                f"f was called at x = {x!r}, outside the range {lo}..{hi} it was given; search "
                "only inside lo..hi, both ends included."
            )
        return values[x - lo]

    return f


def _shown(values: Sequence[int], lo: int) -> str:
    return f"f(x) for x = {lo}..{lo + len(values) - 1} being {list(values)}"


def _lowest(values: Sequence[int], lo: int) -> int:
    """The oracle: the leftmost x where f is smallest, by looking at every point."""
    return lo + min(range(len(values)), key=values.__getitem__)


# -- the switch -------------------------------------------------------------------------------


def test_switch_names_binary_search_the_broken_promise_and_what_to_use_instead():
    switch = non_monotone.SWITCH
    try:
        chosen = pattern(switch.use).name
    except (AttributeError, CatalogueError):
        chosen = None
    # A scan of the valley is a fair switch too, at its own cost; ternary search is the fast one.
    cost = "O(n)" if chosen == "linear-scan" else "O(log n)"
    check_switch(
        switch,
        "SWITCH",
        pattern_="binary-search",
        broken="monotone-predicate",
        use=["ternary-search", "linear-scan"],
        cost=cost,
    )


# -- valley_bottom ----------------------------------------------------------------------------

VALLEY_CASES = [
    ([9, 7, 4, 2, 3, 6, 11], 0, 3),
    ([2, 5, 9, 14], 10, 10),
    ([14, 9, 5, 2], -4, -1),
    ([5, 4, 3, 2, 100], 0, 3),
    ([100, 2, 3, 4, 5, 6], 0, 1),
    ([7], 42, 42),
    ([3, 1], 0, 1),
    ([8, 6, 4, 2, 0, -2, -4, -6, -3], -5, 2),
]
VALLEY_IDS = [
    "bottom-in-the-middle",
    "bottom-at-lo",
    "bottom-at-hi",
    "steep-wall-right-of-the-bottom",
    "steep-wall-left-of-the-bottom",
    "one-point",
    "two-points",
    "long-slope-then-a-short-rise",
]


@pytest.mark.parametrize(("values", "lo", "expected"), VALLEY_CASES, ids=VALLEY_IDS)
def test_valley_bottom_finds_the_bottom_of_fixed_valleys(values, lo, expected):
    hi = lo + len(values) - 1
    got = non_monotone.valley_bottom(_table(values, lo), lo, hi)
    assert got == expected, (
        f"Called valley_bottom(f, {lo}, {hi}) with {_shown(values, lo)}. It returned {got!r}, "
        f"but the bottom is at x = {expected} (f = {values[expected - lo]}). A test that "
        "compares f(mid) with an end of the range is true on both sides of the bottom; compare "
        "two points inside the range instead, and throw away only what cannot hold the bottom."
    )


@st.composite
def valleys(draw) -> tuple[list[int], int]:
    """A strictly unimodal function as its table of values, and the x of its first value."""
    bottom = draw(st.integers(-50, 50))
    falls = draw(st.lists(st.integers(1, 20), max_size=30))  # the drops, reading leftwards
    rises = draw(st.lists(st.integers(1, 20), max_size=30))
    left, value = [], bottom
    for step in falls:
        value += step
        left.append(value)
    right, value = [], bottom
    for step in rises:
        value += step
        right.append(value)
    return [*reversed(left), bottom, *right], draw(st.integers(-30, 30))


@settings(max_examples=60)
@given(valleys())
def test_valley_bottom_finds_the_bottom_of_any_strict_valley(valley):
    """For any f that strictly falls then strictly rises, valley_bottom returns its minimum."""
    values, lo = valley
    hi = lo + len(values) - 1
    got = non_monotone.valley_bottom(_table(values, lo), lo, hi)
    expected = _lowest(values, lo)
    assert got == expected, (
        f"Called valley_bottom(f, {lo}, {hi}) with {_shown(values, lo)}. It returned {got!r}; "
        f"the bottom is at x = {expected}. Check what each comparison rules out: only points "
        "that cannot be the bottom may leave the range."
    )


def _valley_run(counter: Counter, family: str, n: int) -> None:
    lo = -(n // 3)
    hi = lo + n - 1
    at = {
        "bottom at lo": lo,
        "bottom a third in": lo + n // 3,
        "bottom at hi": hi,
        "bottom anywhere": lo + random.Random(f"valley:{n}").randrange(n),
    }[family]

    def f(x: int) -> int:  # falls 3 per step to the bottom, rises 1 per step after it
        return 3 * (at - x) if x < at else x - at

    got = non_monotone.valley_bottom(calls(f, counter), lo, hi)
    assert got == at, (
        f"valley_bottom(f, {lo}, {hi}) returned {got!r} on a valley whose bottom is at {at} "
        "(f falls 3 per step down to it and rises 1 per step after it)."
    )


def _valley_time(budget: tuple[float, Growth] | None):
    return measure(
        _valley_run,
        SIZES,
        what="calls to f made by valley_bottom(f, lo, hi) on a valley of n points",
        families=VALLEYS,
        budget=budget,
    )


def test_valley_bottom_calls_f_about_log2_n_times():
    assert_within(
        _valley_time((VALLEY_BUDGET, LOGARITHMIC)),
        LOGARITHMIC,
        f"The budget is {VALLEY_BUDGET}·log2(n) calls. Looking at every point costs n. Two "
        "calls at two inside points tell you which outer part cannot hold the bottom; drop "
        "it, and the range shrinks by a constant fraction each round.",
    )


def _space(function: Callable[[Callable[[int], int], int, int], int], table: bool):
    def prepare(n: int) -> Callable[[], int]:
        if table:
            values = family_input("random", n)
            return lambda: function(_table(values, 0), 0, n - 1)
        return lambda: function(lambda x: abs(2 * x - n), 0, n - 1)

    return space_class(prepare, SPACE_SIZES, what=f"{function.__name__}(f, 0, n - 1)")


def test_valley_bottom_declares_its_pattern_and_classes():
    check_approach(
        non_monotone.valley_bottom,
        "valley_bottom",
        patterns=["ternary-search", "binary-search"],
        brute_force="O(n)",
        # Generous: a scan is measured in full (and told it grows like O(n)); worse stops early.
        time=lambda: _valley_time((4, LINEAR)),
        space=lambda: _space(non_monotone.valley_bottom, table=False),
    )


# -- lowest_point -----------------------------------------------------------------------------

LOWEST_CASES = [
    ([6, 2, 7, 9, 1, 8], 0, 4),
    ([4, 1, 5, 1, 3], 0, 1),
    ([5, 3, 6, 9, 8, 0, 4], -3, 2),
    ([9, 4, 4, 4, 7], 10, 11),
    ([3, 3, 3], 0, 0),
    ([-2], 7, 7),
    ([2, 9, 8, 7, 6, 5, 4, 3], 0, 0),
]
LOWEST_IDS = [
    "two-valleys-the-second-deeper",
    "a-tie-goes-to-the-leftmost",
    "a-spike-hides-the-lowest-point",
    "a-plateau-at-the-bottom",
    "all-equal",
    "one-point",
    "lowest-at-lo-then-a-valley",
]


@pytest.mark.parametrize(("values", "lo", "expected"), LOWEST_CASES, ids=LOWEST_IDS)
def test_lowest_point_finds_the_leftmost_lowest_point_of_fixed_functions(values, lo, expected):
    hi = lo + len(values) - 1
    got = non_monotone.lowest_point(_table(values, lo), lo, hi)
    assert got == expected, (
        f"Called lowest_point(f, {lo}, {hi}) with {_shown(values, lo)}. It returned {got!r}, "
        f"expected {expected} (f = {values[expected - lo]}, the leftmost of the lowest). With "
        "no promise about f's shape, any point you skip could be the lowest: look at all of "
        "them, and keep the first of equal values."
    )


@settings(max_examples=60)
@given(st.lists(st.integers(-20, 20), min_size=1, max_size=40), st.integers(-30, 30))
def test_lowest_point_matches_a_plain_scan_on_any_function(values, lo):
    """For any f, lowest_point returns the leftmost x of its smallest value."""
    hi = lo + len(values) - 1
    got = non_monotone.lowest_point(_table(values, lo), lo, hi)
    expected = _lowest(values, lo)
    assert got == expected, (
        f"Called lowest_point(f, {lo}, {hi}) with {_shown(values, lo)}. It returned {got!r}; "
        f"the leftmost lowest point is x = {expected}. A search that skips points needs a "
        "promise about f (one valley, no plateaus); this f makes none."
    )


def _scan_run(counter: Counter, family: str, n: int) -> None:
    values = family_input(family, n)
    lo = -(n // 2)
    got = non_monotone.lowest_point(_table(values, lo, counter), lo, lo + n - 1)
    expected = _lowest(values, lo)
    assert got == expected, (
        f"lowest_point(f, {lo}, {lo + n - 1}) returned {got!r} on {n} {family} values; the "
        f"leftmost lowest point is {expected}."
    )


def _scan_time(budget: tuple[float, Growth] | None):
    return measure(
        _scan_run,
        SIZES,
        what="calls to f made by lowest_point(f, lo, hi) on n points",
        families=SHAPES,
        budget=budget,
    )


def test_lowest_point_calls_f_at_most_twice_per_point():
    assert_within(
        _scan_time((SCAN_BUDGET, LINEAR)),
        LINEAR,
        f"The budget is {SCAN_BUDGET}·n calls. Keep the lowest value seen so far with its x, "
        "and compare each new value with it once: comparing every point with every other "
        "costs n².",
    )


def test_lowest_point_declares_its_pattern_and_classes():
    check_approach(
        non_monotone.lowest_point,
        "lowest_point",
        patterns=["linear-scan"],
        brute_force="O(n^2)",
        time=lambda: _scan_time((8 * SCAN_BUDGET, LINEAR)),
        space=lambda: _space(non_monotone.lowest_point, table=True),
    )
