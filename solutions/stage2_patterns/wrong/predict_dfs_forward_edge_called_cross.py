"""DFS events predicted in the right order, but the edge a -> c, which reaches a finished
descendant of a, called cross instead of forward (the head is finished either way; only the
discovery order tells them apart).
"""

from __future__ import annotations

from solutions.stage2_patterns import predict as _solution
from solutions.stage2_patterns.predict import *  # noqa: F403

KATA = "predict-the-trace"


def dfs_events() -> list[tuple[str, ...]]:
    forward = ("edge", "a", "c", "forward")
    return [("edge", "a", "c", "cross") if e == forward else e for e in _solution.dfs_events()]
