"""Dynamic programming: longest increasing subsequence, edit distance and 0/1 knapsack.

Three classic problems whose brute force tries every choice (every subsequence, every
alignment, every subset) and so costs exponential time, although only polynomially many
distinct subproblems ever come up. Name each subproblem, solve it once, and build bigger
answers from smaller ones in an order where every answer you read is already known.

- ``lis_length(items)``: the length of a longest strictly increasing subsequence, in
  O(n log n) comparisons. The textbook table ("the best run ending at i") costs O(n²); keep
  instead, for every length, the smallest item a run of that length can end with.
- ``edit_distance(a, b)``: the fewest single-item insertions, deletions and substitutions
  that turn ``a`` into ``b``, AND the whole table it was read from, in O(len(a)·len(b)) item
  comparisons.
- ``knapsack(weights, values, capacity)``: the largest total value of items whose total
  weight fits in ``capacity``, each item taken at most once, in O(n·W) arithmetic steps for n
  items and capacity W.

The signal in a statement: "longest", "fewest", "largest total", choices that constrain later
choices, and a brute force that solves the same smaller problem again and again.

Before you code, fill in each ``@declare`` above the function: the pattern, the time and extra
space classes, the class of the brute force, and one line on why the pattern beats it. Classes
are in terms of n, the size of the input: for ``edit_distance`` both strings have n items; for
``knapsack`` n is the number of items, at most 256, and the capacity stays fixed (W = 8), so
O(n·W) is O(n) and a list of W + 1 numbers is O(1). The tests count your comparisons and
arithmetic (they never time your code) and check your declaration against what they measure.
The brute force for ``edit_distance`` branches three ways: write "O(3^n)" or "O(2^n)", both
read as exponential.

Why it matters: "count the ways / find the best" questions are a large share of interview
problems, and the same tables run diff tools, spell checkers, DNA alignment and schedulers.

Docs: docs/stage2_patterns.md#dynamic-programming
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from checker.harness.patterns import declare


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def lis_length(items: Sequence[Any]) -> int:
    """The length of a longest strictly increasing subsequence of ``items`` (0 if empty).

    Items only need ``<``; a subsequence keeps the items' order but may skip any of them.

    >>> lis_length([10, 9, 2, 5, 3, 7, 101, 18])
    4
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def edit_distance(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[int, list[list[int]]]:
    """The edit distance of ``a`` and ``b``, and the table it comes from.

    Insertions, deletions and substitutions cost 1 each. The table has ``len(a) + 1`` rows of
    ``len(b) + 1`` numbers: ``table[i][j]`` is the edit distance of ``a[:i]`` and ``b[:j]``, so
    row 0 is 0, 1, 2, ... and the answer is ``table[len(a)][len(b)]``. Items are compared with
    ``==`` only.

    >>> distance, table = edit_distance("cat", "cut")
    >>> distance, table[0], table[3]
    (1, [0, 1, 2, 3], [3, 2, 2, 1])
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def knapsack(weights: Sequence[int], values: Sequence[int], capacity: int) -> int:
    """The largest total value of a set of items whose weights add up to at most ``capacity``.

    Item i weighs ``weights[i]`` (a whole number >= 1) and is worth ``values[i]`` (>= 0); each
    item is taken whole or not at all, at most once. ``capacity`` is a whole number >= 0.

    >>> knapsack([1, 3, 4, 5], [1, 4, 5, 7], 7)
    9
    """
    raise NotImplementedError
