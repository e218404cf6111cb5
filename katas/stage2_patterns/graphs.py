"""Graph search: fewest moves on a grid, cycles, a dependency order and islands, in O(V + E).

Four problems, one family of ideas. Before you write any code, fill in the ``@declare`` above
each function: the pattern from the catalogue, its time and extra-space classes, the class of
the brute force, and one line on why the pattern beats it. The tests check every field, the
classes against what they measure on your own code.

- ``grid_shortest_path(grid, start, goal)``: the fewest up/down/left/right moves from ``start``
  to ``goal`` through open cells, or -1. Signal: *fewest steps*, every step costs the same.
- ``has_cycle(graph)``: does a directed graph have a cycle? Signal: *dependencies that may loop*.
- ``topological_order(n, edges)``: vertices 0..n-1 in an order where every edge ``(u, v)`` has
  ``u`` before ``v``; of the vertices free to go next, always take the smallest, so the answer
  is unique. A graph with a cycle has no such order: raise ``ValueError``. Signal: *an order
  that respects prerequisites*.
- ``count_islands(grid)``: how many groups of ``'#'`` cells touch up/down/left/right.
  Signal: *connected parts*.

A grid is a sequence of equal-length rows; a row is a sequence of one-character cells, ``'.'``
open (or water) and ``'#'`` wall (or land); ``grid[r][c]`` is row r, column c, and a position
is a tuple ``(r, c)``. Do not change the grid. A directed graph is a mapping from each vertex
to the sequence of vertices its edges lead to; a vertex that only appears as a target has no
edges of its own.

The bounds to meet, in operations the tests count (they never time your code): about a
constant number of reads of each grid cell and each edge, so O(n) with n the number of cells
of a grid, or n = V + E for a graph; ``topological_order`` may also spend O(log V)
comparisons of vertex numbers on each vertex it places. The tests pass rows and adjacency
lists that count every read, and vertex numbers that count every comparison.

The inputs are large: a path of 5,000 vertices, an island of thousands of cells. Python stops
a recursion about 1,000 calls deep, so keep your own stack or queue instead of recursing.

Why it matters: most interview graph problems are one of these four in disguise (word
ladders, course schedules, build systems, flood fills), and each is linear once you mark what
you have already seen. The brute forces (every path, a search from every vertex, a rescan for
the next free vertex) are quadratic or exponential.

Docs: docs/stage2_patterns.md#graph-search
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from checker.harness.patterns import declare


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def grid_shortest_path(
    grid: Sequence[Sequence[str]], start: tuple[int, int], goal: tuple[int, int]
) -> int:
    """The fewest moves from ``start`` to ``goal`` through ``'.'`` cells, or -1 if none.

    A move goes one cell up, down, left or right, never through ``'#'`` or off the grid. The
    answer is 0 when ``start == goal`` and it is open; -1 when either is a wall.

    >>> grid_shortest_path(["..#", "#..", "..."], (0, 0), (2, 0))
    4
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def has_cycle(graph: Mapping[int, Sequence[int]]) -> bool:
    """True when following edges from some vertex can lead back to it (a self-loop counts).

    >>> has_cycle({0: [1], 1: [2], 2: [0]}), has_cycle({0: [1, 2], 1: [2], 2: []})
    (True, False)
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def topological_order(n: int, edges: Sequence[tuple[int, int]]) -> list[int]:
    """Vertices ``0..n-1`` with ``u`` before ``v`` for every edge ``(u, v)``, smallest free first.

    At each step, of the vertices whose every predecessor is already placed, place the
    smallest. If some vertices can never be placed, the graph has a cycle: raise
    ``ValueError`` whose message says so and lists those vertices, sorted, as a Python list
    (each is on a cycle or comes after one), e.g. ``cycle: vertices [1, 2, 3] cannot be
    ordered``.

    >>> topological_order(4, [(2, 1), (0, 3), (2, 0)])
    [2, 0, 1, 3]
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def count_islands(grid: Sequence[Sequence[str]]) -> int:
    """How many islands: groups of ``'#'`` cells joined through up/down/left/right neighbours.

    Diagonal neighbours do not join islands.

    >>> count_islands(["##..", "#..#", "..##", "#..."])
    3
    """
    raise NotImplementedError
