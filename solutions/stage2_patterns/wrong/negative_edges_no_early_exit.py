"""Bellman-Ford that always runs all n rounds, even after a round that changed nothing: right
answers, but n·E relaxations on a graph one round would have settled.
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
    parent = [-1] * n
    lowered = -1
    for _ in range(n):  # the bug: no early exit when a round lowers nothing
        lowered = -1
        for u, v, w in edges:
            if dist[u] != math.inf and dist[u] + w < dist[v]:
                dist[v], parent[v], lowered = dist[u] + w, u, v
    if lowered < 0:
        return dist
    on_cycle = lowered
    for _ in range(n):
        on_cycle = parent[on_cycle]
    cycle, v = [on_cycle], parent[on_cycle]
    while v != on_cycle:
        cycle.append(v)
        v = parent[v]
    raise NegativeCycleError(cycle[::-1])  # noqa: F405
