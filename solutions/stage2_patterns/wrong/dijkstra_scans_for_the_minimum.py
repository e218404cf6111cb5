"""Dijkstra with the distances in a dict and no heap: each step scans every unfinished node for
the nearest. Right answers, but n comparisons per step, n² in all."""

from __future__ import annotations

from solutions.stage2_patterns.dijkstra import (
    _EVERY_NODE,
    _refuse,
    declare,
    shortest_distances,
    shortest_path,
)

KATA = "dijkstra"


def _settle(graph, source, target=_EVERY_NODE):
    final, best, parent = {}, {source: 0}, {}
    while best:
        u = min(best, key=best.__getitem__)  # the bug: a linear scan instead of a heap
        distance = final[u] = best.pop(u)
        if u == target:
            break
        for v, weight in graph.get(u, ()):
            if weight < 0:
                _refuse(u, v, weight)
            if v not in final and (v not in best or distance + weight < best[v]):
                best[v] = distance + weight
                parent[v] = u
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
