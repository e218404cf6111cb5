"""The textbook recursive DFS: every trace is right, but a path of 3,000 vertices needs 3,000
nested calls and CPython raises RecursionError at about 1,000.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from checker.harness.trace import Trace

KATA = "trace-dfs"


def dfs(graph: Mapping[Hashable, Sequence[Hashable]], trace: Trace) -> list[Hashable]:
    discovered: dict[Hashable, int] = {}
    finished: set[Hashable] = set()
    order: list[Hashable] = []

    def visit(u: Hashable) -> None:
        discovered[u] = len(discovered)
        trace.discover(u)
        for v in graph.get(u, ()):
            if v not in discovered:
                trace.edge(u, v, "tree")
                visit(v)  # the bug: one frame per vertex on the current path
            elif v not in finished:
                trace.edge(u, v, "back")
            elif discovered[u] < discovered[v]:
                trace.edge(u, v, "forward")
            else:
                trace.edge(u, v, "cross")
        finished.add(u)
        order.append(u)
        trace.finish(u)

    for root in graph:
        if root not in discovered:
            visit(root)
    return order
