"""longest_with_k_distinct keeps characters whose count fell to 0, and asks `in counts` if new.

A character that left the window and comes back is still a key, so it is not counted as a new
distinct character: the window ends up holding more than k of them, and the answer is too long.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import declare
from solutions.stage2_patterns.sliding_window import min_window_cover  # noqa: F401

KATA = "sliding-window"


@declare(
    pattern="sliding-window",
    time="O(n)",
    space="O(1)",
    brute_force="O(n^2)",
    beats="each end of the window only moves forward, so no run is recounted from scratch",
)
def longest_with_k_distinct(s: Sequence[str], k: int) -> int:
    counts: dict[str, int] = {}
    distinct = best = left = 0
    for right in range(len(s)):
        char = s[right]
        if char not in counts:  # the bug: a key left at 0 is in counts but not in the window
            distinct += 1
        counts[char] = counts.get(char, 0) + 1
        while distinct > k:
            gone = s[left]
            counts[gone] -= 1
            if counts[gone] == 0:
                distinct -= 1
            left += 1
        best = max(best, right - left + 1)
    return best
