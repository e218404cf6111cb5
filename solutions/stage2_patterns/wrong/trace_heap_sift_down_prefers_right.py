"""Sift-down lets the right child win a tie with the left one (``<=`` for the right child):
the heap still pops in order, but the sinking item turns right where the convention says left.
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
        left, right = 2 * parent + 1, 2 * parent + 2
        child = left
        if right < len(heap) and heap[right] <= heap[left]:  # the bug: a tie goes right
            child = right
        if child >= len(heap) or not heap[child] < heap[parent]:
            return top
        heap[parent], heap[child] = heap[child], heap[parent]
        trace.swap(parent, child)
        parent = child
