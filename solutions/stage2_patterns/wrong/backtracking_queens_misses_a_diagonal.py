"""n_queens checks columns and the / diagonals but forgets the \\ diagonals (row - col)."""

from __future__ import annotations

from collections.abc import Callable

from solutions.stage2_patterns.backtracking import combination_sum, ignore  # noqa: F401
from solutions.stage2_patterns.backtracking import n_queens as _correct

KATA = "backtracking"


def n_queens(n: int, visit: Callable[[int, int], object] = ignore) -> int:
    columns: set[int] = set()
    rising: set[int] = set()

    def place(row: int) -> int:
        if row == n:
            return 1
        found = 0
        for col in range(n):
            if col in columns or row + col in rising:  # the bug: row - col is never checked
                continue
            visit(row, col)
            columns.add(col)
            rising.add(row + col)
            found += place(row + 1)
            columns.remove(col)
            rising.remove(row + col)
        return found

    return place(0)


n_queens.approach = _correct.approach  # type: ignore[attr-defined]
