"""Tests for the big-O algebra kata: simplify, compare and rank cost expressions.

The examples pin the canonical form; the properties state the algebra's laws (hypothesis tries
hundreds of expressions against each), so an answer that is right on the examples alone fails.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from katas.stage1_foundations.big_o import compare, rank, simplify

LADDER = ["O(1)", "O(log n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)", "O(n!)"]


# -- examples: simplify -----------------------------------------------------------------------

SIMPLIFY_ONE_VARIABLE = [
    ("3n^2 + 10 n log n + 7", "O(n^2)", "drop the coefficient 3 and the lower-order n log n, 7"),
    ("n log n + n", "O(n log n)", "n log n grows faster than n: the log factor is not constant"),
    ("2^n + n^3", "O(2^n)", "2^n overtakes n^3 at n = 10 and never looks back"),
    ("5", "O(1)", "a cost that does not grow is O(1)"),
    ("7 * 3", "O(1)", "a product of constants is still a constant"),
    ("0.5 n^2 + 1000 n", "O(n^2)", "a small coefficient on the top term does not matter"),
    ("log n + 100", "O(log n)", "log n grows, however slowly; 100 does not"),
    ("n + log^3 n", "O(n)", "any power of n beats any power of log n"),
    ("n^2 log n + n^2", "O(n^2 log n)", "n^2 log n is n^2 times a growing factor"),
    ("n^100 + 2^n", "O(2^n)", "an exponential beats every polynomial"),
    ("3^n + n^5 * 2^n", "O(3^n)", "3^n / 2^n = 1.5^n grows faster than n^5"),
    ("2^n * 2^n + 3^n", "O(4^n)", "2^n * 2^n is 4^n, not 2^n: bases multiply"),
    ("n! + 100^n", "O(n!)", "n! beats every exponential"),
    ("n * n^2 + n^2 log^5 n", "O(n^3)", "n * n^2 is n^3, which beats n^2 times any log power"),
]


@pytest.mark.parametrize(
    "expr, expected, why", SIMPLIFY_ONE_VARIABLE, ids=[c[0] for c in SIMPLIFY_ONE_VARIABLE]
)
def test_simplify_drops_constants_and_lower_order_terms(expr, expected, why):
    got = simplify(expr)
    assert got == expected, (
        f"Called simplify({expr!r}). It returned {got!r}, expected {expected!r}: {why}."
    )


SIMPLIFY_SEVERAL_VARIABLES = [
    ("3V + 2E + 5", "O(V + E)", "V and E are independent sizes: neither is a lower-order term"),
    ("n*m + n", "O(n*m)", "n*m is at least n in every variable"),
    ("n + m + n*m", "O(n*m)", "n*m dominates both n and m"),
    ("n^2 + n*m", "O(n^2 + n*m)", "n^2 is faster in n, n*m in m: both stay"),
    ("V log V + E log V + V", "O(V log V + E log V)", "V is below V log V; E log V has E"),
    ("E log V + V", "O(E log V + V)", "E log V has no factor V, so it does not dominate V"),
    ("2E + 3V", "O(E + V)", "surviving terms keep their input order"),
    ("n*m*k + n*m + k", "O(n*m*k)", "n*m*k dominates n*m and k"),
    ("V^2 + E + V", "O(V^2 + E)", "nothing says E <= V^2, so E stays"),
]


@pytest.mark.parametrize(
    "expr, expected, why",
    SIMPLIFY_SEVERAL_VARIABLES,
    ids=[c[0] for c in SIMPLIFY_SEVERAL_VARIABLES],
)
def test_simplify_keeps_every_term_that_another_does_not_dominate(expr, expected, why):
    got = simplify(expr)
    assert got == expected, (
        f"Called simplify({expr!r}). It returned {got!r}, expected {expected!r}: {why}."
    )


CANONICAL_FORM = [
    ("n*log n", "O(n log n)", "a log factor is written after a space, not after *"),
    ("log(n)", "O(log n)", "log(n) and log n are the same factor"),
    ("n·m", "O(n*m)", "the other factors are joined by *"),
    ("m n", "O(m*n)", "variables keep the order they first appear in"),
    ("2^n * n", "O(n*2^n)", "in one variable: the power, then the exponential"),
    ("n^1", "O(n)", "an exponent of 1 is not written"),
    ("log n * log n", "O(log^2 n)", "log powers add: (log n)^2 is log^2 n"),
    ("O( n^2 )", "O(n^2)", "an expression may come wrapped in O( )"),
    ("log n * m", "O(m log n)", "logs come after the other factors"),
    ("n! * n!", "O(n!*n!)", "n! is written once per factorial"),
    ("log^2(n) * n^2 * 2^n", "O(n^2*2^n log^2 n)", "power, exponential, then the log"),
    ("m*n + n*m", "O(m*n)", "of two terms in the same class, the first survives"),
    ("log m * n log n", "O(n log n log m)", "a variable with only a log comes after the others"),
]


@pytest.mark.parametrize("expr, expected, why", CANONICAL_FORM, ids=[c[0] for c in CANONICAL_FORM])
def test_simplify_writes_the_canonical_form(expr, expected, why):
    got = simplify(expr)
    assert got == expected, (
        f"Called simplify({expr!r}). It returned {got!r}, expected {expected!r}: {why}."
    )


OUTSIDE_THE_GRAMMAR = [
    ("", "an empty expression"),
    ("n +", "a + with nothing after it"),
    ("nm", "a variable is one letter: n*m or n m"),
    ("logn", "log and its variable are two tokens: log n"),
    ("log2 n", "log takes no base"),
    ("log", "log without a variable"),
    ("n^m", "an exponent must be a whole number"),
    ("n^0", "an exponent must be at least 1"),
    ("n^2.5", "an exponent must be a whole number"),
    ("1^n", "an exponential's base must be at least 2"),
    ("2^3", "a constant power is not in the grammar"),
    ("3!", "only a variable has a factorial"),
    ("0 n", "a coefficient must be greater than 0"),
    ("n - 1", "there is no minus"),
    ("n/2", "there is no division"),
    ("O(n", "O( needs its closing )"),
]


@pytest.mark.parametrize(
    "expr, why", OUTSIDE_THE_GRAMMAR, ids=[repr(c[0]) for c in OUTSIDE_THE_GRAMMAR]
)
def test_simplify_rejects_text_outside_the_grammar(expr, why):
    try:
        got = simplify(expr)
    except ValueError:
        return
    pytest.fail(f"Called simplify({expr!r}). It returned {got!r}; expected a ValueError: {why}.")


# -- examples: compare and rank ---------------------------------------------------------------


def test_compare_orders_every_pair_on_the_ladder():
    wrong = []
    for (i, a), (j, b) in itertools.product(enumerate(LADDER), repeat=2):
        expected = (i > j) - (i < j)
        got = compare(a, b)
        if got != expected:
            wrong.append(f"compare({a!r}, {b!r}) returned {got!r}, expected {expected}")
    assert not wrong, (
        "The ladder is "
        + " < ".join(LADDER)
        + ". These comparisons disagree with it:\n  "
        + "\n  ".join(wrong)
    )


COMPARE_ONE_VARIABLE = [
    ("n log n", "n", 1, "the log factor grows, so n log n is above n"),
    ("n^3", "2^n", -1, "2^n overtakes n^3 at n = 10; small n is not the question"),
    ("n^100", "2^n", -1, "an exponential beats every polynomial, eventually"),
    ("3^n", "2^n", 1, "3^n / 2^n = 1.5^n is not a constant factor"),
    ("2^n * 2^n", "3^n", 1, "2^n * 2^n is 4^n"),
    ("n*2^n", "2^n", 1, "n*2^n is a growing factor n above 2^n"),
    ("log^3 n", "n", -1, "any power of n beats any power of log n"),
    ("n^2 log n", "n^3", -1, "n^3 / n^2 log n = n / log n grows"),
    ("n!", "100^n", 1, "n! beats every exponential"),
    ("log n", "1", 1, "log n grows; 1 does not"),
    ("5", "O(1)", 0, "constants are all O(1)"),
    ("0.5 n^2 + n", "O(n^2)", 0, "compare simplifies first"),
]


@pytest.mark.parametrize(
    "a, b, expected, why",
    COMPARE_ONE_VARIABLE,
    ids=[f"{c[0]} vs {c[1]}" for c in COMPARE_ONE_VARIABLE],
)
def test_compare_orders_classes_of_one_variable(a, b, expected, why):
    got = compare(a, b)
    assert got == expected, (
        f"Called compare({a!r}, {b!r}). It returned {got!r}, expected {expected}: {why}."
    )


COMPARE_PRODUCTS = [
    ("n*m", "n", 1, "n*m is at least n in both variables, and more in m"),
    ("E log V", "E", 1, "E log V is E times a growing factor"),
    ("n*m", "m n", 0, "the order of the factors does not matter"),
    ("n", "n*m log n", -1, "n is below n*m log n in every variable"),
]


@pytest.mark.parametrize(
    "a, b, expected, why", COMPARE_PRODUCTS, ids=[f"{c[0]} vs {c[1]}" for c in COMPARE_PRODUCTS]
)
def test_compare_orders_products_that_dominate_in_every_variable(a, b, expected, why):
    got = compare(a, b)
    assert got == expected, (
        f"Called compare({a!r}, {b!r}). It returned {got!r}, expected {expected}: {why}."
    )


INCOMPARABLE = [
    ("V", "E", "V and E are independent: either can be the larger"),
    ("n^2", "n*m", "n^2 is faster when n >> m, n*m when m >> n"),
    ("n log m", "m log n", "each is faster in one variable"),
    ("V + E", "V^2", "E can exceed V^2 or not: nothing relates them"),
]


@pytest.mark.parametrize("a, b, why", INCOMPARABLE, ids=[f"{c[0]} vs {c[1]}" for c in INCOMPARABLE])
def test_compare_refuses_classes_that_cannot_be_ordered(a, b, why):
    try:
        got = compare(a, b)
    except ValueError:
        return
    pytest.fail(f"Called compare({a!r}, {b!r}). It returned {got!r}; expected a ValueError: {why}.")


def test_rank_sorts_the_ladder_from_any_order():
    for seed in range(3):
        shuffled = LADDER[:]
        random.Random(seed).shuffle(shuffled)
        got = rank(shuffled)
        assert got == LADDER, (
            f"Called rank({shuffled!r}). It returned {got!r}, expected {LADDER!r}."
        )


def test_rank_returns_the_strings_it_was_given():
    given_ = ["O(n^2)", "3n + 7", "log(n)", "O(1)"]
    expected = ["O(1)", "log(n)", "3n + 7", "O(n^2)"]
    got = rank(given_)
    assert got == expected, (
        f"Called rank({given_!r}). It returned {got!r}, expected {expected!r}: "
        "the same strings, reordered, not rewritten."
    )


def test_rank_refuses_classes_that_cannot_be_ordered():
    try:
        got = rank(["V", "E"])
    except ValueError:
        return
    pytest.fail(
        f"Called rank(['V', 'E']). It returned {got!r}; expected a ValueError: V and E are "
        "independent sizes, so neither comes first."
    )


# -- properties -------------------------------------------------------------------------------
# Each term is drawn as one integer and decoded digit by digit: a non-zero digit is a factor,
# with its variable and the separator before it. Few draws make fast tests, shrinking the
# integers shrinks the expression, and the test knows how every expression was built.

FACTORS = (
    *("3", "10", "0.5", "7"),
    *("{v}", "{v}^2", "{v}^3", "log {v}", "log({v})", "log^2 {v}", "log^3 {v}"),
    *("2^{v}", "3^{v}", "4^{v}", "{v}!"),
)
SEPARATORS = (" ", "*", " * ", "·")
MAX_FACTORS = 3  # per term


@dataclass(frozen=True)
class Drawn:
    """An expression as its terms, each a tuple of factors, and each term as written."""

    terms: tuple[tuple[str, ...], ...]
    written: tuple[str, ...]

    @property
    def text(self) -> str:
        return " + ".join(self.written)

    @property
    def variables(self) -> set[str]:
        return {v for term in self.terms for factor in term for v in _letters(factor)}


def _letters(text: str) -> set[str]:
    """The one-letter variables in ``text`` (not the letters of log, nor the O of O(...))."""
    inner = text[2:-1] if text.startswith("O(") else text
    return set(re.findall(r"(?<![A-Za-z])[A-Za-z](?![A-Za-z])", inner))


def _write(factors: tuple[str, ...], separators: tuple[str, ...]) -> str:
    text = factors[0]
    for separator, factor in zip(separators[1:], factors[1:], strict=True):
        text += separator + factor
    return text


def _decode(codes: list[int], variables: tuple[str, ...]) -> Drawn:
    terms, written = [], []
    for code in codes:  # one integer per term, one digit per factor
        factors, separators = [], []
        while code:
            code, digit = divmod(code, len(FACTORS) * len(variables) * len(SEPARATORS) + 1)
            if digit:
                digit, kind = divmod(digit - 1, len(FACTORS))
                separator, var = divmod(digit, len(variables))
                factors.append(FACTORS[kind].format(v=variables[var]))
                separators.append(SEPARATORS[separator])
        terms.append(tuple(factors) or ("3",))
        written.append(_write(terms[-1], tuple(separators) or (" ",)))
    return Drawn(tuple(terms), tuple(written))


def expressions(variables: tuple[str, ...], max_terms: int = 3) -> st.SearchStrategy[Drawn]:
    digits = len(FACTORS) * len(variables) * len(SEPARATORS) + 1
    term = st.integers(0, digits**MAX_FACTORS - 1)
    return st.lists(term, min_size=1, max_size=max_terms).map(lambda c: _decode(c, variables))


# Tests that draw whole expressions run half the default examples, to keep the kata near 2 s;
# every known-wrong fixture breaks these laws within the first few. (The project's hypothesis
# profiles already skip the slow explain phase.)
EXPRESSION_LAW = settings(max_examples=50)

ONE_VARIABLE = expressions(("n",), max_terms=2)
ANY_VARIABLES = st.one_of(
    expressions(("n",)),
    expressions(("n", "m")),
    expressions(("V", "E")),
    expressions(("n", "m", "k")),
)
ONE_TERM = expressions(("n",), max_terms=1).map(lambda d: d.text)


@EXPRESSION_LAW
@given(ANY_VARIABLES, st.booleans())
def test_simplify_is_idempotent(drawn, wrapped):
    """simplify(simplify(e)) == simplify(e): the canonical form is itself in the grammar."""
    expr = f"O({drawn.text})" if wrapped else drawn.text
    once = simplify(expr)
    twice = simplify(once)
    assert twice == once, (
        f"Called simplify({expr!r}) and got {once!r}; simplify({once!r}) then returned {twice!r}. "
        "A simplified class must simplify to itself."
    )


@EXPRESSION_LAW
@given(ANY_VARIABLES, st.integers(0, 15), st.integers(0, 3), st.sampled_from(SEPARATORS))
def test_adding_a_dominated_term_never_changes_the_result(drawn, which, gone, separator):
    """Adding a term with one factor less than a term already there changes nothing."""
    term = drawn.terms[which % len(drawn.terms)]
    gone %= len(term)
    smaller = term[:gone] + term[gone + 1 :] or ("5",)
    extra = _write(smaller, (separator,) * len(smaller))
    before = simplify(drawn.text)
    expr = f"{drawn.text} + {extra}"
    after = simplify(expr)
    assert after == before, (
        f"Called simplify({drawn.text!r}) and got {before!r}; then simplify({expr!r}) returned "
        f"{after!r}. The added term {extra!r} is at most {_write(term, ('*',) * len(term))!r}, "
        "a term already there, so it is lower-order and must not change the result."
    )


@EXPRESSION_LAW
@given(ANY_VARIABLES, st.sampled_from(["2", "1000", "0.5", "3 * 7"]))
def test_multiplying_by_a_constant_never_changes_the_result(drawn, constant):
    """Multiplying every term by the same constant changes nothing."""
    scaled = " + ".join(f"{constant} * {w}" for w in drawn.written)
    before, after = simplify(drawn.text), simplify(scaled)
    assert after == before, (
        f"Called simplify({drawn.text!r}) and got {before!r}; simplify({scaled!r}) returned "
        f"{after!r}. A constant factor never changes a class."
    )


@EXPRESSION_LAW
@given(ANY_VARIABLES)
def test_simplify_never_loses_a_variable(drawn):
    """Every variable of the input appears in the result: a term fastest in it survives."""
    got = simplify(drawn.text)
    lost = drawn.variables - _letters(got)
    assert not lost, (
        f"Called simplify({drawn.text!r}). It returned {got!r}, which has lost {sorted(lost)}. "
        "Some term grows fastest in each variable and no other term dominates it; independent "
        "sizes never cancel out."
    )


@EXPRESSION_LAW
@given(ONE_VARIABLE)
def test_a_sum_in_one_variable_simplifies_to_one_term(drawn):
    """In one variable any two classes can be ordered, so exactly one term survives."""
    got = simplify(drawn.text)
    assert " + " not in got and compare(drawn.text, got) == 0, (
        f"Called simplify({drawn.text!r}). It returned {got!r}; in one variable the result is a "
        "single term of the same class as the input."
    )


@EXPRESSION_LAW
@given(ONE_VARIABLE, ONE_VARIABLE)
def test_compare_is_antisymmetric_and_total_in_one_variable(a, b):
    """compare(a, b) is -1, 0 or 1, never an error, and compare(b, a) is its negation."""
    ab, ba = compare(a.text, b.text), compare(b.text, a.text)
    assert ab in (-1, 0, 1) and ba == -ab, (
        f"compare({a.text!r}, {b.text!r}) returned {ab!r} and compare({b.text!r}, {a.text!r}) "
        f"returned {ba!r}; expected -1, 0 or 1, and opposite answers."
    )


@EXPRESSION_LAW
@given(ONE_VARIABLE, ONE_VARIABLE, ONE_VARIABLE)
def test_compare_is_transitive_in_one_variable(a, b, c):
    """If x <= y and y <= z then x <= z, for every ordering of three classes."""
    texts = (a.text, b.text, c.text)
    order = {(x, y): compare(x, y) for x, y in itertools.permutations(texts, 2)}
    for x, y, z in itertools.permutations(texts):
        if order[x, y] <= 0 and order[y, z] <= 0:
            assert order[x, z] <= 0, (
                f"compare({x!r}, {y!r}) returned {order[x, y]} and compare({y!r}, {z!r}) returned "
                f"{order[y, z]}, but compare({x!r}, {z!r}) returned {order[x, z]}: the order is "
                "not transitive."
            )


@EXPRESSION_LAW
@given(ONE_VARIABLE, ONE_VARIABLE)
def test_equal_classes_have_the_same_canonical_form(a, b):
    """In one variable, compare(a, b) == 0 exactly when simplify(a) == simplify(b)."""
    same_class = compare(a.text, b.text) == 0
    sa, sb = simplify(a.text), simplify(b.text)
    assert same_class == (sa == sb), (
        f"compare({a.text!r}, {b.text!r}) returned {compare(a.text, b.text)}, but simplify gave "
        f"{sa!r} and {sb!r}: equal classes must be written alike, different ones differently."
    )


@EXPRESSION_LAW
@given(ONE_TERM, st.sampled_from(["n", "log n", "2^n", "n!", "n^2 log n"]))
def test_multiplying_by_a_growing_factor_always_ranks_higher(term, factor):
    """t * f is strictly above t for any growing factor f, and t * 7 is level with t."""
    grown = compare(f"{term} * {factor}", term)
    level = compare(f"7 * {term}", term)
    assert grown == 1, (
        f"Called compare({term + ' * ' + factor!r}, {term!r}). It returned {grown!r}, expected 1: "
        f"{factor} grows without bound, so multiplying by it moves a class up."
    )
    assert level == 0, (
        f"Called compare({'7 * ' + term!r}, {term!r}). It returned {level!r}, expected 0: a "
        "constant factor never changes a class."
    )


@given(st.integers(1, 60), st.integers(0, 20), st.integers(2, 9))
def test_an_exponential_beats_any_polynomial(a, b, c):
    """n^a log^b n < c^n for every a, b and every base c >= 2."""
    poly = f"n^{a} log^{b} n" if b else f"n^{a}"
    got = compare(poly, f"{c}^n")
    assert got == -1, (
        f"Called compare({poly!r}, '{c}^n'). It returned {got!r}, expected -1: an exponential "
        "beats every polynomial once n is large enough, however small it looks at n = 10."
    )


@given(st.integers(1, 60), st.integers(0, 20))
def test_a_higher_power_beats_any_log_factor(a, b):
    """n^a log^b n < n^(a+1) for every b: n grows faster than any power of log n."""
    slower = f"n^{a} log^{b} n" if b else f"n^{a}"
    got = compare(slower, f"n^{a + 1}")
    assert got == -1, (
        f"Called compare({slower!r}, 'n^{a + 1}'). It returned {got!r}, expected -1: "
        "n / log^b n grows without bound for every b."
    )


@given(st.integers(0, 30), st.integers(2, 1000))
def test_a_larger_base_and_then_a_factorial_beat_any_exponential(a, c):
    """n^a * c^n < (c+1)^n < n! for every a and c."""
    smaller = f"n^{a} * {c}^n" if a else f"{c}^n"
    larger = f"{c + 1}^n"
    got = compare(smaller, larger)
    assert got == -1, (
        f"Called compare({smaller!r}, {larger!r}). It returned {got!r}, expected -1: "
        f"({c + 1}/{c})^n grows faster than any power of n."
    )
    got = compare(larger, "n!")
    assert got == -1, (
        f"Called compare({larger!r}, 'n!'). It returned {got!r}, expected -1: n! beats every "
        "exponential (n!/c^n grows without bound)."
    )


@EXPRESSION_LAW
@given(st.lists(ONE_VARIABLE.map(lambda d: d.text), max_size=5, unique=True))
def test_rank_is_a_stable_sort_by_compare(classes):
    """rank reorders its input: each class at most the next, equal classes in input order."""
    got = rank(classes)
    assert Counter(got) == Counter(classes), (
        f"Called rank({classes!r}). It returned {got!r}, which is not the same strings reordered."
    )
    position = {c: i for i, c in enumerate(classes)}
    for left, right in itertools.pairwise(got):
        order = compare(left, right)
        assert order < 0 or (order == 0 and position[left] < position[right]), (
            f"Called rank({classes!r}). It returned {got!r}, where {left!r} comes before "
            f"{right!r} although compare says {order} and they were given in the other order."
        )
