"""Prefix sums and difference arrays: pay for one pass, then answer range questions cheaply.

1. ``RangeSums(items)``: after building once over a fixed list, ``total(i, j)`` returns
   ``sum(items[i:j])`` for any ``0 <= i <= j <= len(items)`` in O(1), whatever the range's length.
2. ``count_subarrays_with_sum(nums, k)``: how many non-empty runs ``nums[i:j]`` add up to
   exactly ``k``. Numbers may be negative or zero, so a window that grows does not always grow
   its sum: a sliding window gives wrong answers here.
3. ``apply_increments(n, updates)``: start from ``n`` zeros; each update ``(start, stop, delta)``
   adds ``delta`` to every position in ``range(start, stop)`` (``0 <= start <= stop <= n``).
   Return the final list.

The tests count additions and subtractions: the numbers they pass (the items, the nums, each
update's delta) count every ``+`` and ``-`` they take part in, ``sum()`` included. They work with
ints and with each other, compare and hash like ints, and ``+`` or ``-`` gives a plain int. The
tests never time your code. The bounds to meet, with n the length of the list:

- ``RangeSums``: building over n items and then answering n queries costs O(n) in all. Summing
  each range when asked costs up to n per query, O(n^2) for n queries.
- ``count_subarrays_with_sum``: O(n). Trying every run costs O(n^2).
- ``apply_increments``: O(n + u) for u updates; the tests use u = n, so O(n). Adding each delta
  to every position of its range costs O(n·u), O(n^2) with u = n.

Before you write a body, fill in its ``@declare``: the pattern's name in the catalogue, the time
and extra-space classes of the code you are about to write, the brute force's time class, and
one line on why the pattern beats it. Classes are in terms of n with everything else as above
(for ``RangeSums``, time is the build plus n queries; u = n for ``apply_increments``); space is
what you allocate beyond the input, the returned list and the object you build included. The
tests check the name against the catalogue and both classes against what they measure.

Why it matters: "many range sums over a fixed array", "subarray sum equals k" and "many range
updates, read once at the end" are the signals. A sum over a range is a difference of two
prefix sums; an update to a range is a difference of two point changes.

Docs: docs/stage2_patterns.md#prefix-sums-and-difference-arrays
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from checker.harness.patterns import declare


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
class RangeSums:
    """Sums of any slice of a fixed list of numbers, each answered in O(1).

    >>> RangeSums([3, -1, 4, 1, 5]).total(1, 4)
    4
    """

    def __init__(self, items: Sequence[int]) -> None:
        """Build once over ``items`` in O(n); ``items`` does not change afterwards.

        >>> RangeSums([]).total(0, 0)
        0
        """
        raise NotImplementedError

    def total(self, i: int, j: int) -> int:
        """``sum(items[i:j])``, for ``0 <= i <= j <= len(items)``, in O(1).

        >>> RangeSums([3, -1, 4]).total(0, 3)
        6
        """
        raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def count_subarrays_with_sum(nums: Sequence[int], k: int) -> int:
    """How many non-empty runs ``nums[i:j]`` add up to exactly ``k``; negatives allowed.

    >>> count_subarrays_with_sum([1, -1, 0], 0)
    3
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def apply_increments(n: int, updates: Iterable[tuple[int, int, int]]) -> list[int]:
    """``n`` zeros after adding each ``delta`` to ``range(start, stop)`` for every update.

    >>> apply_increments(5, [(1, 4, 2), (2, 5, 3), (0, 3, -2)])
    [-2, 0, 3, 5, 3]
    """
    raise NotImplementedError
