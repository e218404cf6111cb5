"""Sift-down is off by one at the end of the list: it ignores a right child that is the last
item, so a smaller item there stays below a larger parent and later pops come out wrong.
"""

from __future__ import annotations

from typing import Any

from checker.harness.trace import Trace
from solutions.stage2_patterns.trace_heap import heap_push  # noqa: F401

KATA = "trace-heap"


def heap_pop(heap: list[Any], trace: Trace) -> Any:
    if not heap:
        raise IndexError("pop from an empty heap")
    last = heap.pop()
    if not heap:
        return last
    top, heap[0] = heap[0], last
    parent = 0
    while True:
        smallest = parent
        for child in (2 * parent + 1, 2 * parent + 2):
            if child < len(heap) - 1 and heap[child] < heap[smallest]:  # the bug: should be < len
                smallest = child
        if smallest == parent:
            return top
        heap[parent], heap[smallest] = heap[smallest], heap[parent]
        trace.swap(parent, smallest)
        parent = smallest
