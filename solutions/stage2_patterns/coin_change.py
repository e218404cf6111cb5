"""When greedy breaks: the fewest coins that make an amount, for any set of coin values.

"Fewest coins" reads like greedy: take the largest coin that fits, repeat. That is right for
euro or US coins, whose values are chosen so that it is (an exchange argument proves it), and
wrong in general. With coins 1, 3 and 4, greedy pays 6 as 4 + 1 + 1, three coins, when 3 + 3
takes two. The first coin greedy picks can be one no best answer uses, and greedy never goes
back on a choice.

Solve it for any coins with dynamic programming: the fewest coins for amount a is one coin c
plus the fewest coins for a - c, for the best c; work the amounts up from 0 so every smaller
amount is already solved. That is O(amount · len(coins)) steps, exponential no longer. Trying
every first coin recursively without remembering answers is the same recurrence at exponential
cost, because the same smaller amounts are solved again and again.

Before you code, fill in ``SWITCH`` (the tempting pattern, the id of its precondition these
coins break, what to use instead, its cost, and why in one line) and the ``@declare`` above the
function. Classes are in terms of n = amount, with the coins held fixed (the cost tests use
three coins, one of them 1, and amounts up to 256: a recursion one call deep per unit of amount
stays inside Python's recursion limit, but a loop is simpler). The tests count every ``+``,
``-``, comparison and hash made with the coin values, wherever it happens; they never time your
code.

Why it matters: greedy code is short and fast and often right. Knowing when it is provably right
(an exchange argument) and what to use when it is not is the difference between a scheduler,
a packer or a change-maker that is optimal and one that is quietly wasteful.

Docs: docs/stage2_patterns.md#when-greedy-breaks-coin-change
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import Switch, declare

SWITCH = Switch(
    pattern="greedy",
    broken="greedy-choice",
    use="dynamic-programming",
    cost="O(n)",
    because="with coins 1, 3 and 4 the largest coin first pays 6 as 4 + 1 + 1, not 3 + 3",
)


# The key idea: fewest[a] = 1 + min(fewest[a - c] for each coin c <= a), with fewest[0] = 0 and
# None for an amount no coins make. Filling a = 1, 2, ..., amount in order means every fewest[a - c]
# is final when it is read, so each amount costs one look per coin: O(amount · coins). Greedy
# commits to the largest coin; the table weighs every coin as the last one paid.
@declare(
    pattern="dynamic-programming",
    time="O(n)",
    space="O(n)",
    brute_force="O(2^n)",
    beats="each smaller amount is solved once and reused instead of re-solved on every path",
)
def min_coins(coins: Sequence[int], amount: int) -> int | None:
    """The fewest coins adding up to exactly ``amount``, or None if no combination does.

    ``coins`` holds distinct whole numbers >= 1, each usable any number of times, in any order;
    ``amount`` is a whole number >= 0 (0 takes no coins).

    >>> min_coins([1, 3, 4], 6)
    2
    """
    fewest: list[int | None] = [0] + [None] * amount
    for a in range(1, amount + 1):
        best = None
        for coin in coins:
            if coin <= a:
                before = fewest[a - coin]
                if before is not None and (best is None or before + 1 < best):
                    best = before + 1
        fewest[a] = best
    return fewest[amount]
