"""Predict the trace: work five algorithms by hand and write down every fork they take.

Checkpoint 2.2 is prediction, not observation. For each algorithm below the input is fixed (a
module constant; do not change it, the tests carry their own copy) and you return what the
algorithm does on it, step by step, as data: worked out on paper, as you would in a debugger
session where you write down the next step before you press `n`. The tests run the checker's
reference (checker/harness/traced.py: read it, it is short) on the same input and show the first
step where your prediction and the run part ways, side by side.

The conventions are the reference's, exactly:

- Binary search is ``lower_bound``: the first index whose item is >= target. The live range is
  half-open, ``[lo, hi)``, starting at ``[0, len(items))``; ``mid = (lo + hi) // 2``; each loop
  turn probes ``(lo, mid, hi)`` and then goes right (``lo = mid + 1``) when
  ``items[mid] < target``, left (``hi = mid``) otherwise. The loop runs while ``lo < hi``.
- The LCS table of ``a`` and ``b`` has ``len(a) + 1`` rows and ``len(b) + 1`` columns; cell
  ``[i][j]`` is the length of a longest common subsequence of ``a[:i]`` and ``b[:j]``.
- ``memo_fib(n)`` enters, checks its memo, answers fib(0) = 0 and fib(1) = 1 directly, and
  otherwise calls ``memo_fib(n - 1)`` and then ``memo_fib(n - 2)``. Every call counts as entered,
  memo hits and base cases included.
- ``subset_sum(items, target)`` calls ``can(0, target)``; ``can(i, remaining)`` enters, answers
  True when ``remaining == 0``, False when ``i == len(items)`` or ``remaining < 0``, and
  otherwise tries taking ``items[i]`` (``can(i + 1, remaining - items[i])``) before skipping it
  (``can(i + 1, remaining)``), stopping at the first success.
- The heap is a min-heap in a list. A push appends and swaps the item with its parent while it
  is smaller; a pop moves the last item to the root and swaps it with its smaller child (the
  left one on a tie) while that child is smaller. Each swap is written (parent index, child
  index).
- DFS takes roots in the mapping's order and neighbours in list order. Events are
  ``("discover", v)`` when ``v`` is first reached, ``("edge", u, v, kind)`` for every edge it
  examines, and ``("finish", v)`` when everything below ``v`` is done. An edge to an unseen
  vertex is a tree edge; to a vertex on the current path (discovered, not finished), a back
  edge; to a finished vertex discovered after ``u``, a forward edge; to a finished vertex
  discovered before ``u``, a cross edge (CLRS §22.3).

Why it matters: the bugs in these algorithms live in their forks (a ``mid`` rounded the wrong
way, a missing base row, a memo that is filled but never read). If you can predict every fork,
you can spot the one where a program goes astray; if you cannot, the first wrong prediction
marks the part of the invariant you do not yet hold.

Work by hand: the tests check that this module does not run the reference.

Docs: docs/stage2_patterns.md#predict-the-trace
"""

from __future__ import annotations

# -- the questions: fixed inputs, do not edit -------------------------------------------------

BINARY_SEARCH_INPUT = ([1, 3, 3, 5, 8, 8, 8, 9, 12, 15, 21], 8)  # (items, target)
LCS_INPUT = ("ABCB", "BDCAB")  # (a, b)
FIB_INPUT = 5  # n
SUBSET_SUM_INPUT = ([3, 5, 2], 7)  # (items, target)
HEAP_INPUT = [6, 5, 2, 3, 1, 8, 4]  # pushed in this order into an empty heap, then one pop
DFS_INPUT = {
    "a": ["b", "c", "e"],
    "b": ["c"],
    "c": ["a"],
    "e": ["c"],
    "d": ["e", "a"],
}


# The key idea: every fork is decided by the invariant, not by the data alone. lower_bound keeps
# "everything left of lo is < target, everything from hi on is >= target"; the LCS table fills
# each cell from three already-final neighbours; a memo turns the recursion tree into a path
# plus one-step hits; a heap sift swaps only with the smaller child; DFS colours decide edge kinds.
# The answers below are literals, derived by hand in the comments.


# -- your predictions -------------------------------------------------------------------------


def binary_search_probes() -> list[tuple[int, int, int]]:
    """Return the ``(lo, mid, hi)`` of every probe of lower_bound(*BINARY_SEARCH_INPUT), in order.

    On a smaller question, lower_bound([10, 20], 20) probes (0, 1, 2) and then (0, 0, 1).

    >>> binary_search_probes()[0]  # the first probe spans the whole list
    (0, 5, 11)
    """
    # [lo, hi) = [0, 11): mid 5, items[5] = 8, not < 8: left, hi = 5 (an 8 is not yet "the first").
    # [0, 5): mid 2, items[2] = 3 < 8: right, lo = 3.
    # [3, 5): mid 4, items[4] = 8, not < 8: left, hi = 4.
    # [3, 4): mid 3, items[3] = 5 < 8: right, lo = 4. Now lo == hi: the answer is 4.
    return [(0, 5, 11), (0, 2, 5), (3, 4, 5), (3, 3, 4)]


