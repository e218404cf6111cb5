"""The search returns as soon as items[mid] == target, the "find any match" habit: with
duplicates it returns one from the middle of the run, not the first, after too few probes.
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
        if items[mid] == target:
            return mid  # the bug: a duplicate may sit further left
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo
