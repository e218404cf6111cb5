"""Trace: binary search. Record every probe of a lower-bound search, so you can predict each one.

Write ``lower_bound(items, target, trace)``: the first index of the sorted list ``items`` whose
item is >= ``target``, or ``len(items)`` when there is none (what ``bisect.bisect_left``
returns). The answer alone is not the point. Your search records each probe on ``trace``, and
the tests replay it against the checker's reference run and show the first step where yours
parts ways, side by side. Once the traces agree you can write down every ``lo``, ``mid`` and
``hi`` of a search before you step it in the debugger: checkpoint 2.2.

The convention (the reference follows it exactly, and so must you):

- the live range is half-open, ``[lo, hi)``: it starts as ``lo, hi = 0, len(items)``, and the
  answer always lies in ``lo..hi`` (``hi`` itself included, meaning "past the end");
- loop while ``lo < hi``, with ``mid = (lo + hi) // 2`` (rounding down);
- call ``trace.probe(lo, mid, hi)`` once per turn of the loop, BEFORE comparing ``items[mid]``,
  with the range that turn starts from;
- if ``items[mid] < target``, the answer lies right of ``mid``: ``lo = mid + 1``; otherwise
  ``mid`` itself may be the answer: ``hi = mid``. Never stop early on an equal item: a duplicate
  may sit further left.

Worked example, ``lower_bound([1, 3, 5, 7], 4, trace)``::

    step  recorded               then
    1     probe lo=0 mid=2 hi=4  items[2] = 5 >= 4, so hi = 2
    2     probe lo=0 mid=1 hi=2  items[1] = 3 < 4, so lo = 2
          (lo == hi == 2: the loop ends)   returns 2

The bound: at most ceil(log2(n + 1)) probes for n items (10 for a thousand items, 20 for a
million), because every probe leaves at most half of the range live. An empty list needs none.

Why it matters: "sorted input" and "the first position where ..." in a problem statement mean
binary search, and its classic bugs (a closed range mixed with a half-open one, a mid that
rounds the wrong way, a loop that never narrows) show up only on some inputs. Stepping it until
you can predict every probe is how those bugs stop happening.

Docs: docs/stage2_patterns.md#trace-binary-search
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.harness.trace import Trace

# The key idea: keep one invariant, "everything left of lo is < target, everything from hi on is
# >= target", and shrink [lo, hi) until it is empty; then lo is the answer. Each turn keeps at
# most half of the range (mid rounds down, so lo = mid + 1 and hi = mid both make progress),
# which bounds the probes by ceil(log2(n + 1)).


def lower_bound(items: Sequence[Any], target: Any, trace: Trace) -> int:
    """The first index whose item is >= ``target``; one ``trace.probe(lo, mid, hi)`` per turn.

    >>> trace = Trace()
    >>> lower_bound([1, 3, 5, 7], 4, trace)
    2
    >>> trace.steps
    [('probe', 0, 2, 4), ('probe', 0, 1, 2)]
    """
    lo, hi = 0, len(items)
    while lo < hi:  # invariant: items[:lo] < target <= items[hi:]
        mid = (lo + hi) // 2
        trace.probe(lo, mid, hi)
        if items[mid] < target:
            lo = mid + 1  # mid and everything left of it are too small
        else:
            hi = mid  # mid may be the answer: keep it in the range
    return lo
