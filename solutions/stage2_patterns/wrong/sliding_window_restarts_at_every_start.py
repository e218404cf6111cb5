"""longest_with_k_distinct starts a run at every position and extends it: right, but O(n^2)."""

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
    best = 0
    for start in range(len(s)):  # the bug: every start re-reads the run that the last one read
        seen: set[str] = set()
        for stop in range(start, len(s)):
            seen.add(s[stop])
            if len(seen) > k:
                break
            best = max(best, stop + 1 - start)
    return best
