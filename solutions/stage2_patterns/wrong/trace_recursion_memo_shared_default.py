"""memo_fib's memo is a mutable default, ``memo={}``: made once and shared by every call, so a
second memo_fib(n) finds the first one's values and its trace is a single memo hit.
"""

from __future__ import annotations

from checker.harness.trace import Trace
from solutions.stage2_patterns.trace_recursion import subset_sum  # noqa: F401

KATA = "trace-recursion"


def memo_fib(n: int, trace: Trace, memo: dict[int, int] = {}) -> int:  # noqa: B006  (the bug)
    trace.enter(n)
    if n in memo:
        value = memo[n]
    elif n < 2:
        value = memo[n] = n
    else:
        value = memo[n] = memo_fib(n - 1, trace, memo) + memo_fib(n - 2, trace, memo)
    trace.leave(n, result=value)
    return value
