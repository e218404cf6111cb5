"""Fit the growth: name the complexity class that a series of operation counts grows like.

Build `classify`: given (n, count) pairs measured at several input sizes, return the class in
`CLASSES` that the counts grow like as n grows. This is what the checker does to your code in
every complexity test, and what you do in your head when you read a profiler's numbers: here you
build it, so you know what such a verdict can and cannot tell you.

Real counts are never a clean f(n). Your classifier must see through:

- a constant factor: 3·n² and 0.01·n² are both O(n^2);
- a constant overhead and lower-order terms: 0.5·n + 100 is O(n), n² + 1000·n is O(n^2) even
  at sizes where the linear term is still the bigger one;
- noise: every count multiplied by its own random factor between 0.9 and 1.1, when the sizes
  span a wide range (21 sizes from 16 to 16,384; n = 5 to 25 for the exponential classes).

Exact counts must be told apart even over a narrow range: n·log₂ n and 7·n + 3 at n = 1024,
2048 and 4096 are different classes. Scaling every count by the same constant, or listing the
points in another order, never changes the answer. Fewer than three different sizes cannot show
a trend: raise ValueError.

The standard library is enough: a least-squares fit of two or three terms is a small system of
linear equations. The tests call classify a few hundred times, so keep a call to milliseconds.

Docs: docs/stage1_foundations.md#fit-the-growth
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable

# The answers classify may give, slowest-growing first. O(2^n) stands for every c^n with c > 1.
CLASSES = ("O(1)", "O(log n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)", "O(n!)")

# The key idea, in three parts.
#
# 1. Fit, do not eyeball ratios. Every class gets the model  count ≈ a·f(n) + b·g(n) + c, where
#    f is the class, g any slower class and c a constant: room for a fixed overhead (or saving)
#    and one lower-order term, so n² + 1000·n fits O(n^2) exactly. a and b must be >= 0: a
#    negative weight lets slower terms bend like a faster one (a·n - b·log n curves upward,
#    as n·log n does). c may take either sign, since a constant cannot bend anything.
# 2. Judge the fit by relative error, (fit - count) / count, so the point at n = 16 weighs as
#    much as the one at n = 16,384, and scaling every count by a constant changes nothing.
# 3. Prefer the slowest class that fits as well as the best one *up to the noise*. A faster
#    class can always bend a little to chase noisy points, so "smallest error wins" reads noise
#    as growth. How much worse a slower class may fit is set by the noise the best fit leaves
#    behind; on exact counts that is nothing, so a near-tie is still decided.

NOISE_ALLOWANCE = 40.0  # a slower class may trail the best fit by this many noise variances
NOISE_CAP = 0.01  # per point: ±10% noise leaves about 0.0033; more is a misfit, not noise
EXACT = 1e-20  # a sum of squared relative errors this small is floating-point rounding


def _log2(n: int) -> float:
    return math.log2(n) if n > 1 else 0.0


def _power_of_two(n: int) -> float:
    return math.ldexp(1.0, n) if n <= 1000 else math.inf


def _factorial(n: int) -> float:
    return math.exp(math.lgamma(n + 1)) if n <= 170 else math.inf


GROWTH: tuple[Callable[[int], float], ...] = (
    lambda n: 1.0,
    _log2,
    lambda n: float(n),
    lambda n: n * _log2(n),
    lambda n: float(n) ** 2,
    lambda n: float(n) ** 3,
    _power_of_two,
    _factorial,
)


def classify(points: list[tuple[int, float]]) -> str:
    """Return the class in CLASSES that the counts grow like; ValueError under three sizes.

    ``points`` are (n, count) pairs in any order: n a whole number >= 1, count a number >= 0.

    >>> classify([(16, 256), (32, 1024), (64, 4096), (128, 16384)])
    'O(n^2)'
    """
    sizes, counts = _checked(points)
    if max(counts) == 0:
        return CLASSES[0]  # nothing to grow
    columns = _weighted_columns(sizes, counts)
    residuals = {rank: _best_fit(rank, columns) for rank in columns}
    best = min(residuals.values())
    # The noise per point that even the best fit could not explain (3 fitted parameters). When
    # nothing fits, the leftover is not noise: capping it keeps "anything goes" from winning.
    noise = min(best / max(len(counts) - 3, 1), NOISE_CAP)
    allowance = max(EXACT, NOISE_ALLOWANCE * noise)
    slowest = min(rank for rank, residual in residuals.items() if residual <= best + allowance)
    return CLASSES[slowest]


def _checked(points: list[tuple[int, float]]) -> tuple[list[int], list[float]]:
    sizes: list[int] = []
    counts: list[float] = []
    for point in points:
        n, count = point
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise ValueError(f"size {n!r} in {point!r}: sizes are whole numbers >= 1")
        if not isinstance(count, int | float) or not math.isfinite(count) or count < 0:
            raise ValueError(f"count {count!r} in {point!r}: counts are finite numbers >= 0")
        sizes.append(n)
        counts.append(float(count))
    if len(set(sizes)) < 3:
        raise ValueError(
            f"classify needs counts at three or more different sizes to see a trend; "
            f"got sizes {sorted(set(sizes))}"
        )
    return sizes, counts


def _weighted_columns(sizes: list[int], counts: list[float]) -> dict[int, list[float]]:
    """Each class's f(n_i) / count_i, scaled to a maximum of 1; classes that overflow are out.

    Dividing by the count turns least squares into least *relative* squares; the scaling keeps
    n! and 1 equally well conditioned. A count of 0 has no relative error, so it is weighed like
    the smallest count that is not 0.
    """
    floor = min(c for c in counts if c > 0)
    columns = {}
    for rank, f in enumerate(GROWTH):
        column = [f(n) / max(c, floor) for n, c in zip(sizes, counts, strict=True)]
        top = max(column)
        if not all(math.isfinite(x) for x in column) or not 0 < top < 1e300:
            continue  # 2^n at n = 16,384 is not a candidate, it is an overflow
        columns[rank] = [x / top for x in column]
    return columns


def _best_fit(rank: int, columns: dict[int, list[float]]) -> float:
    """Smallest squared relative error of a·f + b·g + c (a, b >= 0) over slower classes g.

    The constrained optimum is an unconstrained least-squares fit on the terms it keeps, so
    fitting with and without g, and keeping fits with no negative weight, is exact. (A fit with
    a = 0 is a slower class's fit, which that class already tries.)
    """
    f, one = columns[rank], columns[0]
    if rank == 0:
        return _fit([one])
    supports = [[f, one]]
    supports += [[f, columns[lower], one] for lower in range(1, rank) if lower in columns]
    return min(_fit(support) for support in supports)


def _fit(columns: list[list[float]]) -> float:
    """The residual of the least-squares fit; infinity if a growing term needs a negative weight.

    The last column is the constant, whose weight may take either sign.
    """
    weights = _least_squares(columns)
    if weights is None or min(weights[:-1], default=0.0) < 0:
        return math.inf
    fitted = [0.0] * len(columns[0])
    for w, column in zip(weights, columns, strict=True):
        fitted = [f + w * x for f, x in zip(fitted, column, strict=True)]
    return sum((f - 1.0) ** 2 for f in fitted)


def _least_squares(columns: list[list[float]]) -> list[float] | None:
    """Weights minimising sum((Σ w_j·col_j[i] - 1)²), by modified Gram-Schmidt.

    None when the columns are linearly dependent: the same fit is found with fewer of them.
    """
    k = len(columns)
    basis: list[list[float]] = []
    r = [[0.0] * k for _ in range(k)]
    for j, column in enumerate(columns):
        v = column
        for i, q in enumerate(basis):
            d = sum(map(operator.mul, q, v))
            r[i][j] = d
            v = [a - d * b for a, b in zip(v, q, strict=True)]
        norm = math.sqrt(sum(map(operator.mul, v, v)))
        if norm <= 1e-9 * math.sqrt(sum(map(operator.mul, column, column))):
            return None
        r[j][j] = norm
        basis.append([a / norm for a in v])
    target = [sum(q) for q in basis]  # Qᵀ·1
    weights = [0.0] * k
    for j in reversed(range(k)):
        tail = sum(r[j][i] * weights[i] for i in range(j + 1, k))
        weights[j] = (target[j] - tail) / r[j][j]
    return weights
