"""lo = mid instead of lo = mid + 1: once hi = lo + 1 and items[lo] < target, mid is lo again
and the range never shrinks, so the loop runs forever.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.harness.trace import Trace

KATA = "trace-binary-search"


def lower_bound(items: Sequence[Any], target: Any, trace: Trace) -> int:
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        trace.probe(lo, mid, hi)
        if items[mid] < target:
            lo = mid  # the bug: mid is known to be too small, so it must leave the range
        else:
            hi = mid
    return lo
