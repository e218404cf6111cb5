"""Tests for the constraint-to-class kata: budgets, the rule-of-thumb table and its Python shift.

Boundaries are tested on both sides (n = 5000 and n = 5001), because an off-by-one there is
the classic mistake; properties check that the answers move the right way as n, the budget,
the time and the language change.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from katas.stage1_foundations.constraints import fits, slowest_class, target_class

# The ladder, slowest-growing first, as the kata's docstring gives it.
LADDER = ("O(1)", "O(log n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)", "O(n!)")


def cost(cls: str, n: int) -> float:
    """The exact cost of ``cls`` at ``n``, for the small n the properties use."""
    return {
        "O(1)": lambda: 1,
        "O(log n)": lambda: math.log2(n),
        "O(n)": lambda: n,
        "O(n log n)": lambda: n * math.log2(n),
        "O(n^2)": lambda: n**2,
        "O(n^3)": lambda: n**3,
        "O(2^n)": lambda: 2**n,
        "O(n!)": lambda: math.factorial(n),
    }[cls]()


def near_a_tie(n: int, budget: float) -> bool:
    """Whether a log cost sits within rounding of the budget, where log(n, 2) and log2 differ."""
    return any(abs(cost(c, n) - budget) <= 1e-9 * budget for c in ("O(log n)", "O(n log n)"))


def costs_at(n: int, classes: tuple[str, ...]) -> str:
    """A sentence with the costs of ``classes`` at ``n``, for a failure message."""
    if n > 10**4:  # the messages for large n say what they need without the costs
        return ""
    shown = []
    for c in dict.fromkeys(classes):
        value = cost(c, n)
        if isinstance(value, float):
            shown.append(f"{c} costs {value:,.1f}")
        elif value < 10**15:
            shown.append(f"{c} costs {value:,}")
        else:
            shown.append(f"{c} costs about 10^{len(str(value)) - 1}")
    return f" At n = {n}: {', '.join(shown)}."


# -- fits: the budget arithmetic --------------------------------------------------------------

BOUNDARIES = [
    ("O(n!)", 11, 10**8, "11! = 39,916,800 fits; 12! = 479,001,600 does not"),
    ("O(2^n)", 26, 10**8, "2^26 = 67,108,864 fits; 2^27 = 134,217,728 does not"),
    ("O(n^3)", 464, 10**8, "464^3 = 99,897,344 fits; 465^3 = 100,544,625 does not"),
    ("O(n^2)", 10**4, 10**8, "10000^2 is exactly 10^8, and a cost equal to the budget fits"),
    ("O(n log n)", 4_523_071, 10**8, "n log2 n is 99,999,994.2 at 4,523,071, then 100,000,017.8"),
    ("O(n)", 10**8, 10**8, "n = 10^8 is exactly the budget, so it fits"),
    ("O(log n)", 2**20, 20, "log2(2^20) is exactly 20; log2(2^20 + 1) is a hair more"),
]


@pytest.mark.parametrize(
    "cls, last, budget, why", BOUNDARIES, ids=[f"{c[0]} at {c[1]}" for c in BOUNDARIES]
)
def test_fits_is_exact_on_both_sides_of_each_boundary(cls, last, budget, why):
    inside, outside = fits(cls, last, budget), fits(cls, last + 1, budget)
    assert (inside, outside) == (True, False), (
        f"Called fits({cls!r}, {last}, {budget}) and fits({cls!r}, {last + 1}, {budget}). They "
        f"returned {inside!r} and {outside!r}, expected True and False: {why}."
    )


def test_o1_fits_any_budget():
    got = fits("O(1)", 10**18, 1)
    assert got is True, (
        f"Called fits('O(1)', 10**18, 1). It returned {got!r}, expected True: a constant cost "
        "is one operation at any n."
    )


HUGE = [
    ("O(n!)", False),
    ("O(2^n)", False),
    ("O(n^3)", False),
    ("O(n^2)", False),
    ("O(n log n)", False),
    ("O(n)", False),
    ("O(log n)", True),
    ("O(1)", True),
]


@pytest.mark.parametrize("cls, expected", HUGE, ids=[c[0] for c in HUGE])
def test_fits_answers_for_n_as_large_as_10_to_the_18(cls, expected):
    got = fits(cls, 10**18, 10**8)
    assert got is expected, (
        f"Called fits({cls!r}, 10**18, 10**8). It returned {got!r}, expected {expected!r}. "
        "(If this test timed out instead, your code is building n! or 2**n: stop multiplying "
        "once the product passes the budget, or compare n with the budget's bit length.)"
    )


@given(
    st.sampled_from(LADDER),
    st.integers(1, 300),
    st.one_of(st.integers(1, 10**15), st.floats(1, 1e15)),
)
def test_fits_agrees_with_exact_arithmetic(cls, n, budget):
    """fits(cls, n, budget) is cost(cls, n) <= budget, computed exactly."""
    assume(not near_a_tie(n, budget))
    expected = cost(cls, n) <= budget
    got = fits(cls, n, budget)
    assert got is expected, (
        f"Called fits({cls!r}, {n}, {budget!r}). It returned {got!r}, expected {expected!r}: "
        f"the cost of {cls} at n = {n} is {cost(cls, n):.6g}."
    )


# -- slowest_class ----------------------------------------------------------------------------

ONE_SECOND_OF_CPP = [
    (1, "O(n!)"),
    (11, "O(n!)"),
    (12, "O(2^n)"),
    (26, "O(2^n)"),
    (27, "O(n^3)"),
    (464, "O(n^3)"),
    (465, "O(n^2)"),
    (10**4, "O(n^2)"),
    (10**4 + 1, "O(n log n)"),
    (4_523_071, "O(n log n)"),
    (4_523_072, "O(n)"),
    (10**8, "O(n)"),
    (10**8 + 1, "O(log n)"),
    (10**18, "O(log n)"),
]


@pytest.mark.parametrize(
    "n, expected", ONE_SECOND_OF_CPP, ids=[str(c[0]) for c in ONE_SECOND_OF_CPP]
)
def test_slowest_class_at_the_boundaries_of_the_default_budget(n, expected):
    got = slowest_class(n)
    slower = LADDER[LADDER.index(expected) + 1 :][:1]
    assert got == expected, (
        f"Called slowest_class({n}) with the default budget of 10^8 operations. It returned "
        f"{got!r}, expected {expected!r}: the slowest class whose cost fits."
        + costs_at(n, (expected, *slower))
    )


def test_slowest_class_is_o1_when_even_log_n_does_not_fit():
    got, then = slowest_class(2**40, budget=39), slowest_class(2**40, budget=40)
    assert (got, then) == ("O(1)", "O(log n)"), (
        f"Called slowest_class(2**40, budget=39) and then with budget=40. They returned {got!r} "
        f"and {then!r}, expected 'O(1)' and 'O(log n)': log2(2^40) = 40 needs a budget of 40."
    )


@given(st.integers(1, 3000), st.integers(1, 10**12))
def test_slowest_class_is_the_slowest_class_that_fits(n, budget):
    """The answer fits the budget, and every slower class does not."""
    assume(not near_a_tie(n, budget))
    expected = next(c for c in reversed(LADDER) if cost(c, n) <= budget)
    got = slowest_class(n, budget)
    assert got == expected, (
        f"Called slowest_class({n}, budget={budget}). It returned {got!r}, expected "
        f"{expected!r}, the slowest class that fits." + costs_at(n, (expected, got))
    )


SIZES = st.integers(1, 10**12)


@given(SIZES, SIZES, st.integers(1, 10**12))
def test_a_larger_n_never_gets_a_slower_class(n1, n2, budget):
    """Costs grow with n, so raising n can only move the answer down the ladder."""
    small, large = min(n1, n2), max(n1, n2)
    at_small, at_large = slowest_class(small, budget), slowest_class(large, budget)
    assert LADDER.index(at_large) <= LADDER.index(at_small), (
        f"slowest_class({small}, budget={budget}) returned {at_small!r}, but the larger "
        f"slowest_class({large}, budget={budget}) returned the slower {at_large!r}."
    )


@given(SIZES, st.integers(1, 10**12), st.integers(1, 10**12))
def test_a_larger_budget_never_gets_a_faster_class(n, b1, b2):
    """Whatever fits a budget fits a larger one."""
    small, large = min(b1, b2), max(b1, b2)
    with_small, with_large = slowest_class(n, small), slowest_class(n, large)
    assert LADDER.index(with_large) >= LADDER.index(with_small), (
        f"slowest_class({n}, budget={small}) returned {with_small!r}, but with the larger "
        f"budget={large} it returned the faster {with_large!r}."
    )


# -- target_class: the table, scaled ----------------------------------------------------------

HANDBOOK = [
    (10, "O(n!)"),
    (11, "O(2^n)"),
    (20, "O(2^n)"),
    (21, "O(n^3)"),
    (500, "O(n^3)"),
    (501, "O(n^2)"),
    (5000, "O(n^2)"),
    (5001, "O(n log n)"),
    (10**6, "O(n log n)"),
    (10**6 + 1, "O(n)"),
    (10**8, "O(n)"),
    (10**8 + 1, "O(log n)"),
    (10**18, "O(log n)"),
]


@pytest.mark.parametrize("n, expected", HANDBOOK, ids=[str(c[0]) for c in HANDBOOK])
def test_target_class_for_one_second_of_cpp_is_the_handbook_table(n, expected):
    got = target_class(n, seconds=1.0, language="c++")
    assert got == expected, (
        f"Called target_class({n}, seconds=1.0, language='c++'). It returned {got!r}, expected "
        f"{expected!r}. With a scale of exactly 1 every boundary of RULE_OF_THUMB is its own: "
        "n <= 10 -> O(n!), <= 20 -> O(2^n), <= 500 -> O(n^3), <= 5000 -> O(n^2), "
        "<= 10^6 -> O(n log n), <= 10^8 -> O(n), then O(log n); a bound itself is inside."
    )


PYTHON = [
    (9, "O(n!)", "9! = 362,880 is exactly a tenth of 10!, and equal fits"),
    (10, "O(2^n)", "10! = 3,628,800 is over 362,880"),
    (16, "O(2^n)", "2^16 = 65,536 fits 2^20 / 10 = 104,857.6"),
    (17, "O(n^3)", "2^17 = 131,072 does not"),
    (232, "O(n^3)", "232^3 = 12,487,168 fits 500^3 / 10 = 12,500,000"),
    (233, "O(n^2)", "233^3 = 12,649,337 does not"),
    (1581, "O(n^2)", "1581^2 = 2,499,561 fits 5000^2 / 10 = 2,500,000"),
    (1582, "O(n log n)", "1582^2 = 2,502,724 does not"),
    (5000, "O(n log n)", "5000^2 = 2.5*10^7 is ten times the 2.5*10^6 Python can afford"),
    (118_275, "O(n log n)", "118,275 log2 118,275 = 1,993,144.9 fits 1,993,156.9"),
    (118_276, "O(n)", "one more is 1,993,163.2"),
    (10**7, "O(n)", "10^7 is exactly a tenth of 10^8, and equal fits"),
    (10**7 + 1, "O(log n)", "one more does not"),
]


@pytest.mark.parametrize("n, expected, why", PYTHON, ids=[str(c[0]) for c in PYTHON])
def test_target_class_for_python_scales_every_row_down_tenfold(n, expected, why):
    got = target_class(n, seconds=1.0, language="python")
    assert got == expected, (
        f"Called target_class({n}, seconds=1.0, language='python'). It returned {got!r}, "
        f"expected {expected!r}: Python gets a tenth of each row's operations; {why}."
    )


def test_target_class_assumes_one_second_of_python():
    got = target_class(5000)
    assert got == "O(n log n)", (
        f"Called target_class(5000). It returned {got!r}, expected 'O(n log n)': the defaults "
        "are seconds=1.0 and language='python', where O(n^2) at n = 5000 is 2.5*10^7 steps, "
        "ten times what one second of Python affords."
    )


TWO_SECONDS_OF_CPP = [
    (10, "O(n!)", "2 * 10! = 7,257,600 is still below 11! = 39,916,800"),
    (11, "O(2^n)", "so n! does not move at all"),
    (21, "O(2^n)", "2^21 is exactly 2 * 2^20: an exponential gains one n per doubling"),
    (22, "O(n^3)", "2^22 does not fit"),
    (629, "O(n^3)", "629^3 fits 2 * 500^3: a cubic gains a factor 2^(1/3)"),
    (630, "O(n^2)", "630^3 does not fit"),
    (7071, "O(n^2)", "7071^2 fits 2 * 5000^2: a quadratic gains a factor sqrt(2)"),
    (7072, "O(n log n)", "7072^2 does not fit"),
    (2 * 10**8, "O(n)", "a linear class doubles its n"),
    (2 * 10**8 + 1, "O(log n)", "one more does not fit"),
]


@pytest.mark.parametrize(
    "n, expected, why", TWO_SECONDS_OF_CPP, ids=[str(c[0]) for c in TWO_SECONDS_OF_CPP]
)
def test_twice_the_time_moves_each_boundary_by_its_own_rule(n, expected, why):
    got = target_class(n, seconds=2.0, language="c++")
    assert got == expected, (
        f"Called target_class({n}, seconds=2.0, language='c++'). It returned {got!r}, expected "
        f"{expected!r}: every row's budget doubles; {why}."
    )


@pytest.mark.parametrize("n, expected", HANDBOOK[:-1], ids=[str(c[0]) for c in HANDBOOK[:-1]])
def test_ten_seconds_of_python_buy_back_the_cpp_table(n, expected):
    got = target_class(n, seconds=10.0, language="python")
    assert got == expected, (
        f"Called target_class({n}, seconds=10.0, language='python'). It returned {got!r}, "
        f"expected {expected!r}: 10 s at 10^7 operations per second is 1 s at 10^8, so the scale "
        "is exactly 1 and the table is the handbook's."
    )


@pytest.mark.parametrize("language", ["rust", "go", "java", "C++", "Python"])
def test_languages_are_known_by_name_in_any_case(language):
    compiled = language.lower() != "python"
    expected = ("O(n^2)", "O(n log n)") if compiled else ("O(n log n)", "O(n log n)")
    got = (target_class(5000, language=language), target_class(5001, language=language))
    assert got == expected, (
        f"Called target_class(5000, language={language!r}) and then n = 5001. They returned "
        f"{got}, expected {expected}: OPS_PER_SECOND gives {language.lower()} "
        f"{'10^8, the C++ table' if compiled else '10^7, a tenth of it'}."
    )


LANGUAGES = st.sampled_from(["c++", "python", "java"])
SECONDS = st.sampled_from([0.25, 0.5, 1.0, 2.0, 3.0, 10.0, 60.0])


@given(SIZES, SIZES, SECONDS, LANGUAGES)
def test_target_class_never_gets_slower_as_n_grows(n1, n2, seconds, language):
    """A larger input can only move the target down the ladder."""
    small, large = min(n1, n2), max(n1, n2)
    at_small = target_class(small, seconds, language)
    at_large = target_class(large, seconds, language)
    assert LADDER.index(at_large) <= LADDER.index(at_small), (
        f"target_class({small}, {seconds}, {language!r}) returned {at_small!r}, but the larger "
        f"target_class({large}, {seconds}, {language!r}) returned the slower {at_large!r}."
    )


@given(SIZES, SECONDS, SECONDS, LANGUAGES)
def test_more_time_never_gets_a_faster_class(n, s1, s2, language):
    """Every row's budget grows with the time limit."""
    short, long = min(s1, s2), max(s1, s2)
    quick, slow = target_class(n, short, language), target_class(n, long, language)
    assert LADDER.index(slow) >= LADDER.index(quick), (
        f"target_class({n}, {short}, {language!r}) returned {quick!r}, but with more time, "
        f"target_class({n}, {long}, {language!r}) returned the faster {slow!r}."
    )


