"""When two pointers break: two-sum on unsorted input, answered with the original positions.

"Find two numbers that add up to target" reads like two pointers: one at each end, move the
left one up when the sum is too small and the right one down when it is too big. That rule is
sound only on SORTED input, where moving a pointer is guaranteed to raise or lower the sum. On
unsorted input it walks past pairs, and sorting first moves every number away from the
position the caller asked about.

Solve it two ways, with the same answer:

- ``two_sum``: one pass with a dict from value to the first position it was seen at, looking
  up ``target - x`` before storing ``x``: O(n).
- ``two_sum_by_sorting``: sort ``(value, original index)`` pairs, then walk two pointers over
  them, reporting original indices: O(n log n) for the sort. Equal values end up side by side
  in index order, so the first pair of each run of equal values holds that value's earliest
  position.

Both return original indices ``(i, j)`` with ``i < j``. When several pairs qualify, the answer is
the pair completed first reading left to right: the smallest ``j``, and for that ``j`` the
smallest ``i``. In [11, 2, 15, 7, 2] with target 9 both (1, 3) and (3, 4) add up to 9; the answer
is (1, 3).

Before you code, fill in ``SWITCH`` (the tempting pattern, the id of its precondition this input
breaks, what to use instead, the cost of that replacement, and why in one line) and the
``@declare`` above each function, with classes in terms of n = len(nums). The tests count every
``+``, ``-``, comparison and hash made with the numbers; they never time your code.

Why it matters: "hash it or sort it?" is the trade-off behind every join a database runs: a hash
join is O(n) with O(n) memory, a sort-merge join O(n log n) but happy with ordered input. Name
the precondition, and you can say which one fits.

Docs: docs/stage2_patterns.md#when-two-pointers-break-unsorted-input
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import Switch, declare

# Switch(pattern="...", broken="...", use="...", cost="O(...)", because="...")
SWITCH = Switch()


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def two_sum(nums: Sequence[int], target: int) -> tuple[int, int] | None:
    """Original indices ``(i, j)``, ``i < j``, with ``nums[i] + nums[j] == target``, or None.

    Of several such pairs: the smallest ``j``, then the smallest ``i``. Uses a dict, O(n).

    >>> two_sum([11, 2, 15, 7, 2], 9)
    (1, 3)
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def two_sum_by_sorting(nums: Sequence[int], target: int) -> tuple[int, int] | None:
    """The same answer as ``two_sum``, found by sorting (value, index) pairs and two pointers.

    ``nums`` itself is not changed. O(n log n) for the sort, O(n) for the walk.

    >>> two_sum_by_sorting([11, 2, 15, 7, 2], 9)
    (1, 3)
    """
    raise NotImplementedError
