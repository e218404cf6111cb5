"""Sift-up swaps an item with a parent equal to it: it stops only when the parent is strictly
smaller, ``<=`` where ``<`` belongs, so equal items climb past each other and add swaps.
"""

from __future__ import annotations

from typing import Any

from checker.harness.trace import Trace
from solutions.stage2_patterns.trace_heap import heap_pop  # noqa: F401

KATA = "trace-heap"


def heap_push(heap: list[Any], item: Any, trace: Trace) -> None:
    heap.append(item)
    child = len(heap) - 1
    while child > 0:
        parent = (child - 1) // 2
        if heap[parent] < heap[child]:  # the bug: stops only when the parent is smaller
            break
        heap[parent], heap[child] = heap[child], heap[parent]
        trace.swap(parent, child)
        child = parent
