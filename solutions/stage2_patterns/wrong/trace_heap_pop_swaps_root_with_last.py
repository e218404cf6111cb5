"""heap_pop swaps the root with the last item before taking it off the end, and records that
swap: the items come out right, but every pop's trace starts with a step the convention omits.
"""

from __future__ import annotations

from typing import Any

from checker.harness.trace import Trace
from solutions.stage2_patterns.trace_heap import heap_push  # noqa: F401

KATA = "trace-heap"


def heap_pop(heap: list[Any], trace: Trace) -> Any:
    if not heap:
        raise IndexError("pop from an empty heap")
    end = len(heap) - 1
    if end > 0:
        heap[0], heap[end] = heap[end], heap[0]
        trace.swap(0, end)  # the bug: moving the last item to the root is not a recorded swap
    top = heap.pop()
    parent = 0
    while True:
        smallest = parent
        for child in (2 * parent + 1, 2 * parent + 2):
            if child < len(heap) and heap[child] < heap[smallest]:
                smallest = child
        if smallest == parent:
            return top
        heap[parent], heap[smallest] = heap[smallest], heap[parent]
        trace.swap(parent, smallest)
        parent = smallest
