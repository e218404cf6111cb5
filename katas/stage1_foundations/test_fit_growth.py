"""Tests for fit_growth.classify: exact, shifted, noisy and near-tie series of every class.

The series are built here from the textbook growth functions, independently of your code. A
noisy series comes from a seed; every failure names it, so you can replay the exact series.
"""

from __future__ import annotations

import math
import random
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from katas.stage1_foundations.fit_growth import classify

GROWTH = {
    "O(1)": lambda n: 1.0,
    "O(log n)": lambda n: math.log2(n),
    "O(n)": lambda n: float(n),
    "O(n log n)": lambda n: n * math.log2(n),
    "O(n^2)": lambda n: float(n) ** 2,
    "O(n^3)": lambda n: float(n) ** 3,
    "O(2^n)": lambda n: 2.0**n,
    "O(n!)": lambda n: float(math.factorial(n)),
}
NAMES = tuple(GROWTH)
EXPONENTIAL = ("O(2^n)", "O(n!)")

DOUBLING = (16, 32, 64, 128, 256, 512, 1024, 2048, 4096)
STEPS = tuple(range(4, 14))  # the exponential classes, whose counts explode under doubling
# Noisy series get many sizes over a wide range: 21 sizes from 16 to 16,384 (or n = 5 to 25).
WIDE = tuple(round(2 ** (i / 2)) for i in range(8, 29))
WIDE_STEPS = tuple(range(5, 26))
NOISE = 0.10

REPLAY = (
    'Replay it: python -c "from katas.stage1_foundations.test_fit_growth import noisy_series; '
    "from katas.stage1_foundations.fit_growth import classify; "
    "print(classify(noisy_series('{name}', {seed})))\""
)


def _sizes(name: str) -> tuple[int, ...]:
    return STEPS if name in EXPONENTIAL else DOUBLING


def _noisy(name: str, seed: int) -> tuple[list[tuple[int, float]], str]:
    """A series of class ``name``, and the formula behind it before the noise."""
    rng = random.Random(f"fit-growth:{name}:{seed}")
    f = GROWTH[name]
    sizes = WIDE_STEPS if name in EXPONENTIAL else WIDE
    a = 10 ** rng.uniform(-1, 3)
    terms = [(a, name[2:-1])]
    lower = None
    if name != "O(1)":
        # A constant overhead and a lower-order term, each at most the leading term at the
        # smallest size: they blur the start of the series, the leading term still wins.
        offset = rng.uniform(0, a * f(sizes[0]))
        rank = NAMES.index(name)
        if rank >= 2:
            lower = NAMES[rng.randrange(1, rank)]
            weight = rng.uniform(0, a * f(sizes[0]) / GROWTH[lower](sizes[0]))
            terms.append((weight, lower[2:-1]))
        terms.append((offset, "1"))
    points = []
    for n in sizes:
        exact = sum(w * (GROWTH[f"O({term})"](n) if term != "1" else 1.0) for w, term in terms if w)
        points.append((n, exact * rng.uniform(1 - NOISE, 1 + NOISE)))
    formula = " + ".join(f"{w:.3g}·{term}" if term != "1" else f"{w:.3g}" for w, term in terms)
    if len(terms) > 1:
        formula = f"({formula})"
    return points, f"{formula} × a random factor in [{1 - NOISE:g}, {1 + NOISE:g}] per point"


def noisy_series(name: str, seed: int) -> list[tuple[int, float]]:
    """The noisy series of class ``name`` for ``seed``: the same on every machine and Python."""
    return _noisy(name, seed)[0]


def _shown(points: list[tuple[int, float]]) -> str:
    return "[" + ", ".join(f"({n}, {c:.6g})" for n, c in points) + "]"


def _ratios(points: list[tuple[int, float]]) -> str:
    return ", ".join(f"{c / p:.3g}" if p else "-" for (_, p), (_, c) in pairwise(sorted(points)))


def _check(points: list[tuple[int, float]], expected: str, described: str, advice: str) -> None:
    got = classify(list(points))
    if got != expected:
        raise AssertionError(
            f"Called classify(points) with {described}:\n  points = {_shown(points)}\n"
            f"It returned {got!r}, expected {expected!r}.\n"
            f"  Each count over the one before: {_ratios(points)}\n  {advice}"
        )


@pytest.mark.parametrize(
    "a, b", [(1, 0), (3, 7), (0.5, 100)], ids=["bare", "scaled-with-overhead", "big-overhead"]
)
@pytest.mark.parametrize("name", NAMES)
def test_an_exact_series_is_named_by_its_class(name, a, b):
    points = [(n, a * GROWTH[name](n) + b) for n in _sizes(name)]
    _check(
        points,
        name,
        f"the exact counts {a:g}·{name[2:-1]} + {b:g}",
        "A constant factor and a constant overhead never change the class: fit a·f(n) + b "
        "for every class rather than reading f(n) off the counts alone.",
    )


