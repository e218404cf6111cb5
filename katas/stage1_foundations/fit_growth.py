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

# The answers classify may give, slowest-growing first. O(2^n) stands for every c^n with c > 1.
CLASSES = ("O(1)", "O(log n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)", "O(n!)")


def classify(points: list[tuple[int, float]]) -> str:
    """Return the class in CLASSES that the counts grow like; ValueError under three sizes.

    ``points`` are (n, count) pairs in any order: n a whole number >= 1, count a number >= 0.

    >>> classify([(16, 256), (32, 1024), (64, 4096), (128, 16384)])
    'O(n^2)'
    """
    raise NotImplementedError
