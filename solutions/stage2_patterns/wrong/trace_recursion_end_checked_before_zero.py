"""subset_sum checks for the end of the items before checking remaining == 0: a subset that
uses the last item reaches can(len(items), 0) and is wrongly turned down.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.trace import Trace
from solutions.stage2_patterns.trace_recursion import memo_fib  # noqa: F401

KATA = "trace-recursion"


def subset_sum(items: Sequence[int], target: int, trace: Trace) -> bool:
    def can(i: int, remaining: int) -> bool:
        trace.enter(i, remaining)
        if i == len(items) or remaining < 0:  # the bug: remaining == 0 must be checked first
            found = False
        elif remaining == 0:
            found = True
        else:
            found = can(i + 1, remaining - items[i]) or can(i + 1, remaining)
        trace.leave(i, remaining, result=found)
        return found

    return can(0, target)
