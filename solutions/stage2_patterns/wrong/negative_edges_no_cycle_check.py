"""Bellman-Ford that runs its n - 1 rounds and returns: no extra round, so a reachable negative
cycle goes unreported and the distances returned are just where the rounds happened to stop.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from checker.harness.patterns import declare
from solutions.stage2_patterns.negative_edges import *  # noqa: F403

KATA = "negative-edges"


@declare(
    pattern="bellman-ford",
    time="O(n^2)",
    space="O(n)",
    brute_force="O(2^n)",
    beats="relaxing every edge n - 1 times settles each path without listing the paths",
)
def bellman_ford(n: int, edges: Sequence[tuple[int, int, Any]], source: int) -> list[float]:
    dist: list[Any] = [math.inf] * n
    dist[source] = 0
    for _ in range(n - 1):
        changed = False
        for u, v, w in edges:
            if dist[u] != math.inf and dist[u] + w < dist[v]:
                dist[v], changed = dist[u] + w, True
        if not changed:
            break
    return dist  # the bug: no round n to find a distance that still drops
