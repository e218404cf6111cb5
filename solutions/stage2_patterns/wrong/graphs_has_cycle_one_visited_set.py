"""has_cycle keeps one visited set (two colours) instead of three: reaching a vertex that is
already finished, like the bottom of a diamond 0 -> 1 -> 3, 0 -> 2 -> 3, reads as a cycle."""

from __future__ import annotations

from solutions.stage2_patterns.graphs import *  # noqa: F403  (the other problems, unchanged)
from solutions.stage2_patterns.graphs import declare, has_cycle

KATA = "graphs"


@declare(**vars(has_cycle.approach))
def has_cycle(graph):
    visited = set()
    for root in graph:
        if root in visited:
            continue
        visited.add(root)
        stack = [(root, iter(graph.get(root, ())))]
        while stack:
            for nxt in stack[-1][1]:
                if nxt in visited:  # the bug: finished and on-the-path look the same
                    return True
                visited.add(nxt)
                stack.append((nxt, iter(graph.get(nxt, ()))))
                break
            else:
                stack.pop()
    return False
