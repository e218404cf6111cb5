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

from collections import deque
from collections.abc import Sequence
from typing import Any

from checker.harness.patterns import declare

# The key idea, for all three: keep the candidates that can still be an answer in a stack (or a
# deque) ordered by value. When a new item arrives, every candidate it beats is done for good:
# pop it (and, for next_greater, that pop IS its answer). Each index is pushed once and popped
# at most once, so the comparisons add up to at most about 2n, never n per item.


@declare(
    pattern="monotonic-stack",
    time="O(n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="an item beaten by a newer one leaves the stack for good, so each is popped once",
)
def next_greater(items: Sequence[Any]) -> list[Any | None]:
    """For each item, the first item to its right that is strictly greater, or None.

    >>> next_greater([2, 7, 3, 5, 4, 6, 8, 8])
    [7, 8, 5, 6, 6, 8, None, None]
    """
    answers: list[Any | None] = [None] * len(items)
    waiting: list[int] = []  # indexes still looking; their items never increase bottom to top
    for i, item in enumerate(items):
        while waiting and items[waiting[-1]] < item:
            answers[waiting.pop()] = item
        waiting.append(i)
    return answers


@declare(
    pattern="monotonic-stack",
    time="O(n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="each bar is popped once, when the first lower bar ends its widest rectangle",
)
def largest_rectangle(heights: Sequence[Any]) -> int:
    """The largest area of a rectangle under the histogram; bars have width 1.

    >>> largest_rectangle([2, 1, 5, 6, 2, 3])
    10
    """
    best = 0
    rising: list[int] = []  # indexes of bars whose heights rise bottom to top
    n = len(heights)
    for i in range(n + 1):
        # Past the last bar, every bar left on the stack is closed (as if a bar of height 0).
        while rising and (i == n or heights[rising[-1]] >= heights[i]):
            height = heights[rising.pop()]
            # The popped bar spans from just after the bar below it on the stack up to i.
            left = rising[-1] + 1 if rising else 0
            best = max(best, height * (i - left))
        rising.append(i)
    return best


@declare(
    pattern="monotonic-deque",
    time="O(n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="items beaten by a newer one leave the deque, so each enters and leaves once",
)
def window_max(items: Sequence[Any], k: int) -> list[Any]:
    """The maximum of each window of ``k`` consecutive items, left to right.

    ``[]`` when there are fewer than ``k`` items; ``ValueError`` when ``k`` < 1.

    >>> window_max([1, 3, 2, 5, 4, 1], 3)
    [3, 5, 5, 5]
    """
    if k < 1:
        raise ValueError(f"window_max needs a window of at least 1 item, not k={k}")
    maxima: list[Any] = []
    window: deque[int] = deque()  # indexes; their items strictly fall from front to back
    for i, item in enumerate(items):
        while window and items[window[-1]] <= item:
            window.pop()  # beaten by a newer, larger item: never a window's maximum again
        window.append(i)
        if window[0] <= i - k:
            window.popleft()  # slid out of the window
        if i >= k - 1:
            maxima.append(items[window[0]])
    return maxima
