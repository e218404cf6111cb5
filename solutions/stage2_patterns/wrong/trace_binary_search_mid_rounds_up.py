"""mid rounds up, (lo + hi + 1) // 2: when hi = lo + 1 it probes hi itself, outside the live
range [lo, hi). Past the end of the list that is an IndexError; elsewhere, when that item is
>= target, hi = mid changes nothing and the loop never ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.harness.trace import Trace

KATA = "trace-binary-search"


def lower_bound(items: Sequence[Any], target: Any, trace: Trace) -> int:
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi + 1) // 2  # the bug: rounds up, so mid can equal hi
        trace.probe(lo, mid, hi)
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo
