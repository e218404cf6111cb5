"""Tests for the monotonic-stack kata: answers against a brute force, comparisons counted.

Items in the cost tests are ``Counted`` values whose ``<``, ``<=``, ``==`` and friends count one
comparison each, wherever they are called from (``max``, ``sorted`` and ``in`` too). The tests
never time your code, so a verdict is the same on every machine; a failure prints the counts
per size, the doubling ratios and the class they imply.
"""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.counting import CountedNumber, Counter, counted
from checker.harness.growth import LINEAR, Measurement, assert_within, family_input, measure
from checker.harness.patterns import check_approach
from checker.harness.space import space_class
from katas.stage2_patterns.monotonic import largest_rectangle, next_greater, window_max

SIZES = (64, 128, 256, 512, 1024)
SPACE_SIZES = (256, 512, 1024, 2048)
# The declaration tests measure with a budget far above the pattern's (about 8x), so they can
# tell O(n log n) from O(n) but still stop a quadratic search at once.
GENEROUS = 32


def _bars(values: list[int], counter: Counter) -> list[CountedNumber]:
    return [CountedNumber(v, counter) for v in values]


def _declared(fn, name: str, patterns: list[str], counts, prepare) -> None:
    """The declaration's words, then its time against ``counts(GENEROUS)``, then its space.

    Each measurement runs only when everything before it holds, so a quadratic search is
    stopped by its counted budget before the uncounted space runs could drag on.
    """
    check_approach(
        fn,
        name,
        patterns=patterns,
        brute_force="O(n^2)",
        time=lambda: counts(GENEROUS),
        space=lambda: space_class(prepare, SPACE_SIZES, what=f"{name}(...)"),
    )


# -- next_greater -----------------------------------------------------------------------------


def _next_greater_oracle(items: list[int]) -> list[int | None]:
    return [
        next((later for later in items[i + 1 :] if later > item), None)
        for i, item in enumerate(items)
    ]


@pytest.mark.parametrize(
    ("items", "expected", "why"),
    [
        ([], [], "no items, no answers"),
        ([4], [None], "nothing lies to the right of the only item"),
        ([1, 2, 3], [2, 3, None], "each item's neighbour is greater"),
        ([3, 2, 1], [None, None, None], "nothing to the right is greater"),
        ([5, 5, 5], [None, None, None], "an equal item is not strictly greater"),
        ([2, 2, 3], [3, 3, None], "both 2s wait for the 3; the equal 2 does not answer"),
        ([2, 7, 3, 5, 4, 6, 8, 8], [7, 8, 5, 6, 6, 8, None, None], "the docstring's example"),
    ],
    ids=["empty", "one-item", "rising", "falling", "all-equal", "duplicates", "mixed"],
)
def test_next_greater_answers_the_fixed_examples(items, expected, why):
    got = next_greater(list(items))
    assert got == expected, (
        f"Called next_greater({items}). It returned {got!r}, expected {expected}: {why}."
    )


@settings(max_examples=50)
@given(st.lists(st.integers(0, 6), max_size=40))
def test_next_greater_matches_scanning_to_the_right(items):
    """next_greater(xs)[i] is the first xs[j] > xs[i] with j > i, or None: a plain scan."""
    got = next_greater(list(items))
    expected = _next_greater_oracle(items)
    assert got == expected, (
        f"Called next_greater({items}). It returned {got!r}, expected {expected} (scanning "
        "right from each item for the first strictly greater one)."
    )


def _run_next_greater(counter: Counter, family: str, n: int) -> None:
    next_greater(counted(family_input(family, n), counter))


def _next_greater_counts(per_item: float) -> Measurement:
    return measure(
        _run_next_greater,
        SIZES,
        what="comparisons made by next_greater(items) on n items",
        families=("random", "reversed", "all-equal"),
        budget=(per_item, LINEAR),
    )


def test_next_greater_makes_at_most_four_comparisons_per_item():
    assert_within(
        _next_greater_counts(4),
        LINEAR,
        "Scanning right from every item costs up to n comparisons each: on falling or equal "
        "items nothing is ever found. Keep the items still waiting for an answer on a stack; "
        "the new item answers every waiting item it beats, and each leaves the stack once.",
        budget_only=True,
    )


def test_next_greater_declares_its_pattern_and_classes():
    _declared(
        next_greater,
        "next_greater",
        ["monotonic-stack"],
        _next_greater_counts,
        lambda n: functools.partial(next_greater, family_input("random", n)),
    )


# -- largest_rectangle ------------------------------------------------------------------------


def _largest_rectangle_oracle(heights: list[int]) -> int:
    best = 0
    for i in range(len(heights)):
        low = heights[i]
        for j in range(i, len(heights)):
            low = min(low, heights[j])
            best = max(best, low * (j - i + 1))
    return best


@pytest.mark.parametrize(
    ("heights", "expected", "why"),
    [
        ([], 0, "no bars, no area"),
        ([5], 5, "one bar of height 5 and width 1"),
        ([0, 0], 0, "bars of height 0 cover nothing"),
        ([3, 3, 3], 9, "equal bars make one rectangle 3 wide"),
        ([1, 2, 3, 4, 5], 9, "rising: 3 high across the last three bars"),
        ([5, 4, 3, 2, 1], 9, "falling: 3 high across the first three bars"),
        ([2, 1, 5, 6, 2, 3], 10, "5 high across the bars 5 and 6"),
        ([2, 4, 2], 6, "2 high across all three bars, more than the 4 alone"),
        ([6, 2, 5, 4, 5, 1, 6], 12, "4 high across 5, 4, 5"),
    ],
    ids=["empty", "one-bar", "zeros", "equal", "rising", "falling", "classic", "valley", "mixed"],
)
def test_largest_rectangle_answers_the_fixed_examples(heights, expected, why):
    got = largest_rectangle(list(heights))
    assert got == expected, (
        f"Called largest_rectangle({heights}). It returned {got!r}, expected {expected}: {why}."
    )


