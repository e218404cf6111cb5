"""Heap swaps predicted in the right order but written (child, parent) instead of the
convention's (parent, child).
"""

from __future__ import annotations

from solutions.stage2_patterns.predict import *  # noqa: F403

KATA = "predict-the-trace"


def heap_swaps() -> list[tuple[int, int]]:
    return [(1, 0), (2, 0), (3, 1), (4, 1), (1, 0), (6, 2), (1, 0), (4, 1)]
