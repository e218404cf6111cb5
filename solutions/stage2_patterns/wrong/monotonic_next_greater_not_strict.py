"""next_greater pops on <= instead of <: an equal item is taken for a greater one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from solutions.stage2_patterns.monotonic import largest_rectangle, window_max  # noqa: F401
from solutions.stage2_patterns.monotonic import next_greater as _correct

KATA = "monotonic-stack"


def next_greater(items: Sequence[Any]) -> list[Any | None]:
    answers: list[Any | None] = [None] * len(items)
    waiting: list[int] = []
    for i, item in enumerate(items):
        while waiting and items[waiting[-1]] <= item:  # the bug: equal is not greater
            answers[waiting.pop()] = item
        waiting.append(i)
    return answers


next_greater.approach = _correct.approach  # type: ignore[attr-defined]
