"""A closed range, [lo, hi] from [0, len(items) - 1] with hi = mid - 1: the right answer, but
every probe reports a different hi (and often a different mid) than the half-open convention.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.harness.trace import Trace

KATA = "trace-binary-search"


def lower_bound(items: Sequence[Any], target: Any, trace: Trace) -> int:
    lo, hi = 0, len(items) - 1  # the bug: the textbook closed range, not the convention
    while lo <= hi:
        mid = (lo + hi) // 2
        trace.probe(lo, mid, hi)
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return lo
