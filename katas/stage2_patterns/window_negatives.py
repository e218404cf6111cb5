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

# Switch(pattern="...", broken="...", use="...", cost="O(...)", because="...")
SWITCH = Switch()


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def longest_subarray_with_sum(nums: Sequence[int], k: int) -> int:
    """The length of the longest contiguous run of ``nums`` whose sum is exactly ``k``; 0 if none.

    Numbers may be negative, zero or positive; so may ``k``. A run has at least one item.

    >>> longest_subarray_with_sum([1, -1, 5, -2, 3], 3)
    4
    """
    raise NotImplementedError
