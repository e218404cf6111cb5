"""When binary search breaks: the bottom of a valley, and the lowest point of anything.

"Find the x where f is smallest" sounds like a job for binary search: halve the range, keep the
half with the answer. But binary search needs a *monotone* yes/no test, false up to some point
and true from there on, and "is f(mid) above f(lo)?" is no such test: on a valley it can say
yes on both sides of the bottom, and the half you throw away may hold it.

Two problems, on integer functions f over the range lo..hi, both ends included (lo <= hi);
n = hi - lo + 1, the number of points:

- ``valley_bottom(f, lo, hi)``: f is strictly unimodal: it strictly falls, then strictly rises
  (either part may be empty, so the bottom can be at an end). Return the x where f is
  smallest, calling f O(log n) times: at most 5·log2(n) calls.
- ``lowest_point(f, lo, hi)``: f has no structure at all. Return the smallest x where f is
  smallest (the leftmost, on a tie), calling f at most 2n times.

The tests count your calls to f through a wrapper; they never time your code.

Before coding, fill in ``SWITCH`` (checker.harness.patterns.Switch): the pattern the problem
tempts you with, the id of its precondition that breaks here (the catalogue's ``needs``), the
pattern to use instead, the time class of that replacement in calls to f (in terms of n), and
``because``: one line on why the tempting pattern goes wrong. Fill in ``@declare`` on each
function too: its pattern, time and extra-space classes in terms of n, the class of the brute
force, and why the pattern beats it. The catalogue: docs/stage2_patterns.md#pattern-catalogue.

Why it matters: every search shortcut rests on a promise about the data. Name the promise, check
that the problem keeps it, and you know when to reach for something else: another shortcut
whose promise does hold, or the honest scan.

Docs: docs/stage2_patterns.md#when-binary-search-breaks-non-monotone-predicates
"""

from __future__ import annotations

from collections.abc import Callable

from checker.harness.patterns import Switch, declare

# The key idea: compare two inside points instead of one point with an end. On a strictly
# unimodal f, f(m1) < f(m2) (m1 < m2) rules out everything from m2 on: were the bottom at or past
# m2, f would still be falling between m1 and m2. Otherwise everything up to m1 is ruled out.
# Each round of two calls keeps two thirds of the range: 2·log_{3/2}(n) ≈ 3.4·log2(n) calls.
# (The same fact makes "f(x) < f(x + 1)" a monotone test, false before the bottom and true from
# it on, so binary search on that slope works too, in 2·log2(n) calls.) Without the promise of
# one valley, any unseen point could be the lowest: only a scan of every point is safe.

SWITCH = Switch(
    pattern="binary-search",
    broken="monotone-predicate",
    use="ternary-search",
    cost="O(log n)",
    because="comparing f(mid) with an end is true on both sides of the bottom",
)


@declare(
    pattern="ternary-search",
    time="O(log n)",
    space="O(1)",
    brute_force="O(n)",
    beats="each pair of calls rules out a third of the range the valley cannot be in",
)
def valley_bottom(f: Callable[[int], int], lo: int, hi: int) -> int:
    """Return the x in lo..hi where the strictly unimodal f is smallest, in O(log n) calls.

    >>> valley_bottom(lambda x: (x - 3) ** 2, 0, 10)
    3
    """
    while hi - lo > 2:
        third = (hi - lo) // 3
        m1, m2 = lo + third, hi - third
        if f(m1) < f(m2):
            hi = m2 - 1  # the bottom is left of m2
        else:
            lo = m1 + 1  # the bottom is right of m1 (between them when the two are equal)
    return min(range(lo, hi + 1), key=f)


@declare(
    pattern="linear-scan",
    time="O(n)",
    space="O(1)",
    brute_force="O(n^2)",
    beats="keeping the lowest so far checks each point once, not against every other",
)
def lowest_point(f: Callable[[int], int], lo: int, hi: int) -> int:
    """Return the smallest x in lo..hi where f is smallest; f may be any function.

    >>> lowest_point(lambda x: [5, 1, 4, 1, 9][x], 0, 4)
    1
    """
    # min() keeps the first of equal keys: the leftmost lowest point, one call per point.
    return min(range(lo, hi + 1), key=f)
