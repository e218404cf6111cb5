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

# The key idea: prefix[k] = items[0] + ... + items[k - 1], with prefix[0] = 0 for the empty
# prefix. Then sum(items[i:j]) = prefix[j] - prefix[i]: one subtraction however long the range.
# The difference array is the same idea run backwards: a range update is two point changes,
# and one prefix sum at the end turns the changes back into values.


@declare(
    pattern="prefix-sums",
    time="O(n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="each range sum is a difference of two stored prefix sums instead of a fresh loop",
)
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
        # One slot more than items: prefix[0] = 0 makes a range starting at 0 no special case.
        self._prefix = [0]
        for item in items:
            self._prefix.append(self._prefix[-1] + item)

    def total(self, i: int, j: int) -> int:
        """``sum(items[i:j])``, for ``0 <= i <= j <= len(items)``, in O(1).

        >>> RangeSums([3, -1, 4]).total(0, 3)
        6
        """
        return self._prefix[j] - self._prefix[i]


@declare(
    pattern="prefix-sums",
    time="O(n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="a hash map of earlier prefix sums finds every matching start in one lookup",
)
def count_subarrays_with_sum(nums: Sequence[int], k: int) -> int:
    """How many non-empty runs ``nums[i:j]`` add up to exactly ``k``; negatives allowed.

    >>> count_subarrays_with_sum([1, -1, 0], 0)
    3
    """
    # nums[i:j] sums to k exactly when prefix[j] - prefix[i] == k. Walking j forward, count how
    # many earlier prefixes equal prefix[j] - k. The empty prefix (0, seen once) stands for the
    # runs that start at index 0. No sign assumption anywhere, unlike a sliding window.
    seen = {0: 1}
    running = count = 0
    for num in nums:
        running = running + num
        count += seen.get(running - k, 0)
        seen[running] = seen.get(running, 0) + 1
    return count


@declare(
    pattern="difference-array",
    time="O(n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="each update touches two cells, and one prefix pass at the end applies them all",
)
def apply_increments(n: int, updates: Iterable[tuple[int, int, int]]) -> list[int]:
    """``n`` zeros after adding each ``delta`` to ``range(start, stop)`` for every update.

    >>> apply_increments(5, [(1, 4, 2), (2, 5, 3), (0, 3, -2)])
    [-2, 0, 3, 5, 3]
    """
    # diff[p] = value[p] - value[p - 1]. Adding delta to range(start, stop) raises the step at
    # start and lowers it again at stop; the slot at index n absorbs updates that run to the end.
    diff = [0] * (n + 1)
    for start, stop, delta in updates:
        diff[start] += delta
        diff[stop] -= delta
    values = []
    running = 0
    for step in diff[:n]:
        running += step
        values.append(running)
    return values
