"""has_cycle recurses once per vertex on the current path: right answers on small graphs, but
RecursionError on a path of 5,000 vertices (Python stops about 1,000 calls deep)."""

from __future__ import annotations

from solutions.stage2_patterns.graphs import *  # noqa: F403  (the other problems, unchanged)
from solutions.stage2_patterns.graphs import BLACK, GREY, WHITE, declare, has_cycle

KATA = "graphs"


@declare(**vars(has_cycle.approach))
def has_cycle(graph):
    colour = {}

    def visit(vertex):  # the bug: the path lives in Python's call stack
        colour[vertex] = GREY
        for nxt in graph.get(vertex, ()):
            seen = colour.get(nxt, WHITE)
            if seen == GREY or (seen == WHITE and visit(nxt)):
                return True
        colour[vertex] = BLACK
        return False

    return any(colour.get(v, WHITE) == WHITE and visit(v) for v in list(graph))
