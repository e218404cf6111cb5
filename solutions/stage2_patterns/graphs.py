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

import heapq
from collections import deque
from collections.abc import Mapping, Sequence

from checker.harness.patterns import declare

OPEN, LAND = ".", "#"
WHITE, GREY, BLACK = 0, 1, 2


@declare(
    pattern="bfs",
    time="O(n)",
    space="O(n)",
    brute_force="O(2^n)",
    beats="each cell is queued once, at its shortest distance, instead of walking every path",
)
def grid_shortest_path(
    grid: Sequence[Sequence[str]], start: tuple[int, int], goal: tuple[int, int]
) -> int:
    """The fewest moves from ``start`` to ``goal`` through ``'.'`` cells, or -1 if none.

    A move goes one cell up, down, left or right, never through ``'#'`` or off the grid. The
    answer is 0 when ``start == goal`` and it is open; -1 when either is a wall.

    >>> grid_shortest_path(["..#", "#..", "..."], (0, 0), (2, 0))
    4
    """
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    (sr, sc), (gr, gc) = start, goal
    if grid[sr][sc] != OPEN or grid[gr][gc] != OPEN:
        return -1
    if start == goal:
        return 0
    # Mark a cell when it is queued, not when it is taken off the queue: then no cell is ever
    # queued twice, and the first time BFS reaches a cell is along a shortest path.
    distance = [-1] * (rows * cols)
    distance[sr * cols + sc] = 0
    queue = deque([(sr, sc)])
    while queue:
        r, c = queue.popleft()
        steps = distance[r * cols + c] + 1
        for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            if 0 <= nr < rows and 0 <= nc < cols and distance[nr * cols + nc] < 0:
                if grid[nr][nc] != OPEN:
                    continue
                if (nr, nc) == (gr, gc):
                    return steps
                distance[nr * cols + nc] = steps
                queue.append((nr, nc))
    return -1


@declare(
    pattern="dfs",
    time="O(n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="one search colours every vertex once instead of a fresh search from each vertex",
)
def has_cycle(graph: Mapping[int, Sequence[int]]) -> bool:
    """True when following edges from some vertex can lead back to it (a self-loop counts).

    >>> has_cycle({0: [1], 1: [2], 2: [0]}), has_cycle({0: [1, 2], 1: [2], 2: []})
    (True, False)
    """
    # Three colours: white (unseen), grey (on the current path), black (finished). An edge to a
    # grey vertex closes a cycle; an edge to a black one does not (it was fully explored and
    # found none), so no vertex is searched twice. The stack holds (vertex, its neighbours'
    # iterator) so a 5,000-vertex path needs no recursion.
    colour: dict[int, int] = {}
    for root in graph:
        if colour.get(root, WHITE) != WHITE:
            continue
        colour[root] = GREY
        stack = [(root, iter(graph.get(root, ())))]
        while stack:
            vertex, neighbours = stack[-1]
            for nxt in neighbours:
                seen = colour.get(nxt, WHITE)
                if seen == GREY:
                    return True
                if seen == WHITE:
                    colour[nxt] = GREY
                    stack.append((nxt, iter(graph.get(nxt, ()))))
                    break
            else:
                colour[vertex] = BLACK
                stack.pop()
    return False


@declare(
    pattern="topological-sort",
    time="O(n log n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="in-degree counts and a heap of free vertices replace rescanning for the next one",
)
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
    # Kahn: count each vertex's unplaced predecessors; a vertex is free when its count is zero.
    # Placing a vertex lowers its successors' counts. A min-heap of the free vertices gives the
    # smallest in O(log V) instead of a scan of every vertex.
    successors: list[list[int]] = [[] for _ in range(n)]
    waiting = [0] * n
    for u, v in edges:
        successors[u].append(v)
        waiting[v] += 1
    free = [v for v in range(n) if waiting[v] == 0]
    heapq.heapify(free)
    order = []
    while free:
        u = heapq.heappop(free)
        order.append(u)
        for v in successors[u]:
            waiting[v] -= 1
            if waiting[v] == 0:
                heapq.heappush(free, v)
    if len(order) < n:
        left = [v for v in range(n) if waiting[v] > 0]
        raise ValueError(
            f"cycle: vertices {left} cannot be ordered (each is on a cycle or after one)"
        )
    return order


@declare(
    pattern="dfs",
    time="O(n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="one shared visited mark floods each island once instead of once per land cell",
)
def count_islands(grid: Sequence[Sequence[str]]) -> int:
    """How many islands: groups of ``'#'`` cells joined through up/down/left/right neighbours.

    Diagonal neighbours do not join islands.

    >>> count_islands(["##..", "#..#", "..##", "#..."])
    3
    """
    # One visited mark shared by every flood: each '#' cell is pushed once and read a constant
    # number of times (as itself and as a neighbour), so the whole grid costs O(cells).
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    visited = [False] * (rows * cols)
    islands = 0
    for r in range(rows):
        row = grid[r]
        for c in range(cols):
            if visited[r * cols + c] or row[c] != LAND:
                continue
            islands += 1
            visited[r * cols + c] = True
            stack = [(r, c)]
            while stack:
                cr, cc = stack.pop()
                for nr, nc in ((cr - 1, cc), (cr + 1, cc), (cr, cc - 1), (cr, cc + 1)):
                    if not (0 <= nr < rows and 0 <= nc < cols) or visited[nr * cols + nc]:
                        continue
                    if grid[nr][nc] == LAND:
                        visited[nr * cols + nc] = True
                        stack.append((nr, nc))
    return islands
