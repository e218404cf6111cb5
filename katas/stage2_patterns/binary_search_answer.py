"""Binary search on the answer: the smallest value that passes a yes/no test that only flips once.

1. ``first_bad_version(n, is_bad)``: versions 1, 2, ..., n were released in order, and from some
   version on every one is bad: ``is_bad(v)`` is False up to that version and True from it on.
   Return the first bad version, or ``n + 1`` when none is. Call ``is_bad`` only with versions
   1..n; each call is expensive (think: a build and a test run), so make O(log n) of them.
2. ``min_ship_capacity(weights, days)``: LeetCode 1011. Parcels of the given weights leave in
   list order; each day a ship carries the next parcels whose total fits its capacity, never
   splitting one. Return the smallest capacity that ships them all within ``days`` days.
   ``weights`` is non-empty, every weight is at least 1, and ``days >= 1``.

The bounds to meet, in calls to ``is_bad`` and in reads of ``weights`` (the tests pass a list
that counts them; they never time your code):

- ``first_bad_version``: O(log n) calls. Trying the versions in order costs up to n.
- ``min_ship_capacity``: O(n log n) reads, with n = ``len(weights)``, every weight a whole number
  from 1 to n and ``days`` held fixed. The answer then lies between ``max(weights) <= n`` and
  ``sum(weights) <= n^2``, so halving that range takes about 2·log2(n) steps, each reading the
  weights once. Trying every capacity from ``max(weights)`` up reads the weights once per
  capacity: up to n^2 capacities, O(n^3) in all.

Before you write a body, fill in its ``@declare``: the pattern's name in the catalogue, the time
and extra-space classes of the code you are about to write (in terms of n, everything else
fixed as above), the brute force's time class, and one line on why the pattern beats it. The
tests check the name against the catalogue and both classes against what they measure.

Why it matters: "the smallest x such that ...", "the first version that ...", "the minimum
capacity (speed, size, time) that still works" are the signal. When the yes/no test is
monotone (false, false, ..., true, true) one probe rules out half of the candidates. Keep an
invariant for your two bounds and make sure every step shrinks the range, or the loop never
ends.

Docs: docs/stage2_patterns.md#binary-search-on-the-answer
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from checker.harness.patterns import declare


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def first_bad_version(n: int, is_bad: Callable[[int], bool]) -> int:
    """The first version v in 1..n with ``is_bad(v)`` true, or ``n + 1`` if there is none.

    >>> first_bad_version(5, lambda v: v >= 4)
    4
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def min_ship_capacity(weights: Sequence[int], days: int) -> int:
    """The smallest ship capacity that carries ``weights``, in order, within ``days`` days.

    >>> min_ship_capacity([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)
    15
    """
    raise NotImplementedError
