"""Tests for the heap-patterns kata: answers against a brute force, comparisons counted.

Items in the cost tests are ``Counted`` values whose ``<``, ``==``, ``hash`` and friends count one
operation each, wherever they are called from (``heapq``, ``sorted``, ``dict`` and ``Counter``
too). The tests never time your code, so a verdict is the same on every machine; a failure
prints the counts per size, the doubling ratios and the class they imply.
"""

from __future__ import annotations

import bisect
import functools
import random
import sys
from collections import Counter as Tally
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.counting import CountedNumber, Counter, counted
from checker.harness.growth import (
    LINEAR,
    LINEARITHMIC,
    LOGARITHMIC,
    Measurement,
    assert_within,
    family_input,
    measure,
)
from checker.harness.patterns import check_approach
from checker.harness.space import space_class
from katas.stage2_patterns.heaps import RunningMedian, merge_sorted, top_k_frequent

SPACE_SIZES = (256, 512, 1024, 2048)
# The declaration tests measure with a budget far above the pattern's, so they can tell the
# pattern's class from the next one up but still stop a quadratic search at once.
GENEROUS = 8


# -- top_k_frequent ---------------------------------------------------------------------------

TOP_K = 8
TOP_K_SIZES = (256, 512, 1024, 2048)


def _top_k_oracle(items: list[Any], k: int) -> list[Any]:
    counts = Tally(items)
    return sorted(counts, key=lambda item: (-counts[item], item))[: max(k, 0)]


@pytest.mark.parametrize(
    ("items", "k", "expected", "why"),
    [
        ([], 3, [], "no items, nothing to rank"),
        ([4, 4, 1], 0, [], "k = 0 asks for nothing"),
        ([4, 4, 1], -1, [], "a negative k asks for nothing"),
        ([7], 1, [7], "the only item"),
        ([3, 1, 3, 2, 3, 1], 5, [3, 1, 2], "fewer distinct items than k: all of them, ranked"),
        (["b", "a", "b", "a", "c"], 2, ["a", "b"], "a and b tie at 2: the smaller comes first"),
        ([5, 9, 9, 5, 1], 1, [5], "5 and 9 tie at 2: the smaller one wins the only place"),
        (["b", "a", "c", "a", "b", "d"], 3, ["a", "b", "c"], "the docstring's example"),
    ],
    ids=["empty", "k-zero", "k-negative", "one", "k-too-large", "tie", "tie-at-the-cut", "mixed"],
)
def test_top_k_frequent_answers_the_fixed_examples(items, k, expected, why):
    got = top_k_frequent(list(items), k)
    assert list(got) == expected, (
        f"Called top_k_frequent({items}, {k}). It returned {got!r}, expected {expected}: {why}."
    )


@settings(max_examples=30)
@given(st.lists(st.integers(0, 9), max_size=40), st.integers(0, 12))
def test_top_k_frequent_matches_sorting_every_count(items, k):
    """top_k_frequent(xs, k) == the first k distinct items by (count descending, item)."""
    got = top_k_frequent(list(items), k)
    expected = _top_k_oracle(items, k)
    assert list(got) == expected, (
        f"Called top_k_frequent({items}, {k}). It returned {got!r}, expected {expected} (every "
        "distinct item sorted by count, largest first, equal counts smaller item first)."
    )


