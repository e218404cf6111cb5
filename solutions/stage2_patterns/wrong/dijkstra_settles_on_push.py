"""Dijkstra that marks a node finished when it is first pushed, as BFS does: the first route
found to a node is kept even when a cheaper one (more edges, smaller weights) turns up later."""

from __future__ import annotations

import heapq

from solutions.stage2_patterns.dijkstra import (
    _EVERY_NODE,
    _refuse,
    declare,
    shortest_distances,
    shortest_path,
)

KATA = "dijkstra"


def _settle(graph, source, target=_EVERY_NODE):
    best, parent = {source: 0}, {}
    heap = [(0, 0, source)]
    pushed = 0
    while heap:
        distance, _, u = heapq.heappop(heap)
        if u == target:
            break
        for v, weight in graph.get(u, ()):
            if weight < 0:
                _refuse(u, v, weight)
            if v not in best:  # the bug: the first distance found is taken as final
                best[v] = distance + weight
                parent[v] = u
                pushed += 1
                heapq.heappush(heap, (best[v], pushed, v))
    return best, parent


@declare(**vars(shortest_distances.approach))
def shortest_distances(graph, source):
    return _settle(graph, source)[0]


@declare(**vars(shortest_path.approach))
def shortest_path(graph, source, target):
    final, parent = _settle(graph, source, target)
    if target not in final:
        return None
    path = [target]
    while path[-1] != source:
        path.append(parent[path[-1]])
    return path[::-1]
