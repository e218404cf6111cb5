"""A vertex counts as seen only once it is finished: an edge back to a vertex still on the
current path is taken for a tree edge and the vertex is discovered again, so DFS goes round a
cycle forever.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from checker.harness.trace import Trace

KATA = "trace-dfs"


def dfs(graph: Mapping[Hashable, Sequence[Hashable]], trace: Trace) -> list[Hashable]:
    discovered: dict[Hashable, int] = {}
    visited: set[Hashable] = set()  # the bug: filled on finish, so grey vertices look unseen
    order: list[Hashable] = []
    for root in graph:
        if root in visited:
            continue
        discovered[root] = len(discovered)
        trace.discover(root)
        stack = [(root, 0)]
        while stack:
            u, i = stack.pop()
            neighbours = graph.get(u, ())
            if i == len(neighbours):
                visited.add(u)
                order.append(u)
                trace.finish(u)
                continue
            stack.append((u, i + 1))
            v = neighbours[i]
            if v not in visited:
                trace.edge(u, v, "tree")
                discovered[v] = len(discovered)
                trace.discover(v)
                stack.append((v, 0))
            elif discovered[u] < discovered[v]:
                trace.edge(u, v, "forward")
            else:
                trace.edge(u, v, "cross")
    return order