def _votes(family: str, n: int) -> list[int]:
    """n items: one of the harness's families, or n // 2 values that occur twice each.

    With every count equal, every comparison between two candidates falls through to the items
    themselves, so none is hidden in a comparison of plain counts.
    """
    if not family.startswith("pairs"):
        return family_input(family, n)
    values = list(range(n // 2)) * 2
    if family == "pairs-shuffled":
        random.Random(f"pairs:{n}").shuffle(values)
    else:
        values.sort(reverse=family == "pairs-falling")
    return values


def _run_top_k(counter: Counter, family: str, n: int) -> None:
    top_k_frequent(counted(_votes(family, n), counter), TOP_K)


TOP_K_WHAT = (
    f"comparisons and hashes made by top_k_frequent(items, k={TOP_K}) on n items, nearly all "
    "distinct or each occurring twice"
)


def test_top_k_frequent_makes_at_most_eight_operations_per_item_with_k_fixed():
    m = measure(
        _run_top_k,
        TOP_K_SIZES,
        what=TOP_K_WHAT,
        families=("random", "pairs-shuffled"),
        budget=(8, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        f"Counting costs one hash per item. Ranking every distinct item (a sort) costs n log n "
        f"comparisons, though only {TOP_K} are asked for. Keep the best {TOP_K} so far in a "
        "heap whose top is the weakest of them: a newcomer costs one comparison with that top, "
        "and log k more only if it gets in.",
        budget_only=True,
    )


def test_top_k_frequent_declares_its_pattern_and_classes():
    check_approach(
        top_k_frequent,
        "top_k_frequent",
        patterns=["heap"],
        brute_force="O(n log n)",
        time=lambda: measure(
            _run_top_k,
            TOP_K_SIZES,
            what=TOP_K_WHAT,
            families=("pairs-shuffled", "pairs-rising", "pairs-falling"),
            budget=(4 * GENEROUS, LINEAR),
        ),
        space=lambda: space_class(
            lambda n: functools.partial(top_k_frequent, family_input("random", n), TOP_K),
            SPACE_SIZES,
            what=f"top_k_frequent(items, {TOP_K})",
        ),
    )


# -- merge_sorted -----------------------------------------------------------------------------

MERGE_SIZES = (128, 256, 512, 1024)


@pytest.mark.parametrize(
    ("lists", "expected", "why"),
    [
        ([], [], "no lists"),
        ([[], []], [], "only empty lists"),
        ([[1, 2, 3]], [1, 2, 3], "one list is already merged"),
        ([[2, 4], [], [1, 3]], [1, 2, 3, 4], "an empty list in between contributes nothing"),
        ([[1, 1], [1], [0, 1]], [0, 1, 1, 1, 1], "equal items from several lists all stay"),
        ([[5, 6], [1, 2]], [1, 2, 5, 6], "one list entirely before the other"),
        ([[1, 4, 7], [2, 5], [], [3, 6, 9]], [1, 2, 3, 4, 5, 6, 7, 9], "the docstring's example"),
    ],
    ids=["none", "all-empty", "one", "gap", "duplicates", "disjoint", "mixed"],
)
def test_merge_sorted_answers_the_fixed_examples(lists, expected, why):
    given_lists = [list(items) for items in lists]
    got = merge_sorted(given_lists)
    assert list(got) == expected, (
        f"Called merge_sorted({lists}). It returned {got!r}, expected {expected}: {why}."
    )
    assert given_lists == lists, (
        f"merge_sorted({lists}) changed the lists it was given to {given_lists}; read them, "
        "do not consume them."
    )


@settings(max_examples=30)
@given(st.lists(st.lists(st.integers(-9, 9), max_size=6).map(sorted), max_size=5))
def test_merge_sorted_matches_sorting_everything(lists):
    """merge_sorted(ls) == sorted(every item of every list), and ls is left unchanged."""
    given_lists = [list(items) for items in lists]
    got = merge_sorted(given_lists)
    expected = sorted(item for items in lists for item in items)
    assert list(got) == expected, (
        f"Called merge_sorted({lists}). It returned {got!r}, expected {expected}."
    )
    assert given_lists == lists, (
        f"merge_sorted({lists}) changed the lists it was given to {given_lists}."
    )


def _sorted_lists(family: str, n: int) -> list[list[int]]:
    """n items of a family, cut into sorted lists of 0 to 8 items: about n / 4 lists."""
    values = family_input(family, n)
    cuts = random.Random(f"lists:{family}:{n}")
    lists, start = [], 0
    while start < n:
        size = cuts.randrange(9)
        lists.append(sorted(values[start : start + size]))
        start += size
    return lists


def _run_merge(counter: Counter, family: str, n: int) -> None:
    merge_sorted([counted(items, counter) for items in _sorted_lists(family, n)])


MERGE_WHAT = "comparisons made by merge_sorted(lists) on n items in about n / 4 sorted lists"


def _merge_counts(per_n_log_n: float) -> Measurement:
    return measure(
        _run_merge,
        MERGE_SIZES,
        what=MERGE_WHAT,
        families=("random", "reversed"),
        budget=(per_n_log_n, LINEARITHMIC),
    )


def test_merge_sorted_makes_at_most_five_n_log_n_comparisons():
    assert_within(
        _merge_counts(5),
        LINEARITHMIC,
        "Finding the smallest head by looking at every list costs k comparisons per item, "
        "n·k in all, and merging the lists into the result one at a time costs as much. Keep "
        "one entry per list in a heap, keyed by its head: the smallest is on top, and "
        "replacing it with the next item of the same list costs log k.",
        budget_only=True,
    )


def test_merge_sorted_declares_its_pattern_and_classes():
    check_approach(
        merge_sorted,
        "merge_sorted",
        patterns=["heap"],
        brute_force="O(n^2)",
        time=lambda: _merge_counts(GENEROUS),
        space=lambda: space_class(
            lambda n: functools.partial(merge_sorted, _sorted_lists("random", n)),
            SPACE_SIZES,
            what="merge_sorted(lists)",
        ),
    )


# -- RunningMedian ----------------------------------------------------------------------------

OPS = 32  # adds, each followed by a median(), counted on a structure of n items
MEDIAN_SIZES = (64, 128, 256, 512, 1024)


def _lower_median(items: list[int]) -> int:
    return sorted(items)[(len(items) - 1) // 2]


@pytest.mark.parametrize(
    ("added", "expected", "why"),
    [
        ([5], 5, "one item is its own median"),
        ([5, 1], 1, "two items: the lower of the two middle items"),
        ([5, 1, 4], 4, "1, 4, 5: the middle one"),
        ([5, 1, 4, 2], 2, "1, 2, 4, 5: the lower middle"),
        ([3, 3, 3, 3], 3, "equal items"),
        ([-2, -7, 0], -2, "negative items: -7, -2, 0"),
        ([1, 2, 3, 4, 5, 6], 3, "rising: 1 to 6, lower middle 3"),
        ([6, 5, 4, 3, 2, 1], 3, "falling: the same items, the same median"),
    ],
    ids=["one", "two", "three", "four", "equal", "negative", "rising", "falling"],
)
def test_running_median_answers_the_fixed_examples(added, expected, why):
    running = RunningMedian()
    for x in added:
        running.add(x)
    got = running.median()
    assert got == expected, (
        f"Added {added} to a new RunningMedian, then called median(). It returned {got!r}, "
        f"expected {expected}: {why}."
    )


def test_running_median_of_nothing_raises_index_error_saying_so():
    running = RunningMedian()
    with pytest.raises(IndexError) as raised:
        got = running.median()
        pytest.fail(
            f"median() on a new, empty RunningMedian returned {got!r}; it should raise "
            "IndexError: there is no median of no items."
        )
    assert "empty" in str(raised.value).lower() or "no item" in str(raised.value).lower(), (
        f"median() on an empty RunningMedian raised IndexError({str(raised.value)!r}). Say "
        "what went wrong: mention that it is empty."
    )


@settings(max_examples=30)
@given(st.lists(st.integers(-20, 20), min_size=1, max_size=40))
def test_running_median_matches_sorting_after_every_add(added):
    """After each add, median() == sorted(items so far)[(count - 1) // 2]."""
    running = RunningMedian()
    for count, x in enumerate(added, start=1):
        running.add(x)
        got = running.median()
        expected = _lower_median(added[:count])
        assert got == expected, (
            f"Added {added[:count]} to a new RunningMedian, then called median(). It returned "
            f"{got!r}, expected {expected} (the item at index (count - 1) // 2 in sorted order)."
        )


def _run_median(counter: Counter, family: str, n: int) -> None:
    values = family_input(family, n + OPS)
    # Building the structure is not what is measured, but it runs under its own cap (n log n
    # with room to spare), so an add that costs O(n) stops here already.
    with counter.setting_up(4 * n * n.bit_length() + 64):
        running = RunningMedian()
        for x in values[:n]:
            running.add(CountedNumber(x, counter))
    for x in values[n:]:
        running.add(CountedNumber(x, counter))
        running.median()


MEDIAN_WHAT = f"comparisons made by {OPS} add() + median() calls on a RunningMedian of n items"


def test_running_median_add_makes_about_log_n_comparisons():
    m = measure(
        _run_median,
        MEDIAN_SIZES,
        what=MEDIAN_WHAT,
        families=("random", "reversed"),
        budget=(6 * OPS, LOGARITHMIC),
    )
    assert_within(
        m,
        LOGARITHMIC,
        "Sorting the items again, or walking a sorted list to the right place, costs n per "
        "add. Split the items at the median into two heaps, the smaller half in a max-heap "
        "and the larger half in a min-heap, sizes equal or the lower one ahead by one: the "
        "median is the lower heap's top, and an add moves at most one item across. (Adding "
        "the first n items is capped too, at about 4·n·log2(n): a count stopped there is "
        "theirs.)",
        budget_only=True,
    )


_INSORTS = (bisect.insort, bisect.insort_left, bisect.insort_right)


def _inserts_made_by(call) -> list[str]:
    """The calls to list.insert and bisect.insort* made while ``call()`` runs (C calls too)."""
    seen: list[str] = []

    def hook(frame, event, arg) -> None:
        if event != "c_call":
            return
        if any(arg is insort for insort in _INSORTS):
            seen.append(f"bisect.{arg.__name__}")
        elif getattr(arg, "__name__", "") == "insert" and isinstance(
            getattr(arg, "__self__", None), list
        ):
            seen.append(f"list.insert into a list of {len(arg.__self__)}")

    previous = sys.getprofile()
    sys.setprofile(hook)
    try:
        call()
    finally:
        sys.setprofile(previous)
    return seen


def test_running_median_add_never_shifts_a_list_to_insert():
    values = family_input("random", 1024)
    running = RunningMedian()

    def add_all() -> None:
        for x in values:
            running.add(x)

    seen = _inserts_made_by(add_all)
    assert not seen, (
        f"1024 calls of RunningMedian.add made {len(seen)} inserts into a sorted list "
        f"(the first: {seen[0]}; the last: {seen[-1]}). A binary search finds the place in "
        "log n comparisons, but inserting there shifts every item after it: n / 2 moves per "
        "add on average, O(n) per add and O(n²) for n adds, which no comparison count shows. "
        "Two heaps only ever append and swap."
    )
    assert running.median() == _lower_median(values), "median() is wrong after 1024 adds."


def test_running_median_declares_its_pattern_and_classes():
    def prepare(n: int):
        values = family_input("random", n)

        def build() -> RunningMedian:
            running = RunningMedian()
            for x in values:
                running.add(x)
            return running

        return build

    check_approach(
        RunningMedian,
        "RunningMedian",
        patterns=["heap"],
        brute_force=("O(n)", "O(n log n)"),
        time=lambda: measure(
            _run_median,
            MEDIAN_SIZES,
            what=MEDIAN_WHAT,
            families=("sorted", "reversed"),
            budget=(4 * GENEROUS * OPS, LOGARITHMIC),
        ),
        space=lambda: space_class(prepare, MEDIAN_SIZES[1:], what="n RunningMedian.add calls"),
    )
