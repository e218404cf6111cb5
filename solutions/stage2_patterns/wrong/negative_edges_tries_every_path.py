"""The brute force: try every simple path from the source and keep the cheapest to each vertex.
Right when there is no negative cycle, but a chain of k diamonds has 2^k paths.
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
    time="O(2^n)",
    space="O(n)",
    brute_force="O(n!)",
    beats="simple paths are fewer than all orderings of the vertices",
)
def bellman_ford(n: int, edges: Sequence[tuple[int, int, Any]], source: int) -> list[float]:
    out: list[list[tuple[int, Any]]] = [[] for _ in range(n)]
    for u, v, w in edges:
        out[u].append((v, w))
    best: list[Any] = [math.inf] * n
    on_path = [False] * n

    def walk(u: int, total: Any) -> None:
        best[u] = min(best[u], total)
        on_path[u] = True
        for v, w in out[u]:
            if not on_path[v]:
                walk(v, total + w)
        on_path[u] = False

    walk(source, 0)
    return best
