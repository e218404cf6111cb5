"""min_window_cover drops one character from the left per step, not all it can spare.

The window never becomes the shortest cover ending at right: on "aaab" with t = "ab" it
records "aaab" and then moves on, so "ab" is never seen.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import declare
from solutions.stage2_patterns.sliding_window import longest_with_k_distinct  # noqa: F401

KATA = "sliding-window"


@declare(
    pattern="sliding-window",
    time="O(n)",
    space="O(1)",
    brute_force="O(n^2)",
    beats="each end of the window only moves forward, so no run is recounted from scratch",
)
def min_window_cover(s: Sequence[str], t: str) -> str:
    if not t:
        return ""
    owed: dict[str, int] = {}
    for char in t:
        owed[char] = owed.get(char, 0) + 1
    missing = len(t)
    best_start, best_stop = 0, len(s) + 1
    left = 0
    for right in range(len(s)):
        char = s[right]
        if owed.get(char, 0) > 0:
            missing -= 1
        owed[char] = owed.get(char, 0) - 1
        if missing == 0:  # the bug: should be `while`, shrinking as long as t is still covered
            if right + 1 - left < best_stop - best_start:
                best_start, best_stop = left, right + 1
            first = s[left]
            owed[first] += 1
            if owed[first] > 0:
                missing += 1
            left += 1
    if best_stop > len(s):
        return ""
    return "".join(s[best_start:best_stop])
