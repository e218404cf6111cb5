"""Dijkstra without the negative-edge check: it returns an answer for any graph, and with a
negative edge behind an expensive one (s -1-> t, s -5-> a -(-10)-> t) that answer is wrong."""

from __future__ import annotations

import heapq

from solutions.stage2_patterns.dijkstra import (
    _EVERY_NODE,
    declare,
    shortest_distances,
    shortest_path,
)

KATA = "dijkstra"


def _settle(graph, source, target=_EVERY_NODE):
    final, best, parent = {}, {source: 0}, {}
    heap = [(0, 0, source)]
    pushed = 0
    while heap:
        distance, _, u = heapq.heappop(heap)
        if u in final:
            continue
        final[u] = distance
        if u == target:
            break
        for v, weight in graph.get(u, ()):  # the bug: no check that weight >= 0
            if v not in final and (v not in best or distance + weight < best[v]):
                best[v] = distance + weight
                parent[v] = u
                pushed += 1
                heapq.heappush(heap, (best[v], pushed, v))
    return final, parent


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
