"""grid_shortest_path marks a cell as seen when it leaves the queue, not when it joins it.

The answers stay right (BFS still takes cells in order of distance), but a cell is queued once
for every neighbour that reaches it first, and each copy is expanded again: on an open grid the
copies multiply like the number of shortest routes, exponentially.
"""

from __future__ import annotations

from collections import deque

from solutions.stage2_patterns.graphs import *  # noqa: F403  (the other problems, unchanged)
from solutions.stage2_patterns.graphs import OPEN, declare, grid_shortest_path

KATA = "graphs"


@declare(**vars(grid_shortest_path.approach))
def grid_shortest_path(grid, start, goal):
    rows, cols = len(grid), len(grid[0])
    (sr, sc), (gr, gc) = start, goal
    if grid[sr][sc] != OPEN or grid[gr][gc] != OPEN:
        return -1
    seen = set()
    queue = deque([(start, 0)])
    while queue:
        (r, c), steps = queue.popleft()
        if (r, c) == goal:
            return steps
        seen.add((r, c))  # the bug: too late; copies of (r, c) already wait in the queue
        for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            inside = 0 <= nr < rows and 0 <= nc < cols
            if inside and (nr, nc) not in seen and grid[nr][nc] == OPEN:
                queue.append(((nr, nc), steps + 1))
    return -1
