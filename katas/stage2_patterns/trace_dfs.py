"""Trace: depth-first search. Record every vertex and edge a DFS meets, so you can predict each.

Write ``dfs(graph, trace)``: a depth-first search of a directed graph that returns the vertices
in the order they finish, recording on ``trace`` when each vertex is discovered and finished and
what kind each edge it examines is. The tests replay your search against the checker's
reference run and show the first step where yours parts ways, side by side. Once they agree you
can say, before stepping it in the debugger, which vertex comes next, which are on the current
path, and what each edge is: checkpoint 2.2.

``graph`` maps each vertex to the list of vertices its edges point to: ``{"a": ["b"]}`` is the
edge a -> b. A vertex that only appears in lists has no edges of its own (``graph.get(v, ())``).
Vertices are white (not yet seen), grey (discovered, not finished: on the current path) or
black (finished).

The convention (the reference follows it exactly, and so must you):

- roots in the mapping's order: each key of ``graph`` not yet discovered starts a new search
  with ``trace.discover(root)``;
- at a vertex u, examine its list in order, one edge per entry (a repeated entry is examined
  again), and record each edge when you examine it, as ``trace.edge(u, v, kind)``:

  - v is white: ``"tree"``; then ``trace.discover(v)``, and search all of v before u's next
    neighbour;
  - v is grey: ``"back"`` (it closes a cycle; an edge u -> u is one too);
  - v is black and was discovered after u: ``"forward"`` (u reached it earlier by another path);
  - v is black and was discovered before u: ``"cross"``;

- when u has no neighbour left to examine: ``trace.finish(u)``, and u joins the finish order.

Use an explicit stack, not recursion: the tests search a path of 3,000 vertices, and CPython
stops recursion at about 1,000 frames. Keep (vertex, index of its next neighbour) pairs on it.

Worked example, ``dfs({"a": ["b", "c"], "b": ["c", "a"], "c": [], "d": ["c", "d"]}, trace)``::

     1  discover 'a'                a is the first key: a root
     2  edge 'a' -> 'b' (tree)      b is white
     3  discover 'b'
     4  edge 'b' -> 'c' (tree)      c is white
     5  discover 'c'
     6  finish 'c'                  c has no edges
     7  edge 'b' -> 'a' (back)      a is grey: on the path a -> b
     8  finish 'b'
     9  edge 'a' -> 'c' (forward)   c is black and was discovered after a
    10  finish 'a'
    11  discover 'd'                the next key not yet discovered
    12  edge 'd' -> 'c' (cross)     c is black and was discovered before d
    13  edge 'd' -> 'd' (back)      d is grey: it is the current vertex
    14  finish 'd'                  dfs returns ['c', 'b', 'a', 'd']

The bound: each vertex is discovered once and finished once, and each edge is examined once:
O(V + E) steps in all.

Why it matters: "dependencies", "ordering", "is there a cycle" in a problem statement mean DFS.
A back edge is exactly a cycle, and the reverse of the finish order is a topological order; both
fall out of knowing which vertices are grey at each step.

Docs: docs/stage2_patterns.md#trace-depth-first-search
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from checker.harness.trace import Trace


def dfs(graph: Mapping[Hashable, Sequence[Hashable]], trace: Trace) -> list[Hashable]:
    """The vertices in the order they finish; discoveries, finishes and edge kinds recorded.

    >>> trace = Trace()
    >>> dfs({1: [2, 1], 2: []}, trace)
    [2, 1]
    >>> trace.steps  # doctest: +NORMALIZE_WHITESPACE
    [('discover', 1), ('edge', 1, 2, 'tree'), ('discover', 2), ('finish', 2),
     ('edge', 1, 1, 'back'), ('finish', 1)]
    """
    raise NotImplementedError