def binary_search_turns() -> list[str]:
    """Return the way lower_bound(*BINARY_SEARCH_INPUT) goes after each probe: "left" or "right".

    On the smaller question, lower_bound([10, 20], 20) goes "left" (20 is not < 20), then
    "right" (10 < 20), and returns 1.

    >>> binary_search_turns()[0]  # items[5] is 8, not < 8: the answer is at 5 or before it
    'left'
    """
    # The turn after each probe above: items[mid] < 8 goes right, anything else goes left,
    # including an item equal to the target (lower_bound wants the FIRST 8).
    return ["left", "right", "left", "right"]


def lcs_table() -> list[list[int]]:
    """Return the filled LCS table of LCS_INPUT, as a list of rows.

    >>> lcs_table()[-1][-1]  # the answer sits in the last cell: "BCB" has length 3
    3
    """
    # Row 0 and column 0 are the empty prefixes: nothing in common, all zeros. Then row by row:
    # equal letters a[i-1] == b[j-1] take the diagonal + 1, others the larger of up and left.
    #        ""  B  D  C  A  B
    return [
        [0, 0, 0, 0, 0, 0],  # ""
        [0, 0, 0, 0, 1, 1],  # A: matches the A of BDCA
        [0, 1, 1, 1, 1, 2],  # B: matches the first B, then "AB" at the end
        [0, 1, 1, 2, 2, 2],  # C: "BC"
        [0, 1, 1, 2, 2, 3],  # B: "BCB"
    ]


def fib_calls() -> list[int]:
    """Return the argument of every call memo_fib(FIB_INPUT) enters, in the order entered.

    >>> fib_calls()[:2]  # memo_fib(5) enters first, then calls memo_fib(4)
    [5, 4]
    """
    # 5 calls 4, 4 calls 3, 3 calls 2, 2 calls 1 then 0 (base cases) and fills memo[2]; back in
    # 3, memo_fib(1) is entered again and answered from the memo; back in 4, memo_fib(2) is a
    # memo hit; back in 5, so is memo_fib(3). Each hit is entered but goes no deeper.
    return [5, 4, 3, 2, 1, 0, 1, 2, 3]


def subset_sum_calls() -> list[tuple[int, int]]:
    """Return the ``(i, remaining)`` of every call subset_sum(*SUBSET_SUM_INPUT) enters, in order.

    >>> subset_sum_calls()[0]  # can(0, target)
    (0, 7)
    """
    # can(0, 7) takes 3: can(1, 4) takes 5: can(2, -1) fails (below zero); skips 5: can(2, 4)
    # takes 2: can(3, 2) fails (no items left); skips 2: can(3, 4) fails. So can(1, 4) fails and
    # can(0, 7) skips 3: can(1, 7) takes 5: can(2, 2) takes 2: can(3, 0) succeeds, and the
    # `or` never tries the skips that remain.
    return [(0, 7), (1, 4), (2, -1), (2, 4), (3, 2), (3, 4), (1, 7), (2, 2), (3, 0)]


def heap_swaps() -> list[tuple[int, int]]:
    """Return every swap, as (parent index, child index), of pushing HEAP_INPUT then popping once.

    >>> heap_swaps()[0]  # 5 is pushed below 6 and climbs to the root
    (0, 1)
    """
    # push 6: [6]. push 5: 5 < 6, swap (0, 1): [5, 6]. push 2: 2 < 5, swap (0, 2): [2, 6, 5].
    # push 3 at 3: 3 < 6, swap (1, 3); 3 > 2, stop: [2, 3, 5, 6]. push 1 at 4: 1 < 3, swap
    # (1, 4); 1 < 2, swap (0, 1): [1, 2, 5, 6, 3]. push 8 at 5: 8 > 5, stays. push 4 at 6:
    # 4 < 5, swap (2, 6): [1, 2, 4, 6, 3, 8, 5].
    # pop: 5 moves to the root, [5, 2, 4, 6, 3, 8]; children 2 and 4, the smaller is 2 on the
    # LEFT: swap (0, 1); at 1 the children are 6 and 3, the smaller is 3 on the RIGHT: swap
    # (1, 4); at 4 there are no children: [2, 3, 4, 6, 5, 8].
    return [(0, 1), (0, 2), (1, 3), (1, 4), (0, 1), (2, 6), (0, 1), (1, 4)]


def dfs_events() -> list[tuple[str, ...]]:
    """Return every event of DFS on DFS_INPUT, in order: discover, edge (with its kind), finish.

    >>> dfs_events()[:2]
    [('discover', 'a'), ('edge', 'a', 'b', 'tree')]
    """
    # Grey = discovered, not finished. a -> b -> c; c -> a finds a grey: back. c and b finish.
    # a -> c: c is finished and was discovered after a (it is a's descendant): forward.
    # a -> e: tree; e -> c: c finished, discovered before e: cross. e, then a, finish.
    # d is the next unseen root; d -> e and d -> a both reach older finished vertices: cross.
    return [
        ("discover", "a"),
        ("edge", "a", "b", "tree"),
        ("discover", "b"),
        ("edge", "b", "c", "tree"),
        ("discover", "c"),
        ("edge", "c", "a", "back"),
        ("finish", "c"),
        ("finish", "b"),
        ("edge", "a", "c", "forward"),
        ("edge", "a", "e", "tree"),
        ("discover", "e"),
        ("edge", "e", "c", "cross"),
        ("finish", "e"),
        ("finish", "a"),
        ("discover", "d"),
        ("edge", "d", "e", "cross"),
        ("edge", "d", "a", "cross"),
        ("finish", "d"),
    ]