@pytest.mark.parametrize(
    "name, formula, count, sizes",
    [
        ("O(n^2)", "n^2 + 1000·n", lambda n: n * n + 1000 * n, (64, 128, 256, 512, 1024, 2048)),
        ("O(n^3)", "n^3 + 100·n^2", lambda n: n**3 + 100 * n * n, DOUBLING[:7]),
        ("O(n log n)", "n·log n + 20·n", lambda n: n * math.log2(n) + 20 * n, DOUBLING),
        ("O(n)", "n + 50·log n + 1000", lambda n: n + 50 * math.log2(n) + 1000, DOUBLING),
        ("O(2^n)", "2^n + n^3", lambda n: 2**n + n**3, tuple(range(5, 17))),
        ("O(n!)", "n! + 100·2^n", lambda n: math.factorial(n) + 100 * 2**n, STEPS),
    ],
    ids=["n^2+1000n", "n^3+100n^2", "nlogn+20n", "n+50logn+1000", "2^n+n^3", "n!+100*2^n"],
)
def test_a_lower_order_term_does_not_change_the_class(name, formula, count, sizes):
    """At these sizes the lower-order term is still large, yet the leading term decides."""
    _check(
        [(n, float(count(n))) for n in sizes],
        name,
        f"the exact counts of {formula}",
        "The lower-order term is big here, so a fit of a·f(n) + b alone misses; give every "
        "class room for one lower-order term too: a·f(n) + b·g(n) + c, with g a slower class.",
    )


@pytest.mark.parametrize(
    "name, formula, count",
    [
        ("O(n log n)", "n·log n", lambda n: n * math.log2(n)),
        ("O(n)", "7·n + 3", lambda n: 7 * n + 3),
        ("O(log n)", "5·log n + 1000", lambda n: 5 * math.log2(n) + 1000),
    ],
    ids=["n-log-n", "linear", "log-n-on-a-big-constant"],
)
def test_a_near_tie_over_a_narrow_range_is_still_told_apart(name, formula, count):
    """Three exact counts: n·log n doubles to 2.2 and 2.18 times the count, 7·n + 3 to 2.0."""
    _check(
        [(n, float(count(n))) for n in (1024, 2048, 4096)],
        name,
        f"the exact counts of {formula} at three sizes",
        "Exact counts leave no noise to hide behind: the class that fits them exactly wins, "
        "however close another one comes. Keep your tolerance for noise relative to how well "
        "the best class fits.",
    )


@given(name=st.sampled_from(NAMES), seed=st.integers(0, 2**32 - 1))
def test_ten_percent_noise_does_not_change_the_class(name, seed):
    """Every count times its own factor in [0.9, 1.1] still reads as the class it came from."""
    points, formula = _noisy(name, seed)
    _check(
        points,
        name,
        f"seed {seed}: {formula}",
        "A faster class can always bend to chase noisy points, so the smallest error is not "
        "enough: take the slowest class that fits about as well as the best one, allowing "
        f"for the noise the best fit leaves. {REPLAY.format(name=name, seed=seed)}",
    )


# A law about classify itself, not about one class: 50 series are plenty.
@settings(max_examples=50)
@given(
    name=st.sampled_from(NAMES),
    seed=st.integers(0, 2**32 - 1),
    scale=st.floats(1e-6, 1e6),
)
def test_scaling_every_count_by_a_constant_never_changes_the_answer(name, seed, scale):
    """classify(counts) == classify(scale · counts): a constant factor is not growth."""
    points = noisy_series(name, seed)
    scaled = [(n, c * scale) for n, c in points]
    plain, got = classify(list(points)), classify(scaled)
    if got != plain:
        raise AssertionError(
            f"Called classify on the seed-{seed} series of {name}, then on the same counts times "
            f"{scale!r}. It returned {plain!r}, then {got!r}: a constant factor changed the "
            "answer. Judge each fit by relative error, (fit - count) / count, and keep absolute "
            f"thresholds out of it. {REPLAY.format(name=name, seed=seed)}"
        )


# A law about classify itself, not about one class: 50 series are plenty.
@settings(max_examples=50)
@given(
    name=st.sampled_from(NAMES),
    seed=st.integers(0, 2**32 - 1),
    order=st.permutations(range(len(WIDE))),
)
def test_the_order_of_the_points_does_not_matter(name, seed, order):
    """classify(points) is the same for every ordering of the same points."""
    points = noisy_series(name, seed)
    shuffled = [points[i] for i in order]
    plain, got = classify(list(points)), classify(shuffled)
    if got != plain:
        raise AssertionError(
            f"Called classify on the seed-{seed} series of {name} sorted by n, then shuffled to "
            f"{_shown(shuffled)}. It returned {plain!r}, then {got!r}. Sort the points by n first."
        )


@pytest.mark.parametrize(
    "points",
    [[], [(16, 5.0)], [(16, 5.0), (32, 9.0)], [(16, 5.0), (16, 5.5), (32, 9.0)]],
    ids=["no-points", "one-size", "two-sizes", "three-points-at-two-sizes"],
)
def test_fewer_than_three_sizes_is_a_value_error(points):
    """Two sizes fit every class through a constant factor and an offset: no trend to read."""
    try:
        got = classify(points)
    except ValueError:
        return
    raise AssertionError(
        f"Called classify({points!r}). It returned {got!r}, but counts at fewer than three "
        "different sizes cannot show a trend: raise ValueError saying so."
    )
