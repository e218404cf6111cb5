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

# The key idea: search for the boundary of a monotone yes/no test, not for a value. Keep a
# half-open range [lo, hi) with the invariant "the answer is in [lo, hi]": every candidate below
# lo fails, hi passes (or is the "none" answer). mid = (lo + hi) // 2 is always < hi, so both
# branches shrink the range, and about log2(hi - lo) probes decide it.


@declare(
    pattern="binary-search",
    time="O(log n)",
    space="O(1)",
    brute_force="O(n)",
    beats="the test is monotone, so one probe rules out half of the versions left",
)
def first_bad_version(n: int, is_bad: Callable[[int], bool]) -> int:
    """The first version v in 1..n with ``is_bad(v)`` true, or ``n + 1`` if there is none.

    >>> first_bad_version(5, lambda v: v >= 4)
    4
    """
    # Invariant: versions below lo are good; hi is bad, or n + 1 (the answer when none is).
    lo, hi = 1, n + 1
    while lo < hi:
        mid = (lo + hi) // 2  # rounds down, so mid < hi <= n + 1: always a real version
        if is_bad(mid):
            hi = mid  # mid may be the first bad one: keep it
        else:
            lo = mid + 1  # mid is good: the first bad one is after it
    return lo


def _ships_within(weights: Sequence[int], days: int, capacity: int) -> bool:
    """Whether loading greedily, day by day, ships everything within ``days`` at ``capacity``."""
    used, load = 1, 0
    for weight in weights:
        if load + weight > capacity:  # the parcel waits for the next day's ship
            used += 1
            if used > days:
                return False
            load = 0
        load += weight
    return True


@declare(
    pattern="binary-search",
    time="O(n log n)",
    space="O(1)",
    brute_force="O(n^3)",
    beats="shipping in time is monotone in capacity, so each check halves the range left",
)
def min_ship_capacity(weights: Sequence[int], days: int) -> int:
    """The smallest ship capacity that carries ``weights``, in order, within ``days`` days.

    >>> min_ship_capacity([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)
    15
    """
    # A capacity below the heaviest parcel never works; the total ships everything in one day.
    # If a capacity works, every larger one does too (loading greedily is optimal for a fixed
    # capacity), so search [max, sum] for the first capacity that works.
    lo, hi = max(weights), sum(weights)
    while lo < hi:
        mid = (lo + hi) // 2
        if _ships_within(weights, days, mid):
            hi = mid
        else:
            lo = mid + 1
    return lo
