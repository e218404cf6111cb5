"""largest_rectangle measures a popped bar's span from the bar below it, not just after it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from solutions.stage2_patterns.monotonic import largest_rectangle as _correct
from solutions.stage2_patterns.monotonic import next_greater, window_max  # noqa: F401

KATA = "monotonic-stack"


def largest_rectangle(heights: Sequence[Any]) -> int:
    best = 0
    rising: list[int] = []
    n = len(heights)
    for i in range(n + 1):
        while rising and (i == n or heights[rising[-1]] >= heights[i]):
            height = heights[rising.pop()]
            left = rising[-1] if rising else 0  # the bug: the lower bar is not in the span
            best = max(best, height * (i - left))
        rising.append(i)
    return best


largest_rectangle.approach = _correct.approach  # type: ignore[attr-defined]
