"""count_islands floods the whole island again from every land cell, counting it only from its
first cell: right answers, but an island of k cells costs k² reads."""

from __future__ import annotations

from solutions.stage2_patterns.graphs import *  # noqa: F403  (the other problems, unchanged)
from solutions.stage2_patterns.graphs import LAND, count_islands, declare

KATA = "graphs"


@declare(**vars(count_islands.approach))
def count_islands(grid):
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    islands = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] != LAND:
                continue
            seen = {(r, c)}  # the bug: a fresh visited set for every cell
            stack = [(r, c)]
            while stack:
                cr, cc = stack.pop()
                for nr, nc in ((cr - 1, cc), (cr + 1, cc), (cr, cc - 1), (cr, cc + 1)):
                    inside = 0 <= nr < rows and 0 <= nc < cols
                    if inside and (nr, nc) not in seen and grid[nr][nc] == LAND:
                        seen.add((nr, nc))
                        stack.append((nr, nc))
            islands += min(seen) == (r, c)
    return islands
