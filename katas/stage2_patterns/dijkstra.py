"""Dijkstra: the cheapest route when every edge has a cost, and none is negative.

Two problems on a weighted directed graph: a mapping from each node to the list of its
outgoing edges as ``(neighbour, weight)`` pairs. A node that only appears as a neighbour has
no edges of its own, and there may be several edges between the same two nodes.

- ``shortest_distances(graph, source)``: the cost of the cheapest path from ``source`` to
  every node it can reach (``source`` itself costs 0); nodes it cannot reach are left out.
- ``shortest_path(graph, source, target)``: the nodes of one cheapest path, ``source`` first
  and ``target`` last, or ``None`` when ``target`` cannot be reached.

Signal in a problem statement: *cheapest*, *fastest* or *shortest* route where steps cost
different amounts (with equal costs, breadth-first search is enough). The algorithm's one
precondition is that no weight is negative: a cheaper route may then never hide behind an
edge that looks expensive. Do not guess when it fails: the moment you read an edge with a
negative weight, raise ``ValueError`` naming that edge as ``(u, v, weight)`` and saying to use
Bellman-Ford instead, e.g. ``ValueError("negative edge ('a', 'b', -2): Dijkstra needs
non-negative weights; use Bellman-Ford")``. ``shortest_distances`` reads every edge out of
every node it reaches, so it refuses any such edge.

The bound to meet, in operations the tests count (they never time your code): reads of the
edge lists and comparisons between weights or distances, O(n log n) on sparse graphs (n
nodes, a few edges each). Scanning every node for the nearest unfinished one costs n per
step, n² in all. The tests pass edge lists that count every read, and weights that count
every comparison: add and compare them as numbers, but do not convert them (no ``float(w)``).

Before coding, fill in each ``@declare``: the pattern, its time and extra-space classes in
terms of n with the number of edges per node fixed, the class of the brute force, and one
line on why the pattern beats it.

Docs: docs/stage2_patterns.md#dijkstra
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from checker.harness.patterns import declare

Graph = Mapping[Hashable, Sequence[tuple[Hashable, float]]]


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def shortest_distances(graph: Graph, source: Hashable) -> dict[Hashable, float]:
    """The cheapest cost from ``source`` to every node it can reach.

    Raises ``ValueError`` naming the edge ``(u, v, weight)`` and Bellman-Ford when an edge
    out of a reachable node has a negative weight.

    >>> graph = {"a": [("b", 4), ("c", 1)], "c": [("b", 2)], "b": [("d", 1)]}
    >>> sorted(shortest_distances(graph, "a").items())
    [('a', 0), ('b', 3), ('c', 1), ('d', 4)]
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def shortest_path(graph: Graph, source: Hashable, target: Hashable) -> list[Hashable] | None:
    """The nodes of one cheapest path from ``source`` to ``target``, or ``None``.

    ``[source]`` when ``target == source``. Raises ``ValueError`` like ``shortest_distances``
    for a negative edge it reads; it may stop once ``target``'s cost is final.

    >>> graph = {"a": [("b", 4), ("c", 1)], "c": [("b", 2)], "b": [("d", 1)]}
    >>> shortest_path(graph, "a", "d"), shortest_path(graph, "d", "a")
    (['a', 'c', 'b', 'd'], None)
    """
    raise NotImplementedError
