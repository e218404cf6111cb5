"""memo_fib looks in the memo before recording the call: memo hits return unrecorded, so the
trace lacks every call the memo answers (the right value, a pruned-looking tree).
"""

from __future__ import annotations

from checker.harness.trace import Trace
from solutions.stage2_patterns.trace_recursion import subset_sum  # noqa: F401

KATA = "trace-recursion"


def memo_fib(n: int, trace: Trace, memo: dict[int, int] | None = None) -> int:
    memo = {} if memo is None else memo
    if n in memo:
        return memo[n]  # the bug: a memo hit is a call too, and must be recorded
    trace.enter(n)
    if n < 2:
        value = memo[n] = n
    else:
        value = memo[n] = memo_fib(n - 1, trace, memo) + memo_fib(n - 2, trace, memo)
    trace.leave(n, result=value)
    return value
