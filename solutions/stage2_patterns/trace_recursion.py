"""Trace: a recursion tree. Record every call entered and returned, so you can predict each one.

Write two recursive functions that record their calls on ``trace``: ``memo_fib``, Fibonacci
with a memo, and ``subset_sum``, a backtracking search. The tests replay your calls against the
checker's reference run and show the first call where yours parts ways, side by side. Once they
agree you can draw the recursion tree before stepping it in the debugger: which call runs next,
which one the memo answers, where the search stops: checkpoint 2.2.

The convention for both (the reference follows it exactly, and so must you): EVERY call, memo
hits and base cases included, records ``trace.enter(*args)`` as its first act and
``trace.leave(*args, result=value)`` as its last, with the arguments listed below. Children are
called in the order given, one after the other, so each child's enter ... return sits inside
its parent's.

``memo_fib(n, trace, memo=None)``: fib(0) = 0, fib(1) = 1, fib(n) = fib(n - 1) + fib(n - 2).

- record ``trace.enter(n)`` and ``trace.leave(n, result=value)``;
- in the call: if ``n`` is in ``memo``, that is the value (a memo hit, recorded like any call);
  else if n < 2, the value is n; else call n - 1 first, then n - 2, and add. Store every value
  you compute in ``memo``;
- ``memo=None`` means a new, empty memo for this call; the recursive calls share it. (A default
  of ``memo={}`` would be one dict shared by every call ever made.)

Worked example, ``memo_fib(3, trace)``::

    enter (3)
      enter (2)
        enter (1)          base case
        return (1) -> 1
        enter (0)          base case
        return (0) -> 0
      return (2) -> 1
      enter (1)            a memo hit: fib(1) was stored above
      return (1) -> 1
    return (3) -> 2

``subset_sum(items, target, trace)``: whether some of the positive ``items`` add up to
``target`` (none of them add up to 0). Search with a helper ``can(i, remaining)``, "do some of
``items[i:]`` add up to ``remaining``?", starting from ``can(0, target)``:

- record ``trace.enter(i, remaining)`` and ``trace.leave(i, remaining, result=found)``;
- if remaining == 0: True (check this first, even when i == len(items)); else if
  i == len(items) or remaining < 0: False;
- else take item i first, ``can(i + 1, remaining - items[i])``, even when that overshoots;
  only if that fails, skip it, ``can(i + 1, remaining)``. Stop at the first success.

Worked example, ``subset_sum([3, 5], 5, trace)``::

    enter (0, 5)
      enter (1, 2)             take 3
        enter (2, -3)          take 5: too much
        return (2, -3) -> False
        enter (2, 2)           skip 5: nothing left
        return (2, 2) -> False
      return (1, 2) -> False
      enter (1, 5)             skip 3
        enter (2, 0)           take 5: found
        return (2, 0) -> True
      return (1, 5) -> True    found: 5 is never skipped
    return (0, 5) -> True

The bounds: ``memo_fib(n)`` makes at most 2n - 1 calls (n >= 1): every n from 2 up is computed
once and asks for n - 2 once more from the memo. ``subset_sum`` on n items makes at most
2^(n + 1) - 1 calls: each call makes at most two, one item further on.

Why it matters: "count the ways", "min or max cost", "can some choice reach ..." mean recursion,
and its cost is the number of nodes in its tree. A memo collapses the tree to its distinct
states (dynamic programming); stopping at the first success prunes it. Drawing the tree is how
you see both.

Docs: docs/stage2_patterns.md#trace-a-recursion-tree
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.trace import Trace

# The key idea: a recursion tree is the calls and what each one asks its children. Recording
# enter first and return last in EVERY call, leaves included, makes the trace a depth-first walk
# of that tree. The memo turns fib's exponential tree into a path plus one memo hit per level;
# in subset_sum, `take or skip` evaluates skip only when take failed, which prunes every branch
# to the right of the first success.


def memo_fib(n: int, trace: Trace, memo: dict[int, int] | None = None) -> int:
    """fib(n), with every call recorded as ``enter (n)`` ... ``return (n) -> value``.

    >>> trace = Trace()
    >>> memo_fib(2, trace)
    1
    >>> trace.steps  # doctest: +NORMALIZE_WHITESPACE
    [('enter', 2), ('enter', 1), ('return', 1, 1), ('enter', 0), ('return', 0, 0),
     ('return', 2, 1)]
    """
    memo = {} if memo is None else memo  # a fresh memo per top-level call, shared below it
    trace.enter(n)
    if n in memo:
        value = memo[n]
    elif n < 2:
        value = memo[n] = n
    else:
        value = memo[n] = memo_fib(n - 1, trace, memo) + memo_fib(n - 2, trace, memo)
    trace.leave(n, result=value)
    return value


def subset_sum(items: Sequence[int], target: int, trace: Trace) -> bool:
    """Whether some of ``items`` add up to ``target``; every call of ``can(i, remaining)`` recorded.

    >>> trace = Trace()
    >>> subset_sum([4], 4, trace)
    True
    >>> trace.steps
    [('enter', 0, 4), ('enter', 1, 0), ('return', 1, 0, True), ('return', 0, 4, True)]
    """

    def can(i: int, remaining: int) -> bool:
        trace.enter(i, remaining)
        if remaining == 0:
            found = True
        elif i == len(items) or remaining < 0:
            found = False
        else:
            # `or` short-circuits: skipping item i is tried only when taking it found nothing.
            found = can(i + 1, remaining - items[i]) or can(i + 1, remaining)
        trace.leave(i, remaining, result=found)
        return found

    return can(0, target)
