"""Every edge to a finished vertex is called a cross edge: forward edges (to a vertex found
below u by another path) are never told apart, because the discovery order is not kept.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from checker.harness.trace import Trace

KATA = "trace-dfs"


def dfs(graph: Mapping[Hashable, Sequence[Hashable]], trace: Trace) -> list[Hashable]:
    discovered: set[Hashable] = set()
    finished: set[Hashable] = set()
    order: list[Hashable] = []
    for root in graph:
        if root in discovered:
            continue
        discovered.add(root)
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
                trace.edge(u, v, "tree")
                discovered.add(v)
                trace.discover(v)
                stack.append((v, 0))
            elif v not in finished:
                trace.edge(u, v, "back")
            else:
                trace.edge(u, v, "cross")  # the bug: forward when v was discovered after u
    return order
