"""The probe is recorded after lo or hi has moved: the right mid, the right answer, but each
step shows the range the turn ends with instead of the one it looked at.
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
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid
        trace.probe(lo, mid, hi)  # the bug: recorded after the range has moved
    return lo
