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


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def n_queens(n: int, visit: Callable[[int, int], object] = ignore) -> int:
    """The number of ways to place n non-attacking queens on an n×n board.

    >>> n_queens(4), n_queens(8)
    (2, 92)
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def combination_sum(
    candidates: Iterable[int],
    target: int,
    visit: Callable[[Sequence[int]], object] = ignore,
) -> list[list[int]]:
    """Every combination of candidates (each reusable) adding up to target, sorted.

    >>> combination_sum([2, 3, 6, 7], 7)
    [[2, 2, 3], [7]]
    """
    raise NotImplementedError
