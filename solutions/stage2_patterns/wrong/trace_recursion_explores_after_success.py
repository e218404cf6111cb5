"""subset_sum computes both branches before combining them, ``take = ...; skip = ...;
return take or skip``: the right answer, but it keeps searching after the first success.
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
            take = can(i + 1, remaining - items[i])
            skip = can(i + 1, remaining)  # the bug: runs even when take already succeeded
            found = take or skip
        trace.leave(i, remaining, result=found)
        return found

    return can(0, target)
