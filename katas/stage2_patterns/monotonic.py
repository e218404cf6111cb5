"""Monotonic stack and deque: next greater element, largest rectangle, sliding-window maximum.

Three problems whose brute force looks at every pair (an item and everything after it, every
bar and every span, every window and every item in it). Solve each in O(n) comparisons by
keeping a stack or a deque whose items stay in sorted order: an item that a newer one beats
can never be an answer again, so it leaves the structure, and every item enters and leaves at
most once.

- ``next_greater(items)``: for each item, the first item to its right that is strictly
  greater, or None. At most about 2n comparisons.
- ``largest_rectangle(heights)``: the largest area of a rectangle that fits under a histogram
  of bars of width 1. O(n) comparisons between heights.
- ``window_max(items, k)``: the maximum of every window of k consecutive items, left to right.
  O(n) comparisons whatever k is; rescanning each window costs n·k.

Before coding, fill in each ``@declare(...)``: the pattern (a name from the catalogue in the
docs), the time and extra-space classes of your code, the class of the brute force, and in one
line why the pattern beats it. Classes are in terms of n = len(items) (or len(heights)), with
everything else fixed, except that window_max is measured with k = n // 4, a window that grows
with the input. Space counts everything your call allocates, the list it returns included;
largest_rectangle's is measured on rising heights. The tests count comparisons between items
(they never time your code) and check your declared classes against the counts. The heights
they pass count their comparisons too: compare them and multiply them by a width, nothing else.

Why it matters: "the next event that beats this one", "the longest span under this price",
"the peak load of every 5-minute window" are the same question; a monotonic structure answers
all of them in one pass over a stream.

Docs: docs/stage2_patterns.md#monotonic-stack-and-deque
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.harness.patterns import declare


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def next_greater(items: Sequence[Any]) -> list[Any | None]:
    """For each item, the first item to its right that is strictly greater, or None.

    >>> next_greater([2, 7, 3, 5, 4, 6, 8, 8])
    [7, 8, 5, 6, 6, 8, None, None]
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def largest_rectangle(heights: Sequence[Any]) -> int:
    """The largest area of a rectangle under the histogram; bars have width 1.

    >>> largest_rectangle([2, 1, 5, 6, 2, 3])
    10
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def window_max(items: Sequence[Any], k: int) -> list[Any]:
    """The maximum of each window of ``k`` consecutive items, left to right.

    ``[]`` when there are fewer than ``k`` items; ``ValueError`` when ``k`` < 1.

    >>> window_max([1, 3, 2, 5, 4, 1], 3)
    [3, 5, 5, 5]
    """
    raise NotImplementedError
