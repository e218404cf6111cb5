"""subset_sum tries skipping item i before taking it: the same answers, but a different
recursion tree, and it finds a different subset first.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.trace import Trace
from solutions.stage2_patterns.trace_recursion import memo_fib  # noqa: F401

KATA = "trace-recursion"


def subset_sum(items: Sequence[int], target: int, trace: Trace) -> bool:
    def can(i: int, remaining: int) -> bool:
        trace.enter(i, remaining)
        if remaining == 0:
            found = True
        elif i == len(items) or remaining < 0:
            found = False
        else:
            found = can(i + 1, remaining) or can(i + 1, remaining - items[i])  # the bug: order
        trace.leave(i, remaining, result=found)
        return found

    return can(0, target)
