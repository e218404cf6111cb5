"""n_queens places a queen on every square of every row and checks the board only when full."""

from __future__ import annotations

from collections.abc import Callable

from solutions.stage2_patterns.backtracking import combination_sum, ignore  # noqa: F401
from solutions.stage2_patterns.backtracking import n_queens as _correct

KATA = "backtracking"


def n_queens(n: int, visit: Callable[[int, int], object] = ignore) -> int:
    columns: list[int] = []

    def place(row: int) -> int:
        if row == n:  # the bug: the only check, after n^n boards have been built
            safe = all(
                columns[a] != columns[b] and abs(columns[a] - columns[b]) != b - a
                for a in range(n)
                for b in range(a + 1, n)
            )
            return int(safe)
        found = 0
        for col in range(n):
            visit(row, col)
            columns.append(col)
            found += place(row + 1)
            columns.pop()
        return found

    return place(0)


n_queens.approach = _correct.approach  # type: ignore[attr-defined]
