"""When Dijkstra breaks: shortest paths with negative edges, and the cycles that forbid them.

Dijkstra's algorithm finalizes the closest unfinished vertex at each step, trusting that no path
through vertices farther away can come back cheaper. A single negative edge breaks that trust:
a route through a far vertex can end with a discount that undercuts a distance Dijkstra has
already declared final. And when a cycle's weights add up to less than zero, no shortest path
exists at all: going round once more is always cheaper.

Write ``bellman_ford(n, edges, source)``: vertices are 0..n-1, ``edges`` is a sequence of
``(u, v, w)`` for an edge u -> v of weight w (w may be negative; an edge may repeat, or loop from
a vertex to itself). Return the list of shortest distances from ``source``, ``math.inf`` for a
vertex it cannot reach. If a cycle of negative total weight can be reached from ``source``,
raise ``NegativeCycleError`` with the vertices of one such cycle, in the order the cycle visits
them (each vertex once; an edge leads from each to the next, and from the last back to the
first). A negative cycle that ``source`` cannot reach does not matter: leave its vertices at
``math.inf``.

The bound, in additions of an edge weight to a distance (the tests pass weights that count them;
they never time your code): each round relaxes every edge once, and n - 1 rounds are enough when
there is no negative cycle, so at most n·E, plus one round to look for a cycle; stop early after
a round that changes nothing. The tests measure graphs whose number of edges E grows in
proportion to n (about 2n), so that is O(n²) in terms of n. Weights support ``+``, ``-`` and
comparison; add them to distances rather than converting them.

Before coding, fill in ``SWITCH`` (checker.harness.patterns.Switch): the pattern the problem
tempts you with, the id of its precondition that negative edges break (the catalogue's
``needs``), the pattern to use instead, the time class of that replacement in terms of n (with E
proportional to n), and ``because``: one line on why the tempting pattern goes wrong. Fill in
``@declare`` on ``bellman_ford`` too: pattern, time and extra-space classes in terms of n, the
class of the brute force (try every path from the source), and why the pattern beats it. The
catalogue: docs/stage2_patterns.md#pattern-catalogue.

Why it matters: negative weights are not exotic. Currency exchange rates (as negative logs),
refunds and credits, and potentials in difference constraints all produce them, and a negative
cycle there is an arbitrage or a contradiction that the answer must report, not hide.

Docs: docs/stage2_patterns.md#when-dijkstra-breaks-negative-edges
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.harness.patterns import Switch, declare

SWITCH = Switch(pattern="?", broken="?", use="?", cost="?", because="?")


class NegativeCycleError(ValueError):
    """A cycle of negative total weight is reachable from the source: no shortest path exists.

    Given to you ready to use: raise it with the cycle's vertices.

    >>> error = NegativeCycleError([1, 2])
    >>> error.cycle, str(error)
    ([1, 2], 'a negative cycle is reachable from the source: 1 -> 2 -> 1')
    """

    def __init__(self, cycle: Sequence[int]) -> None:
        self.cycle = list(cycle)
        path = " -> ".join(str(v) for v in [*self.cycle, *self.cycle[:1]])
        super().__init__(f"a negative cycle is reachable from the source: {path}")


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def bellman_ford(n: int, edges: Sequence[tuple[int, int, Any]], source: int) -> list[float]:
    """Return the shortest distance from ``source`` to every vertex (``math.inf`` if unreachable).

    Raise ``NegativeCycleError`` if a negative cycle is reachable from ``source``.

    >>> bellman_ford(3, [(0, 1, 4), (0, 2, 5), (2, 1, -3)], 0)
    [0, 2, 5]
    """
    raise NotImplementedError
