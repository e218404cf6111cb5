"""topological_order uses a first-in-first-out queue of free vertices instead of taking the
smallest: a valid order, but not the one the problem asks for (2, 1, 0 free: 2 goes first)."""

from __future__ import annotations

from collections import deque

from solutions.stage2_patterns.graphs import *  # noqa: F403  (the other problems, unchanged)
from solutions.stage2_patterns.graphs import declare, topological_order

KATA = "graphs"


@declare(**vars(topological_order.approach))
def topological_order(n, edges):
    successors = [[] for _ in range(n)]
    waiting = [0] * n
    for u, v in edges:
        successors[u].append(v)
        waiting[v] += 1
    free = deque(v for v in range(n) if waiting[v] == 0)
    order = []
    while free:
        u = free.popleft()  # the bug: oldest free vertex, not the smallest
        order.append(u)
        for v in successors[u]:
            waiting[v] -= 1
            if waiting[v] == 0:
                free.append(v)
    if len(order) < n:
        left = [v for v in range(n) if waiting[v] > 0]
        raise ValueError(f"cycle: vertices {left} cannot be ordered")
    return order