@settings(max_examples=50)
@given(st.lists(st.integers(0, 8), max_size=30))
def test_largest_rectangle_matches_trying_every_span(heights):
    """largest_rectangle(hs) is the largest min(hs[i..j]) * (j - i + 1) over every span."""
    got = largest_rectangle(list(heights))
    expected = _largest_rectangle_oracle(heights)
    assert got == expected, (
        f"Called largest_rectangle({heights}). It returned {got!r}, expected {expected} (the "
        "lowest bar of a span times its width, the largest over every span)."
    )


def _run_largest_rectangle(counter: Counter, family: str, n: int) -> None:
    largest_rectangle(_bars(family_input(family, n), counter))


def _largest_rectangle_counts(per_bar: float) -> Measurement:
    return measure(
        _run_largest_rectangle,
        SIZES,
        what="comparisons between heights made by largest_rectangle(heights) on n bars",
        families=("random", "sorted", "all-equal"),
        budget=(per_bar, LINEAR),
    )


def test_largest_rectangle_makes_at_most_eight_comparisons_per_bar():
    assert_within(
        _largest_rectangle_counts(8),
        LINEAR,
        "Trying every span costs n² comparisons. The widest rectangle as tall as a bar ends "
        "at the first lower bar on each side. Keep the bars of rising height on a stack: a "
        "lower bar pops each taller one, and at that moment both of its ends are known.",
        budget_only=True,
    )


def test_largest_rectangle_declares_its_pattern_and_classes():
    _declared(
        largest_rectangle,
        "largest_rectangle",
        ["monotonic-stack"],
        _largest_rectangle_counts,
        lambda n: functools.partial(largest_rectangle, list(range(n))),
    )


# -- window_max -------------------------------------------------------------------------------


def _window_max_oracle(items: list[int], k: int) -> list[int]:
    return [max(items[i : i + k]) for i in range(len(items) - k + 1)]


@pytest.mark.parametrize(
    ("items", "k", "expected", "why"),
    [
        ([], 3, [], "no items, no windows"),
        ([1, 2], 3, [], "fewer items than k: not one whole window"),
        ([4, 1, 3], 1, [4, 1, 3], "a window of one item is its own maximum"),
        ([4, 1, 3], 3, [4], "one window covers everything"),
        ([4, 4, 4, 4], 2, [4, 4, 4], "equal items: every window's maximum is 4"),
        ([5, 4, 3, 2, 1], 2, [5, 4, 3, 2], "falling: each maximum leaves with its window"),
        ([1, 2, 3, 4, 5], 2, [2, 3, 4, 5], "rising: each new item is the maximum"),
        ([1, 3, 2, 5, 4, 1], 3, [3, 5, 5, 5], "the docstring's example"),
    ],
    ids=["empty", "too-few", "k-one", "k-all", "equal", "falling", "rising", "mixed"],
)
def test_window_max_answers_the_fixed_examples(items, k, expected, why):
    got = window_max(list(items), k)
    assert got == expected, (
        f"Called window_max({items}, {k}). It returned {got!r}, expected {expected}: {why}."
    )


def test_window_max_refuses_a_window_of_no_items():
    with pytest.raises(ValueError, match=r"\S"):
        got = window_max([1, 2, 3], 0)
        pytest.fail(
            f"Called window_max([1, 2, 3], 0). It returned {got!r}; a window of 0 items has no "
            "maximum, so raise ValueError saying k must be at least 1."
        )


@settings(max_examples=50)
@given(st.lists(st.integers(0, 6), max_size=30), st.integers(1, 8))
def test_window_max_matches_the_maximum_of_every_window(items, k):
    """window_max(xs, k) == [max(xs[i:i + k]) for every whole window], left to right."""
    got = window_max(list(items), k)
    expected = _window_max_oracle(items, k)
    assert got == expected, (
        f"Called window_max({items}, {k}). It returned {got!r}, expected {expected} (the "
        "maximum of each window of k consecutive items)."
    )


def _run_window_max(counter: Counter, family: str, n: int) -> None:
    window_max(counted(family_input(family, n), counter), n // 4)


def _window_max_counts(per_item: float) -> Measurement:
    return measure(
        _run_window_max,
        SIZES,
        what="comparisons made by window_max(items, k) on n items with k = n // 4",
        families=("random", "sorted", "reversed"),
        budget=(per_item, LINEAR),
    )


def test_window_max_makes_at_most_four_comparisons_per_item_whatever_k():
    assert_within(
        _window_max_counts(4),
        LINEAR,
        "Taking the maximum of every window costs k comparisons per window, n·k in all. An "
        "item followed by a larger one can never be a window's maximum again: keep the others "
        "in a deque, largest at the front, and drop the front when it slides out.",
        budget_only=True,
    )


def test_window_max_declares_its_pattern_and_classes():
    _declared(
        window_max,
        "window_max",
        ["monotonic-deque"],
        _window_max_counts,
        lambda n: functools.partial(window_max, family_input("random", n), n // 4),
    )
