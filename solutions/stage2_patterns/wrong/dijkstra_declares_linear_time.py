"""A correct heap-based Dijkstra declared as O(n) ("it is BFS with a queue"): every node goes
through the heap, and each push and pop costs log n comparisons, so it is O(n log n)."""

from __future__ import annotations

from solutions.stage2_patterns.dijkstra import declare
from solutions.stage2_patterns.dijkstra import shortest_distances as _distances
from solutions.stage2_patterns.dijkstra import shortest_path as _path

KATA = "dijkstra"


# the bug: the declared time leaves out the heap's log n per push and pop
@declare(**{**vars(_distances.approach), "time": "O(n)"})
def shortest_distances(graph, source):
    return _distances(graph, source)


@declare(**{**vars(_path.approach), "time": "O(n)"})
def shortest_path(graph, source, target):
    return _path(graph, source, target)
