"""Fits a line to log(count) against log(n) and rounds its slope to a whole power of n.

The slope of n log n is a little above 1 and that of log n a little above 0, so both are read
as their neighbours: n log n comes out O(n), log n comes out O(1). A constant overhead flattens
the slope too.
"""

from __future__ import annotations

import math
from itertools import pairwise

KATA = "fit-the-growth"

CLASSES = ("O(1)", "O(log n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)", "O(n!)")


def classify(points: list[tuple[int, float]]) -> str:
    """Return O(n^k) for the rounded log-log slope k, or an exponential class above n^3."""
    ordered = sorted(points)
    if len({n for n, _ in ordered}) < 3:
        raise ValueError("classify needs counts at three or more different sizes")
    xs = [math.log(n) for n, _ in ordered]
    ys = [math.log(max(c, 1e-300)) for _, c in ordered]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    power = round(slope)
    if power <= 0:
        return "O(1)"
    if power <= 3:
        return ("O(n)", "O(n^2)", "O(n^3)")[power - 1]
    # Steeper than n^3: exponential. n! grows by a bigger factor at every step, 2^n by the same.
    steps = [c2 / c1 for (_, c1), (_, c2) in pairwise(ordered) if c1 > 0]
    return "O(n!)" if steps and steps[-1] > 1.5 * steps[0] else "O(2^n)"
