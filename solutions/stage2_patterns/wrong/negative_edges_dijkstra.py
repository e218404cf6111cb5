"""Dijkstra's algorithm on a graph with negative edges: each vertex is final the first time it
is the closest, so a negative edge examined later never corrects it (and a negative cycle is
never noticed).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from typing import Any

from checker.harness.patterns import declare
from solutions.stage2_patterns.negative_edges import *  # noqa: F403

KATA = "negative-edges"


@declare(
    pattern="dijkstra",
    time="O(n log n)",
    space="O(n)",
    brute_force="O(2^n)",
    beats="the closest unfinished vertex is always final, so each is settled once",
)
def bellman_ford(n: int, edges: Sequence[tuple[int, int, Any]], source: int) -> list[float]:
    out: list[list[tuple[int, Any]]] = [[] for _ in range(n)]
    for u, v, w in edges:
        out[u].append((v, w))
    dist: list[Any] = [math.inf] * n
    dist[source] = 0
    done = [False] * n
    queue = [(0, source)]
    while queue:
        d, u = heapq.heappop(queue)
        if done[u]:
            continue
        done[u] = True
        for v, w in out[u]:
            if not done[v] and d + w < dist[v]:
                dist[v] = d + w
                heapq.heappush(queue, (dist[v], v))
    return dist
