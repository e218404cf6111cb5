"""window_max takes max() of every window: right answers, but k comparisons per window."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from solutions.stage2_patterns.monotonic import largest_rectangle, next_greater  # noqa: F401
from solutions.stage2_patterns.monotonic import window_max as _correct

KATA = "monotonic-stack"


def window_max(items: Sequence[Any], k: int) -> list[Any]:
    if k < 1:
        raise ValueError(f"window_max needs a window of at least 1 item, not k={k}")
    return [max(items[i : i + k]) for i in range(len(items) - k + 1)]  # the bug: n·k


window_max.approach = _correct.approach  # type: ignore[attr-defined]
