"""Backtracking with pruning: count the N-queens solutions, list the combinations for a sum.

Both problems ask for every arrangement that meets some constraints. The brute force builds
every arrangement and checks the constraints at the end; backtracking builds one choice at a
time and abandons a partial arrangement the moment it breaks a constraint, so the whole
subtree below it is never built. The tests watch your search through a callback, ``visit``,
that your code calls once per node of its search tree, and hold the number of nodes to the
size of the pruned tree.

- ``n_queens(n, visit)``: the number of ways to put n queens on an n×n board so that no two
  share a row, a column or a diagonal (``n_queens(0)`` is 1: the empty board). Place queens
  row by row, row 0 first. Call ``visit(row, col)`` each time you put a queen on a square,
  after checking that no queen already on the board attacks it. Every solution you count must
  be on the board when you count it.
- ``combination_sum(candidates, target, visit)``: every combination of the candidates that
  adds up to ``target``, each combination in ascending order and the list sorted. Candidates
  are positive whole numbers, in any order (one listed twice counts once), and each may be
  used any number of times. Build each combination in ascending order, one candidate at a
  time; call ``visit(combination)`` with the combination built so far each time you add a
  candidate, after checking that the sum does not pass the target.

Before coding, fill in each ``@declare(...)``: the pattern (a name from the catalogue in the
docs), the time and extra-space classes of your search, the class of the brute force, and in
one line why the pattern beats it. Classes are in terms of n, the board size for n_queens and
the target for combination_sum, whose candidates are fixed: the tests measure it with two
candidates, 2 and 3. Space counts everything your call allocates, the list it returns
included, and the depth of its recursion. Besides the usual classes, "O(n^n)" (n to the power
n) is understood here.

Why it matters: constraint search (scheduling, configuration, puzzles, test-case generation)
is exponential at heart, and pruning is what makes it finish. Counting nodes, not seconds, is
how you tell a good cut from a lucky input.

Docs: docs/stage2_patterns.md#backtracking-with-pruning
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from checker.harness.patterns import declare


def ignore(*_: object) -> None:
    """The default ``visit``: does nothing, so you can call the functions without one."""


# The key idea: check each constraint as soon as the choice it depends on is made, not at the
# end. A queen attacked on row 2 would make every one of the n^(n-3) boards below it fail, so
# never place it; a candidate larger than what is left of the target (and every candidate after
# it, in ascending order) can never lead to the sum, so stop the loop there.


@declare(
    pattern="backtracking",
    time="O(n!)",
    space="O(n)",
    brute_force="O(n^n)",
    beats="an attacked square is never placed, so the boards below it are never built",
)
def n_queens(n: int, visit: Callable[[int, int], object] = ignore) -> int:
    """The number of ways to place n non-attacking queens on an n×n board.

    >>> n_queens(4), n_queens(8)
    (2, 92)
    """
    columns: set[int] = set()
    rising: set[int] = set()  # row + col is the same along a / diagonal
    falling: set[int] = set()  # row - col is the same along a \\ diagonal

    def place(row: int) -> int:
        if row == n:
            return 1  # a queen on every row, none attacked: one solution
        found = 0
        for col in range(n):
            if col in columns or row + col in rising or row - col in falling:
                continue  # attacked: the whole subtree below this square is pruned
            visit(row, col)
            columns.add(col)
            rising.add(row + col)
            falling.add(row - col)
            found += place(row + 1)
            columns.remove(col)
            rising.remove(row + col)
            falling.remove(row - col)
        return found

    return place(0)


@declare(
    pattern="backtracking",
    time="O(n^2)",
    space="O(n^2)",
    brute_force="O(2^n)",
    beats="ascending order builds each combination once and stops where the sum passes",
)
def combination_sum(
    candidates: Iterable[int],
    target: int,
    visit: Callable[[Sequence[int]], object] = ignore,
) -> list[list[int]]:
    """Every combination of candidates (each reusable) adding up to target, sorted.

    >>> combination_sum([2, 3, 6, 7], 7)
    [[2, 2, 3], [7]]
    """
    ordered = sorted(set(candidates))
    found: list[list[int]] = []
    chosen: list[int] = []

    def extend(start: int, remaining: int) -> None:
        if remaining == 0:
            found.append(list(chosen))
            return
        for i in range(start, len(ordered)):
            if ordered[i] > remaining:
                break  # ascending: this candidate and every later one passes the target
            chosen.append(ordered[i])
            visit(tuple(chosen))
            extend(i, remaining - ordered[i])  # i, not i + 1: a candidate may repeat
            chosen.pop()

    extend(0, target)
    return found
