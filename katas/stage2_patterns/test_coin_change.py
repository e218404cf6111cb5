"""Tests for the coin-change kata: the switch, the fewest coins, the counted cost, the claim.

``SWITCH`` is checked against the pattern catalogue. ``min_coins`` is checked on fixed examples,
including coin sets where taking the largest coin first is wrong, then against a breadth-first
search over amounts on generated coin sets, then for O(amount) work with the coins fixed: the
coins are ``CountedInt`` values that count every ``+``, ``-``, comparison and hash made with
them, so a recursion that re-solves the same amounts shows up in the count. The tests never time
your code.
"""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import katas.stage2_patterns.coin_change as coin_change
from checker.harness.counting import BudgetExceeded, CountedInt, Counter, counted_ints
from checker.harness.growth import LINEAR, assert_within, measure
from checker.harness.patterns import check_approach, check_switch
from checker.harness.space import space_class
from katas.stage2_patterns.coin_change import min_coins

# Amounts up to 256, so a memoized recursion one call deep per unit of amount fits Python's
# recursion limit.
SIZES = (32, 64, 128, 256)
COINS = {"1-3-4": (1, 3, 4), "5-2-1": (5, 2, 1)}  # input family -> the fixed coins
BUDGET = 24  # counted operations per unit of amount: 8 per coin; the reference needs 2 per coin
BRUTE_FORCE = "O(2^n)"


def _fewest_by_search(coins: list[int], amount: int) -> int | None:
    """Breadth-first over amounts paid so far: the first visit to amount uses the fewest coins."""
    depth = {0: 0}
    frontier = [0]
    while frontier:
        if amount in depth:
            return depth[amount]
        following = []
        for paid in frontier:
            for coin in coins:
                if paid + coin <= amount and paid + coin not in depth:
                    depth[paid + coin] = depth[paid] + 1
                    following.append(paid + coin)
        frontier = following
    return depth.get(amount)


def _min_coins(coins: list[int], amount: int) -> int | None:
    """min_coins with counted coins, stopped once it does far more work than a table needs.

    A recursion that re-solves the same amounts would otherwise run for minutes on an amount
    of 60; the cap stops it in milliseconds with a message saying why.
    """
    cap = 20 * len(coins) * (amount + 1) + 100
    counter = Counter(budget=cap)
    try:
        got = min_coins(counted_ints(coins, counter), amount)
    except BudgetExceeded:
        raise AssertionError(
            f"min_coins({coins}, {amount}) was stopped after {cap} operations on the coins "
            f"({20 * len(coins)} per unit of amount; a table needs about {2 * len(coins)}): the "
            "same smaller amounts are being solved again and again. Keep each amount's answer, "
            "or fill the answers from 0 up."
        ) from None
    return int(got) if isinstance(got, CountedInt) else got


def test_switch_names_the_broken_precondition_and_what_to_use_instead():
    check_switch(
        coin_change.SWITCH,
        "SWITCH",
        pattern_="greedy",
        broken="greedy-choice",
        use=["dynamic-programming"],
        cost="O(n)",
    )


@pytest.mark.parametrize(
    ("coins", "amount", "expected", "why"),
    [
        ([1, 3, 4], 6, 2, "3 + 3; the largest coin first pays 4 + 1 + 1, three coins"),
        ([25, 10, 1], 30, 3, "10 + 10 + 10; 25 first leaves five 1s, six coins"),
        ([1, 5, 6, 9], 11, 2, "5 + 6; 9 first leaves 1 + 1, three coins"),
        ([4, 3, 1], 6, 2, "3 + 3: the order of the coins does not matter"),
        ([1, 2, 5], 11, 3, "5 + 5 + 1 (here the largest coin first happens to be right)"),
        ([2], 3, None, "no number of 2s makes 3"),
        ([3, 7], 5, None, "3 and 7 cannot make 5"),
        ([5, 10], 0, 0, "an amount of 0 takes no coins"),
        ([7], 7, 1, "one coin of exactly the amount"),
        ([186, 419, 83, 408], 6249, 20, "a bigger amount, still one look per coin per amount"),
    ],
    ids=[
        "1-3-4",
        "25-10-1",
        "1-5-6-9",
        "unsorted-coins",
        "canonical",
        "impossible",
        "impossible-mixed",
        "zero",
        "one-coin",
        "large-amount",
    ],
)
def test_min_coins_pays_each_amount_with_the_fewest_coins(coins, amount, expected, why):
    got = _min_coins(list(coins), amount)
    assert got == expected, (
        f"min_coins({coins}, {amount}) returned {got!r}, expected {expected!r}: {why}. Taking "
        "the largest coin that fits is only right for some coin sets; weigh every coin as the "
        "last one paid, using the fewest coins for each smaller amount."
    )


@settings(max_examples=50)
@given(
    st.lists(st.integers(1, 12), min_size=1, max_size=4, unique=True),
    st.integers(0, 60),
)
def test_min_coins_agrees_with_a_breadth_first_search_over_amounts(coins, amount):
    """For any coins and amount, the fewest coins equal the depth at which a BFS first pays it."""
    got = _min_coins(list(coins), amount)
    expected = _fewest_by_search(coins, amount)
    assert got == expected, (
        f"min_coins({coins}, {amount}) returned {got!r}; searching every way to pay finds "
        f"{expected!r} (None means no combination makes the amount)."
    )


def _run(counter: Counter, family: str, n: int) -> None:
    min_coins(counted_ints(COINS[family], counter), n)


def test_min_coins_does_work_in_proportion_to_the_amount():
    m = measure(
        _run,
        SIZES,
        what=(
            "additions, subtractions, comparisons and hashes of the coins made by "
            "min_coins(coins, n) with the coins fixed"
        ),
        families=tuple(COINS),
        budget=(BUDGET, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        "Trying every first coin and recursing re-solves the same smaller amounts again and "
        "again: exponential. Solve each amount from 0 up to n once, reading the answers for "
        "smaller amounts you already have.",
    )


def test_min_coins_declaration_matches_the_catalogue_and_its_measured_growth():
    check_approach(
        min_coins,
        "min_coins",
        patterns=["dynamic-programming"],
        brute_force=BRUTE_FORCE,
        time=lambda: measure(
            _run,
            SIZES,
            what="operations on the coins made by min_coins(coins, n) with the coins fixed",
            families=tuple(COINS),
            budget=(4 * BUDGET, LINEAR),
        ),
        space=lambda: space_class(
            lambda n: functools.partial(min_coins, [1, 3, 4], n),
            (16, 32, 64, 128, 256),
            what="min_coins([1, 3, 4], n)",
        ),
    )
