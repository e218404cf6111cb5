"""When the window breaks: the longest subarray summing to k, when numbers may be negative.

"Longest contiguous run whose sum is k" reads like a sliding window: grow the right end, and
shrink from the left while the sum is too big. That rule is only sound when every number is
>= 0, because then shrinking can only lower the sum and growing can only raise it. Let one
number be negative and a window that is "too big" now may fit exactly after the next item, so
the shrinking throws away starts the answer needed. In [1, -1, 5, -2, 3] with k = 3 the answer
is the first four items; a window that shrinks whenever its sum passes 3 never sees them.

Solve it in O(n) anyway, with a different idea: the sum of ``nums[i + 1 : j + 1]`` is the
difference of two running totals, ``prefix[j] - prefix[i]``. Walking left to right, the
longest run ending at j that sums to k starts right after the EARLIEST position whose running
total was ``prefix[j] - k``. Remember the first position of every running total you have seen.

Before you code, fill in ``SWITCH``: the pattern the statement tempts you with, the id of its
precondition that negative numbers break (see the catalogue in the docs), the pattern to use
instead, its time class, and one line on why the tempting one fails. Then fill in the
``@declare`` above the function (classes in terms of n = len(nums)).

The bound: O(n) operations on the numbers. The tests hand you numbers that count every ``+``,
``-``, comparison and hash made with them, wherever it happens; they never time your code.

Why it matters: "subarray sum equals k" is an interview staple, and running totals with a dict
are how a ledger or a metrics store answers "which stretch added up to exactly this?" when the
values go both ways: refunds, withdrawals, corrections.

Docs: docs/stage2_patterns.md#when-the-window-breaks-negative-numbers
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import Switch, declare

SWITCH = Switch(
    pattern="sliding-window",
    broken="monotone-window",
    use="prefix-sums",
    cost="O(n)",
    because="after a negative number a window that was too big can fit again, so shrinking skips",
)


# The key idea: sum(nums[i + 1 : j + 1]) == prefix[j] - prefix[i], so a run ending at j sums to
# k exactly when some earlier running total equals prefix[j] - k. Keeping the FIRST index of each
# running total makes that run the longest one ending at j; the empty prefix (total 0) sits at
# index -1 so runs that start at 0 count too. No rule about shrinking a window is needed, so the
# signs of the numbers do not matter. One pass, one dict lookup and one insert per number.
@declare(
    pattern="prefix-sums",
    time="O(n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="a dict of first positions finds the best start for each end in one lookup",
)
def longest_subarray_with_sum(nums: Sequence[int], k: int) -> int:
    """The length of the longest contiguous run of ``nums`` whose sum is exactly ``k``; 0 if none.

    Numbers may be negative, zero or positive; so may ``k``. A run has at least one item.

    >>> longest_subarray_with_sum([1, -1, 5, -2, 3], 3)
    4
    """
    first = {0: -1}  # running total -> the earliest index where it was reached
    total = 0
    best = 0
    for i, x in enumerate(nums):
        total += x
        start = first.get(total - k)
        if start is not None and i - start > best:
            best = i - start
        if total not in first:  # keep the earliest: a later one would only give shorter runs
            first[total] = i
    return best
