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

from bisect import bisect_left
from collections.abc import Hashable, Sequence
from typing import Any

from checker.harness.patterns import declare

# The key idea, three times: name the subproblem, find the recurrence that builds its answer from
# smaller ones, and fill answers in an order where everything read is already known. The brute
# force re-solves the same subproblems exponentially often; the table solves each one once.


# LIS: tails[k] is the smallest item a strictly increasing run of length k + 1 can end with.
# tails is itself strictly increasing, so each new item finds where it belongs by binary search:
# it extends the longest run when it beats every tail, and otherwise lowers the first tail that
# is >= it (bisect_left, so an equal item never makes a run longer). n items, log n each.
@declare(
    pattern="dynamic-programming",
    time="O(n log n)",
    space="O(n)",
    brute_force="O(2^n)",
    beats="per length only the smallest possible last item matters, found by binary search",
)
def lis_length(items: Sequence[Any]) -> int:
    """The length of a longest strictly increasing subsequence of ``items`` (0 if empty).

    Items only need ``<``; a subsequence keeps the items' order but may skip any of them.

    >>> lis_length([10, 9, 2, 5, 3, 7, 101, 18])
    4
    """
    tails: list[Any] = []
    for item in items:
        k = bisect_left(tails, item)
        if k == len(tails):
            tails.append(item)
        else:
            tails[k] = item
    return len(tails)


# Edit distance: table[i][j] = distance of a[:i] and b[:j]. The last items either match (free)
# or the last step was a substitution, a deletion from a or an insertion into a: 1 + the best of
# the three neighbours above-left, above and left. Row by row, each cell reads only filled cells.
@declare(
    pattern="dynamic-programming",
    time="O(n^2)",
    space="O(n^2)",
    brute_force="O(3^n)",
    beats="each pair of prefixes is solved once instead of once per path of edits",
)
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
    table = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        above = table[i - 1]
        row = [i]
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                row.append(above[j - 1])
            else:
                row.append(1 + min(above[j - 1], above[j], row[j - 1]))
        table.append(row)
    return table[len(a)][len(b)], table


# 0/1 knapsack: best[c] = the most value that fits in capacity c using the items seen so far.
# Adding item (w, v) gives best[c] = max(best[c], best[c - w] + v). Walking c DOWNWARD means
# best[c - w] still holds the value from before this item, so no item is taken twice; n items
# times W + 1 capacities, one list of W + 1 numbers.
@declare(
    pattern="dynamic-programming",
    time="O(n)",
    space="O(1)",
    brute_force="O(2^n)",
    beats="one best value per capacity replaces trying all 2^n subsets of items",
)
def knapsack(weights: Sequence[int], values: Sequence[int], capacity: int) -> int:
    """The largest total value of a set of items whose weights add up to at most ``capacity``.

    Item i weighs ``weights[i]`` (a whole number >= 1) and is worth ``values[i]`` (>= 0); each
    item is taken whole or not at all, at most once. ``capacity`` is a whole number >= 0.

    >>> knapsack([1, 3, 4, 5], [1, 4, 5, 7], 7)
    9
    """
    best = [0] * (capacity + 1)
    for weight, value in zip(weights, values, strict=True):
        for c in range(capacity, weight - 1, -1):
            candidate = best[c - weight] + value
            if candidate > best[c]:
                best[c] = candidate
    return best[capacity]
