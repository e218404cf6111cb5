"""largest_rectangle tries every span with a running minimum: right, but O(n²) comparisons."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from solutions.stage2_patterns.monotonic import largest_rectangle as _correct
from solutions.stage2_patterns.monotonic import next_greater, window_max  # noqa: F401

KATA = "monotonic-stack"


def largest_rectangle(heights: Sequence[Any]) -> int:
    best = 0
    for i in range(len(heights)):  # the bug: every span, not one pass
        low = heights[i]
        for j in range(i, len(heights)):
            low = min(low, heights[j])
            best = max(best, low * (j - i + 1))
    return best


largest_rectangle.approach = _correct.approach  # type: ignore[attr-defined]
