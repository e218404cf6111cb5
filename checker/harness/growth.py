"""Growth verdicts from operation counts: which class a cost grows like, and whether it fits.

A kata measures a function at doubling sizes over several seeded input families (random,
sorted, reversed, all-equal, few-unique, organ-pipe), counting operations with the instruments
in ``counting``. Two verdicts come out, and both are exact on every run:

- ``classify``: the class from O(1) to O(n!) that the counts grow like. Each class is fitted as
  ``count ≈ a·f(n) + b`` by least squares on relative error (so every size weighs the same and a
  constant overhead is absorbed by ``b``); the class with the smallest residual wins, and a
  near-tie goes to the slower class only when it is clearly better.
- a **budget** ``count <= k·f(n)``, with ``k`` calibrated on the reference solution and written
  into the kata's test. The counter stops the function as soon as the budget is exceeded, so a
  quadratic submission fails in milliseconds at the first size that gives it away.

Failure messages print the counts per size, the doubling ratios and the class they imply.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from checker.harness.counting import BudgetExceeded, Counter


@dataclass(frozen=True)
class Growth:
    """A complexity class: its name, its growth function and its rank (slowest = 0)."""

    name: str
    rank: int
    f: Callable[[int], float] = field(compare=False, repr=False)

    def __str__(self) -> str:
        return self.name


def _log(n: int) -> float:
    return math.log2(max(n, 2))


CONSTANT = Growth("O(1)", 0, lambda n: 1.0)
LOGARITHMIC = Growth("O(log n)", 1, _log)
LINEAR = Growth("O(n)", 2, lambda n: float(n))
LINEARITHMIC = Growth("O(n log n)", 3, lambda n: n * _log(n))
QUADRATIC = Growth("O(n^2)", 4, lambda n: float(n) ** 2)
CUBIC = Growth("O(n^3)", 5, lambda n: float(n) ** 3)
EXPONENTIAL = Growth("O(2^n)", 6, lambda n: 2.0 ** min(n, 1000))
FACTORIAL = Growth("O(n!)", 7, lambda n: math.exp(math.lgamma(min(n, 170) + 1)))

CLASSES: tuple[Growth, ...] = (
    CONSTANT,
    LOGARITHMIC,
    LINEAR,
    LINEARITHMIC,
    QUADRATIC,
    CUBIC,
    EXPONENTIAL,
    FACTORIAL,
)
_BY_NAME = {g.name: g for g in CLASSES}


def growth(name: str) -> Growth:
    """The class called ``name`` (``"O(n log n)"``, ``"O(n^2)"`` ...)."""
    try:
        return _BY_NAME[name]
    except KeyError:
        known = ", ".join(_BY_NAME)
        raise ValueError(f"unknown class {name!r}; known classes: {known}") from None


# -- classifying a series ---------------------------------------------------------------------


def _fit(points: Sequence[tuple[int, float]], g: Growth) -> float:
    """Residual of the best ``count ≈ a·f(n) + b`` (a, b >= 0) in relative error.

    Minimises sum((a·f(n)/c + b/c - 1)²): every size weighs the same however large its count.
    The two columns are scaled to unit size before solving, so counts of 10 and of 10^12 are
    equally well conditioned.
    """
    rows = [(g.f(n) / max(c, 1.0), 1.0 / max(c, 1.0)) for n, c in points]
    scale_u = max(abs(u) for u, _ in rows) or 1.0
    scale_v = max(abs(v) for _, v in rows) or 1.0
    rows = [(u / scale_u, v / scale_v) for u, v in rows]

    def residual(a: float, b: float) -> float:
        return sum((a * u + b * v - 1.0) ** 2 for u, v in rows)

    uu = sum(u * u for u, _ in rows)
    vv = sum(v * v for _, v in rows)
    uv = sum(u * v for u, v in rows)
    su, sv = sum(u for u, _ in rows), sum(v for _, v in rows)
    # One-term fits (a·f(n) alone, b alone), then both terms when both come out >= 0.
    candidates = [(su / uu if uu else 0.0, 0.0), (0.0, sv / vv if vv else 0.0)]
    det = uu * vv - uv * uv
    if det > 1e-12 * uu * vv:
        a = (vv * su - uv * sv) / det
        b = (uu * sv - uv * su) / det
        if a >= 0 and b >= 0:
            candidates.append((a, b))
    return min(residual(a, b) for a, b in candidates)


def classify(points: Sequence[tuple[int, float]]) -> Growth:
    """The class the series grows like; needs at least three sizes.

    Every class gets the same two parameters, so a faster class cannot win by having more
    freedom; on a near-tie (residuals within 1e-9) the slower class wins.
    """
    points = sorted(points)
    if len(points) < 3:
        raise ValueError("classify needs counts at three or more sizes")
    fits = [(_fit(points, g), g.rank, g) for g in CLASSES]
    best = min(fits, key=lambda t: (t[0], t[1]))
    for residual, _, g in fits:  # the slowest class that fits as well as the best one
        if residual <= best[0] + 1e-9:
            return g
    return best[2]


def is_flat(points: Sequence[tuple[int, float]], slack: float = 1.5) -> bool:
    """True when the largest size costs at most ``slack`` times the smallest: O(1) in practice.

    ``classify`` has no tolerance, so 1000, 1003, 1001, 1006 reads as growing; a constant-time
    claim is judged by this instead (together with a budget).
    """
    points = sorted(points)
    return points[-1][1] <= slack * max(points[0][1], 1)


def doubling_ratios(points: Sequence[tuple[int, float]]) -> list[float | None]:
    """count(n_i) / count(n_{i-1}) for each size after the first (None where undefined)."""
    points = sorted(points)
    return [(c / p) if p > 0 else None for (_, p), (_, c) in itertools.pairwise(points)]


# -- input families ---------------------------------------------------------------------------

FAMILIES = ("random", "sorted", "reversed", "all-equal", "few-unique", "organ-pipe")


def family_input(family: str, n: int, seed: int | str = 0) -> list[int]:
    """``n`` integers of one family, the same for the same (family, n, seed) on every Python."""
    rng = random.Random(f"{seed}:{family}:{n}")
    if family == "random":
        return [rng.randrange(4 * n + 1) for _ in range(n)]
    if family == "sorted":
        return sorted(rng.randrange(4 * n + 1) for _ in range(n))
    if family == "reversed":
        return sorted((rng.randrange(4 * n + 1) for _ in range(n)), reverse=True)
    if family == "all-equal":
        return [7] * n
    if family == "few-unique":
        return [rng.randrange(4) for _ in range(n)]
    if family == "organ-pipe":  # up then down: a classic worst case for naive quicksort pivots
        half = n // 2
        return list(range(half)) + list(range(n - half, 0, -1))
    raise ValueError(f"unknown input family {family!r}; known: {', '.join(FAMILIES)}")


# -- measuring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    """Counts of one input family at increasing sizes; ``stopped`` if a budget was exceeded."""

    family: str
    points: tuple[tuple[int, int], ...]
    stopped: tuple[int, int] | None = None  # (n, budget) where the budget ran out


@dataclass(frozen=True)
class Measurement:
    what: str  # e.g. "comparisons made by sort_items(items)"
    series: tuple[Series, ...]
    budget: str | None = None  # e.g. "4·n log n"

    @property
    def stopped(self) -> Series | None:
        return next((s for s in self.series if s.stopped), None)

    def worst(self) -> Series:
        """The family with the fastest-growing counts (ties: the largest final count)."""
        complete = [s for s in self.series if len(s.points) >= 3]
        if not complete:
            return self.series[0]
        return max(complete, key=lambda s: (classify(s.points).rank, s.points[-1][1]))


def measure(
    run: Callable[[Counter, str, int], object],
    sizes: Sequence[int],
    *,
    what: str,
    families: Iterable[str] = FAMILIES,
    budget: tuple[float, Growth] | None = None,
    kinds: Iterable[str] | None = None,
) -> Measurement:
    """Count ``run(counter, family, n)`` at each size for each family.

    ``budget=(k, growth)`` gives each run a counter capped at ``k·growth.f(n)`` operations of
    ``kinds`` (default: every kind); a family stops at the first size whose budget runs out.
    """
    kinds = tuple(kinds) if kinds is not None else None
    results = []
    for family in families:
        points: list[tuple[int, int]] = []
        stopped = None
        for n in sizes:
            cap = budget[0] * budget[1].f(n) if budget else None
            counter = Counter(budget=cap, budgeted=kinds)
            try:
                run(counter, family, n)
            except BudgetExceeded:
                stopped = (n, math.floor(cap))
                points.append((n, counter.total))
                break
            points.append((n, counter.total))
        results.append(Series(family, tuple(points), stopped))
    label = f"{budget[0]:g}·{budget[1].name[2:-1]}" if budget else None
    return Measurement(what, tuple(results), label)


# -- verdicts ---------------------------------------------------------------------------------


def report(m: Measurement, expected: Growth | None = None) -> str:
    """The counts per size, the doubling ratios and the class they imply, for a learner."""
    lines = [f"Counted {m.what}."]
    for s in m.series:
        ratios = [None, *doubling_ratios(s.points)]
        implied = classify(s.points).name if len(s.points) >= 3 else "too few sizes to tell"
        lines.append(f"  input family {s.family}: grows like {implied}")
        lines.append(f"    {'n':>8}  {'count':>12}  {'x prev':>7}")
        for (n, count), ratio in zip(s.points, ratios, strict=True):
            shown = "" if ratio is None else f"{ratio:7.2f}"
            cap = "  (stopped: over budget)" if s.stopped and s.stopped[0] == n else ""
            lines.append(f"    {n:>8}  {count:>12}  {shown:>7}{cap}".rstrip())
    if m.stopped is not None:
        n, cap = m.stopped.stopped
        lines.append(
            f"  The budget is {m.budget} operations; at n={n} ({m.stopped.family} input) "
            f"that is {cap}, and your code needed more."
        )
    if expected is not None:
        lines.append(
            f"  Expected at most {expected.name}: doubling n should multiply the count by about "
            f"{_typical_ratio(expected)}."
        )
    return "\n".join(lines)


def _typical_ratio(g: Growth) -> str:
    return {
        CONSTANT: "1",
        LOGARITHMIC: "1 (plus one step)",
        LINEAR: "2",
        LINEARITHMIC: "a little over 2",
        QUADRATIC: "4",
        CUBIC: "8",
    }.get(g, "far more than 8")


def assert_within(
    m: Measurement, expected: Growth, advice: str = "", *, budget_only: bool = False
) -> None:
    """Fail with the full report (and ``advice``, a line on what to try) unless the budget held
    and no family grows faster than ``expected``.

    ``budget_only`` judges the budget alone, for counts whose shape the two-parameter fit
    misreads at affordable sizes (a linear count with a cheap start reads as O(n log n)).
    """
    worst = m.worst()
    grows = classify(worst.points) if len(worst.points) >= 3 and not budget_only else None
    if m.stopped is not None or (grows is not None and grows.rank > expected.rank):
        raise AssertionError(report(m, expected) + (f"\n  {advice}" if advice else ""))
