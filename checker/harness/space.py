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

from checker.harness.growth import CONSTANT, LINEAR, QUADRATIC, Growth, classify

# Fewer extra bytes than this per added element is flat: CPython's allocator moves a few tens
# to hundreds of bytes around between runs, and containers grow in steps.
FLAT_BYTES_PER_ELEMENT = 4


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


def heap_growth(
    points: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    flat_bytes_per_element: float = FLAT_BYTES_PER_ELEMENT,
) -> Growth:
    """The class of extra heap measured at three or more sizes: O(1), O(n) or O(n^2).

    Bytes are noisy where operation counts are exact, so this does not fit curves: heap is flat
    when it grows by less than ``flat_bytes_per_element`` per added element; linear when its
    bytes per element stay within 2x; quadratic beyond.
    """
    points = sorted(points)
    if len(points) < 3:
        raise ValueError("heap_growth needs extra-heap figures at three or more sizes")
    (n0, b0), (n1, b1), (n2, b2) = points[0], points[len(points) // 2], points[-1]
    if (b2 - b0) / (n2 - n0) < flat_bytes_per_element:
        return CONSTANT
    return LINEAR if b2 / n2 < 2 * max(b1 / n1, 1.0) else QUADRATIC


def space_class(
    prepare: Callable[[int], Callable[[], Any]],
    sizes: tuple[int, ...] | list[int],
    *,
    what: str = "the call",
) -> tuple[Growth, str]:
    """The extra-space class of a call at several sizes, from heap bytes and call depth.

    ``prepare(n)`` builds an input of size ``n`` (untraced) and returns the call to measure; it
    is called afresh for each measurement, so a call that consumes or mutates its input is
    fine. Heap is judged by ``heap_growth``; depth (exact, like an operation count) is flat
    when it varies by at most one frame, else classified like a count, so an O(log n)
    recursion reads as O(log n) given sizes that span four or more doublings. The class is the
    larger of the two; the report shows both.
    """
    if len(sizes) < 3:
        raise ValueError("space_class needs three or more sizes")
    prepare(sizes[0])()  # warm-up: imports, caches and interned constants are not the call's
    heap = [(n, extra_heap(prepare(n))) for n in sizes]
    depth = [(n, max_depth(prepare(n))) for n in sizes]
    heap_class = heap_growth(heap)
    depths = [d for _, d in depth]
    depth_class = CONSTANT if max(depths) - min(depths) <= 1 else classify(depth)
    found = max(heap_class, depth_class, key=lambda g: g.rank)
    lines = [f"Measured the extra space of {what}:", f"    {'n':>8}  {'heap bytes':>12}  depth"]
    lines += [f"    {n:>8}  {b:>12}  {d:>5}" for (n, b), (_, d) in zip(heap, depth, strict=True)]
    lines.append(f"  heap grows like {heap_class}, call depth like {depth_class}: {found} in all.")
    return found, "\n".join(lines)
