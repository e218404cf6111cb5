"""Space: the extra heap a call allocates, and how deep its calls go.

Since Python 3.11 frames live in a per-thread data stack that tracemalloc does not see, so
recursion costs no traced heap; depth is measured separately with a profiler hook. Together they
catch both kinds of hidden O(n) space: a copy (heap) and a recursion (depth).
"""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Callable
from typing import Any


def extra_heap(call: Callable[[], Any], *, warmup: Callable[[], Any] | None = None) -> int:
    """Peak bytes allocated during ``call()`` beyond what was live before it.

    ``warmup`` runs first, untraced for the verdict, so one-off costs (imports, caches,
    interned constants) are not charged to the call.
    """
    if warmup is not None:
        warmup()
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        baseline, _ = tracemalloc.get_traced_memory()
        result = call()
        _, peak = tracemalloc.get_traced_memory()
        del result
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return max(0, peak - baseline)


def max_depth(call: Callable[[], Any]) -> int:
    """The deepest chain of Python calls made inside ``call()`` (``call`` itself is depth 1)."""
    depth = 0
    deepest = 0

    def hook(frame, event, arg) -> None:
        nonlocal depth, deepest
        if event == "call":
            depth += 1
            deepest = max(deepest, depth)
        elif event == "return":
            depth -= 1

    previous = sys.getprofile()
    sys.setprofile(hook)
    try:
        call()
    finally:
        sys.setprofile(previous)
    return deepest
