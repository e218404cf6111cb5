"""memo_fib has one base case, n == 0: fib(1) asks for fib(0) + fib(-1), and from there the
calls run down through the negative numbers without end.
"""

from __future__ import annotations

from checker.harness.trace import Trace
from solutions.stage2_patterns.trace_recursion import subset_sum  # noqa: F401

KATA = "trace-recursion"


def memo_fib(n: int, trace: Trace, memo: dict[int, int] | None = None) -> int:
    memo = {} if memo is None else memo
    trace.enter(n)
    if n in memo:
        value = memo[n]
    elif n == 0:  # the bug: fib(1) = 1 is a base case too
        value = memo[n] = 0
    else:
        value = memo[n] = memo_fib(n - 1, trace, memo) + memo_fib(n - 2, trace, memo)
    trace.leave(n, result=value)
    return value