@given(SIZES, SECONDS)
def test_python_never_affords_a_slower_class_than_cpp(n, seconds):
    """Python gets a tenth of C++'s operations, never more."""
    python, cpp = target_class(n, seconds, "python"), target_class(n, seconds, "c++")
    assert LADDER.index(python) <= LADDER.index(cpp), (
        f"target_class({n}, {seconds}, 'python') returned {python!r}, slower than C++'s "
        f"{cpp!r} for the same n and time."
    )


# -- arguments outside the contract -----------------------------------------------------------

REJECTED = [
    ("slowest_class(0)", lambda: slowest_class(0), "n_max must be at least 1"),
    ("slowest_class(2.5)", lambda: slowest_class(2.5), "n_max must be a whole number"),
    ("slowest_class(10, budget=0)", lambda: slowest_class(10, budget=0), "budget below 1"),
    (
        "slowest_class(10, budget=float('inf'))",
        lambda: slowest_class(10, budget=float("inf")),
        "an infinite budget is not a budget",
    ),
    ("fits('O(n^4)', 10, 100)", lambda: fits("O(n^4)", 10, 100), "O(n^4) is not in CLASSES"),
    ("fits('O(n)', 0, 100)", lambda: fits("O(n)", 0, 100), "n must be at least 1"),
    ("target_class(10, seconds=0)", lambda: target_class(10, seconds=0), "no time at all"),
    (
        "target_class(10, language='cobol')",
        lambda: target_class(10, language="cobol"),
        "cobol is not in OPS_PER_SECOND",
    ),
]


@pytest.mark.parametrize("call, run, why", REJECTED, ids=[c[0] for c in REJECTED])
def test_arguments_outside_the_contract_raise_value_error(call, run, why):
    try:
        got = run()
    except ValueError:
        return
    pytest.fail(f"Called {call}. It returned {got!r}; expected a ValueError: {why}.")
