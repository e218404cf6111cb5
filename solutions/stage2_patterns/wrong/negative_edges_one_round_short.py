"""Bellman-Ford with n - 2 rounds of relaxation instead of n - 1: a shortest path of n - 1
edges is not settled when the cycle check runs, so the check reports a negative cycle that
is not there.
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
    for _ in range(n - 2):  # the bug: a path can have n - 1 edges
        changed = False
        for u, v, w in edges:
            if dist[u] != math.inf and dist[u] + w < dist[v]:
                dist[v], parent[v], changed = dist[u] + w, u, True
        if not changed:
            return dist
    for u, v, w in edges:
        if dist[u] != math.inf and dist[u] + w < dist[v]:
            on_cycle = v
            for _ in range(n):
                on_cycle = parent[on_cycle] if parent[on_cycle] >= 0 else on_cycle
            raise NegativeCycleError([on_cycle])  # noqa: F405
    return dist
