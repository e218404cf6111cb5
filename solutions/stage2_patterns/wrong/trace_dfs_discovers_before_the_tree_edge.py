"""A tree edge is recorded after the vertex it leads to is discovered, not before: the same
steps, two of them swapped every time the search goes one level deeper.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from checker.harness.trace import Trace

KATA = "trace-dfs"


def dfs(graph: Mapping[Hashable, Sequence[Hashable]], trace: Trace) -> list[Hashable]:
    discovered: dict[Hashable, int] = {}
    finished: set[Hashable] = set()
    order: list[Hashable] = []
    for root in graph:
        if root in discovered:
            continue
        discovered[root] = len(discovered)
        trace.discover(root)
        stack = [(root, 0)]
        while stack:
            u, i = stack.pop()
            neighbours = graph.get(u, ())
            if i == len(neighbours):
                finished.add(u)
                order.append(u)
                trace.finish(u)
                continue
            stack.append((u, i + 1))
            v = neighbours[i]
            if v not in discovered:
                discovered[v] = len(discovered)
                trace.discover(v)
                trace.edge(u, v, "tree")  # the bug: the edge is examined before v is reached
                stack.append((v, 0))
            elif v not in finished:
                trace.edge(u, v, "back")
            elif discovered[u] < discovered[v]:
                trace.edge(u, v, "forward")
            else:
                trace.edge(u, v, "cross")
    return order
