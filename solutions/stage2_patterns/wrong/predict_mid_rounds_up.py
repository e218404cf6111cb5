"""Binary search predicted with mid rounded up, (lo + hi + 1) // 2, and a range that then
never closes: the probes and the turns both part from lower_bound at the first probe.
"""

from __future__ import annotations

from solutions.stage2_patterns.predict import *  # noqa: F403

KATA = "predict-the-trace"


def binary_search_probes() -> list[tuple[int, int, int]]:
    # (0 + 11 + 1) // 2 = 6: items[6] = 8, left; (0 + 6 + 1) // 2 = 3: 5 < 8, right; ...
    return [(0, 6, 11), (0, 3, 6), (4, 5, 6), (4, 5, 5)]


def binary_search_turns() -> list[str]:
    return ["left", "right", "left", "left"]
