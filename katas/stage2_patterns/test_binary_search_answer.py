"""Tests for the binary-search-on-the-answer kata: answers against oracles, probes counted.

Each problem is checked four ways: fixed examples with the edge cases; a property test against
a plain brute force written here (the oracle) on small generated inputs; a budget on the calls
to ``is_bad`` or the reads of ``weights`` (a ``CountedList``), at sizes that double; and the
``@declare`` above your function, whose classes are compared with the growth measured on your
own code. Nothing is timed.

Every call the tests make carries a cap on probes or reads, far above what even a brute force
needs on that input, so a loop that stops shrinking its range is stopped and reported rather
than left to hang.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.counting import BudgetExceeded, CountedList, Counter
from checker.harness.growth import (
    LINEARITHMIC,
    LOGARITHMIC,
    assert_within,
    measure,
)
from checker.harness.patterns import check_approach
from checker.harness.space import space_class
from katas.stage2_patterns.binary_search_answer import first_bad_version, min_ship_capacity

PATTERNS = ["binary-search"]
GENEROUS = 8  # the declaration tests judge the class you claim; the budget tests judge speed
PROBE = "probe"
# Budgets allow about twice what a plain search costs: log2(n) + 1 probes for the versions; for
# the capacity, 2n reads for the bounds and up to n per check, about 2·log2(n) checks.


def _check_declaration(function, name, brute_force, run, sizes, families, what, budget, space):
    """The declaration's words, then its time against the counts, then its space.

    Each measurement runs only when everything before it holds, so a quadratic search is
    stopped by its counted budget before the uncounted space runs could drag on.
    """
    prepare, space_sizes = space
    check_approach(
        function,
        name,
        patterns=PATTERNS,
        brute_force=brute_force,
        time=lambda: measure(run, sizes, what=what, families=families, budget=budget),
        space=lambda: space_class(prepare, space_sizes, what=f"{name} at size n"),
    )


# -- first_bad_version ----------------------------------------------------------------------------


class Versions:
    """``is_bad`` for versions 1..n whose first bad one is ``first``; counts every call.

    A call outside 1..n fails the test: there is no such version to build and test.
    """

    def __init__(self, n: int, first: int, counter: Counter) -> None:
        self.n = n
        self.first = first
        self.counter = counter

    def __call__(self, version: int) -> bool:
        if not isinstance(version, int) or not 1 <= version <= self.n:
            raise AssertionError(
                f"is_bad({version!r}) was called, but the versions are 1..{self.n}. Check the "
                "bounds you start from, and that mid can never reach the end of a half-open "
                "range (round it down)."
            )
        self.counter.tick(PROBE)
        return version >= self.first


def _probes_cap(n: int) -> int:
    """Room for a scan through every version, and then some: only a runaway loop hits it."""
    return 2 * n + 64


def _first_bad(n: int, first: int, cap: int | None = None) -> tuple[object, int]:
    """Call first_bad_version(n, is_bad) under a cap on probes: (answer, probes made)."""
    cap = _probes_cap(n) if cap is None else cap
    counter = Counter(budget=cap)
    try:
        got = first_bad_version(n, Versions(n, first, counter))
    except BudgetExceeded:
        raise AssertionError(
            f"Called first_bad_version({n}, is_bad) with the first bad version at {first}. It "
            f"called is_bad more than {cap} times and was stopped; halving the versions in "
            f"doubt needs about {n.bit_length() + 1}. Trying versions one by one costs up to n "
            "calls, and a loop that keeps probing the same mid never ends: each step must "
            "shrink the range (hi = mid keeps mid, so mid must round down)."
        ) from None
    return got, counter.total


def _none_note(n: int, first: int) -> str:
    return f" (no version is bad, so the answer is n + 1 = {n + 1})" if first == n + 1 else ""


@pytest.mark.parametrize(
    ("n", "first"),
    [(0, 1), (1, 1), (1, 2), (5, 4), (5, 1), (5, 5), (5, 6), (10, 7)],
    ids=[
        "no-versions",
        "one-bad",
        "one-good",
        "leetcode-example",
        "all-bad",
        "last-is-bad",
        "none-bad",
        "middle",
    ],
)
def test_first_bad_version_finds_the_first_bad_one(n, first):
    got, _ = _first_bad(n, first)
    assert got == first, (
        f"Called first_bad_version({n}, is_bad) where is_bad(v) is v >= {first}. It returned "
        f"{got!r}, expected {first}{_none_note(n, first)}."
    )


def test_first_bad_version_finds_it_among_two_billion_versions_in_a_few_dozen_calls():
    n, first, cap = 2_126_753_390, 1_702_766_719, 64
    got, probes = _first_bad(n, first, cap=cap)
    assert got == first, (
        f"Called first_bad_version({n}, is_bad) where is_bad(v) is v >= {first}. It returned "
        f"{got!r}, expected {first}, after {probes} calls to is_bad."
    )


@settings(max_examples=40)
@given(st.integers(0, 40), st.integers(1, 41))
def test_first_bad_version_matches_a_scan_for_any_boundary(n, first):
    """The answer is the first v in 1..n with is_bad(v), or n + 1, as a scan finds it."""
    first = min(first, n + 1)
    expected = next((v for v in range(1, n + 1) if v >= first), n + 1)
    got, _ = _first_bad(n, first)
    assert got == expected, (
        f"Called first_bad_version({n}, is_bad) where is_bad(v) is v >= {first}. It returned "
        f"{got!r}, expected {expected}{_none_note(n, first)}."
    )


VERSION_SIZES = (2**6, 2**8, 2**10, 2**12, 2**14, 2**16)


def _first_for(family: str, n: int) -> int:
    if family == "none-bad":
        return n + 1
    if family == "last-bad":
        return n
    if family == "first-bad":
        return 1
    return random.Random(f"versions:{n}").randint(1, n)


def _versions_run(counter: Counter, family: str, n: int) -> None:
    first_bad_version(n, Versions(n, _first_for(family, n), counter))


VERSIONS_WHAT = "calls to is_bad made by first_bad_version(n, is_bad)"


def test_first_bad_version_calls_is_bad_about_log2_n_times():
    m = measure(
        _versions_run,
        VERSION_SIZES,
        what=VERSIONS_WHAT,
        families=("random", "none-bad", "last-bad", "first-bad"),
        budget=(2, LOGARITHMIC),
    )
    assert_within(
        m,
        LOGARITHMIC,
        "Trying the versions in order costs up to n calls. Probe the middle of the versions "
        "still in doubt: a bad one means the first bad is there or before it, a good one means "
        "it is after it. Either way half of them are ruled out.",
    )


def _versions_prepare(n: int):
    first = n // 3 + 1
    return lambda: first_bad_version(n, lambda v: v >= first)


def test_first_bad_version_declares_binary_search_and_the_classes_its_code_shows():
    _check_declaration(
        first_bad_version,
        "first_bad_version",
        "O(n)",
        _versions_run,
        VERSION_SIZES,
        ("none-bad", "random"),
        VERSIONS_WHAT,
        (GENEROUS, LOGARITHMIC),
        (_versions_prepare, (2**8, 2**10, 2**12, 2**14, 2**16)),
    )


# -- min_ship_capacity ----------------------------------------------------------------------------


def _days_needed(weights: list[int], capacity: int) -> int | None:
    """Days to ship in order at ``capacity`` loading greedily, None if a parcel never fits."""
    if max(weights) > capacity:
        return None
    days, load = 1, 0
    for weight in weights:
        if load + weight > capacity:
            days, load = days + 1, 0
        load += weight
    return days


def _smallest_capacity(weights: list[int], days: int) -> int:
    """The oracle: every capacity from 1 up, until one ships within ``days``."""
    capacity = 1
    while (needed := _days_needed(weights, capacity)) is None or needed > days:
        capacity += 1
    return capacity


def _reads_cap(weights: list[int]) -> int:
    """Room to try every capacity from max to sum, and then some: only a runaway loop hits it."""
    return 2 * len(weights) * (sum(weights) + 2) + 64


def _ship(weights: list[int], days: int) -> object:
    """Call min_ship_capacity on a CountedList of ``weights``, under a cap on reads."""
    cap = _reads_cap(weights)
    try:
        return min_ship_capacity(CountedList(weights, Counter(budget=cap)), days)
    except BudgetExceeded:
        raise AssertionError(
            f"Called min_ship_capacity({weights}, {days}). It read the weights more than {cap} "
            "times and was stopped: more than trying every capacity from the heaviest parcel "
            "to the total would. A search loop whose range stops shrinking never ends; with "
            "hi = mid, mid must round down."
        ) from None


def _ship_message(weights: list[int], days: int, got: object, expected: int) -> str:
    text = f"Called min_ship_capacity({weights}, {days}). It returned {got!r}, expected {expected}."
    if not isinstance(got, int):
        return text
    needed = _days_needed(weights, got) if got > 0 else None
    if needed is None:
        text += f" A ship of capacity {got} cannot carry the parcel of weight {max(weights)}."
    elif needed > days:
        text += f" At capacity {got} loading takes {needed} days, more than {days}."
    else:
        text += (
            f" Capacity {got} works, but {expected} already does. The answer can be as low as "
            f"max(weights) = {max(weights)} and as high as sum(weights) = {sum(weights)}: are "
            "both ends inside your search range?"
        )
    return text


@pytest.mark.parametrize(
    ("weights", "days", "expected"),
    [
        ([7], 1, 7),
        ([7], 3, 7),
        ([1, 2, 3], 1, 6),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, 15),
        ([3, 2, 2, 4, 1, 4], 3, 6),
        ([1, 2, 3, 1, 1], 4, 3),
        ([5, 5, 5, 5], 4, 5),
        ([5, 5, 5, 5], 10, 5),
        ([1, 1, 9], 2, 9),
    ],
    ids=[
        "one-parcel",
        "more-days-than-parcels",
        "one-day",
        "leetcode-example-1",
        "leetcode-example-2",
        "leetcode-example-3",
        "a-day-per-parcel",
        "days-to-spare",
        "heavy-last",
    ],
)
def test_min_ship_capacity_finds_the_smallest_capacity_that_works(weights, days, expected):
    got = _ship(list(weights), days)
    assert got == expected, _ship_message(weights, days, got, expected)


@settings(max_examples=40)
@given(st.lists(st.integers(1, 10), min_size=1, max_size=10), st.integers(1, 12))
def test_min_ship_capacity_matches_trying_every_capacity(weights, days):
    """The answer is the smallest capacity c whose greedy loading takes at most days days."""
    expected = _smallest_capacity(weights, days)
    got = _ship(list(weights), days)
    assert got == expected, _ship_message(weights, days, got, expected)


SHIP_SIZES = (32, 64, 128, 256, 512)
SHIP_DAYS = 5  # held fixed while n grows


def _parcels(family: str, n: int) -> list[int]:
    """n weights from 1 to n: random, all n (the heaviest), or rising 1, 2, ..., n."""
    if family == "all-heaviest":
        return [n] * n
    if family == "rising":
        return list(range(1, n + 1))
    rng = random.Random(f"parcels:{n}")
    return [rng.randint(1, n) for _ in range(n)]


def _ship_run(counter: Counter, family: str, n: int) -> None:
    min_ship_capacity(CountedList(_parcels(family, n), counter), SHIP_DAYS)


SHIP_WHAT = (
    f"reads made by min_ship_capacity(a CountedList of n weights from 1 to n, {SHIP_DAYS} days)"
)


def test_min_ship_capacity_reads_the_weights_o_of_log_n_times():
    m = measure(
        _ship_run,
        SHIP_SIZES,
        what=SHIP_WHAT,
        families=("random", "all-heaviest", "rising"),
        budget=(5, LINEARITHMIC),
    )
    assert_within(
        m,
        LINEARITHMIC,
        "Trying capacities one by one reads the weights once per capacity, and there are up "
        "to n^2 of them. If a capacity ships in time, every larger one does too: check the "
        "middle of the capacities still in doubt and drop the half it rules out.",
    )


def _ship_prepare(n: int):
    weights = _parcels("random", n)
    return lambda: min_ship_capacity(weights, SHIP_DAYS)


def test_min_ship_capacity_declares_binary_search_and_the_classes_its_code_shows():
    _check_declaration(
        min_ship_capacity,
        "min_ship_capacity",
        ["O(n^3)", "O(n^2)"],
        _ship_run,
        SHIP_SIZES,
        ("all-heaviest",),
        SHIP_WHAT,
        (GENEROUS, LINEARITHMIC),
        (_ship_prepare, (64, 128, 256, 512, 1024)),
    )
