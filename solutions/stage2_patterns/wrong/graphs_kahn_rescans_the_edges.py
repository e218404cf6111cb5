"""topological_order finds each next vertex by rescanning every edge for the vertices that still
have an unplaced predecessor: right answers, but V·E edge reads, quadratic on sparse graphs."""

from __future__ import annotations

from solutions.stage2_patterns.graphs import *  # noqa: F403  (the other problems, unchanged)
from solutions.stage2_patterns.graphs import declare, topological_order

KATA = "graphs"


@declare(**vars(topological_order.approach))
def topological_order(n, edges):
    placed = [False] * n
    order = []
    for _ in range(n):
        blocked = [False] * n
        for u, v in edges:  # the bug: every edge, again, for every vertex placed
            if not placed[u]:
                blocked[v] = True
        free = [v for v in range(n) if not placed[v] and not blocked[v]]
        if not free:
            left = [v for v in range(n) if not placed[v]]
            raise ValueError(f"cycle: vertices {left} cannot be ordered")
        placed[free[0]] = True
        order.append(free[0])
    return order
