"""Two pointers: three array problems, each solved in one pass with O(1) extra space.

1. ``pair_sum(items, target)``: ``items`` is sorted ascending. Return the index pair
   ``(i, j)``, ``i < j``, with ``items[i] + items[j] == target``, or ``None`` if no pair adds up.
   When several pairs do, return the one with the smallest ``i`` and, for that ``i``, the largest
   ``j``: the pair that two pointers walking in from both ends meet first.
2. ``dedup_sorted(items)``: LeetCode 26. ``items`` is sorted; move each distinct value, once and
   in order, to the front of the list itself and return how many there are, ``k``. What is left
   after index ``k`` does not matter. O(1) extra space: no second list, no set.
3. ``max_water(heights)``: container with most water. Lines of the given heights stand at
   positions 0, 1, 2, ...; the lines at ``i < j`` hold ``(j - i) * min(heights[i], heights[j])``
   units of water. Return the most any two lines hold (0 with fewer than two lines).

The bound to meet: at most a few reads, writes and moves per item, O(n) in all. The tests pass a
list that counts them (an ``insert`` or ``del`` in the middle counts one move for every item it
shifts) and never time your code. Each brute force is O(n^2): trying every pair, or deleting
duplicates one by one, which shifts the whole tail of the list each time.

Before you write a body, fill in its ``@declare``: the pattern's name in the catalogue, the time
and extra-space classes of the code you are about to write, the brute force's time class, and one
line on why the pattern beats it. Classes are in terms of n, the length of the list; extra space
is what you allocate beyond the input. The tests check the name against the catalogue and both
classes against what they measure, so a wrong claim fails like wrong code.

Why it matters: "sorted", "pair", "in place" and "from both ends" in a statement are the signal.
Sorted order means one comparison tells you which pointer to move, ruling out a whole row of
pairs at once; that is the difference between n and n^2 steps.

Docs: docs/stage2_patterns.md#two-pointers
"""

from __future__ import annotations

from collections.abc import MutableSequence, Sequence

from checker.harness.patterns import declare


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def pair_sum(items: Sequence[int], target: int) -> tuple[int, int] | None:
    """The pair ``(i, j)``, ``i < j``, of sorted ``items`` adding up to ``target``, or ``None``.

    Several pairs: the smallest ``i``, then the largest ``j``.

    >>> pair_sum([-4, -1, 0, 3, 8], -1)
    (0, 3)
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def dedup_sorted(items: MutableSequence[int]) -> int:
    """Move each distinct value of the sorted ``items`` to the front, once, in order; return k.

    >>> xs = [0, 0, 1, 1, 1, 2]; k = dedup_sorted(xs); k, xs[:k]
    (3, [0, 1, 2])
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def max_water(heights: Sequence[int]) -> int:
    """The most water two of the lines hold: max of ``(j - i) * min(heights[i], heights[j])``.

    >>> max_water([1, 8, 6, 2, 5, 4, 8, 3, 7])
    49
    """
    raise NotImplementedError
