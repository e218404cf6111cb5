"""Trace: a heap. Record every swap of a min-heap's push and pop, so you can predict each one.

Write ``heap_push(heap, item, trace)`` and ``heap_pop(heap, trace)`` on a min-heap kept in a
plain Python list: the children of index i are at 2i + 1 and 2i + 2, its parent at
(i - 1) // 2, and no item is smaller than its parent, so the smallest sits at index 0. Items
only need ``<``. Both functions change ``heap`` in place and record each swap on ``trace``; the
tests replay every push and pop against the checker's reference run and show the first swap
where yours parts ways, side by side. Once they agree you can say, before stepping it in the
debugger, where a pushed item comes to rest and which way a sinking item turns: checkpoint 2.2.
No ``heapq``: it sifts differently.

The convention (the reference follows it exactly, and so must you):

- a swap is recorded as ``trace.swap(parent_index, child_index)``, the parent's index first,
  once per swap of two items in the list, and nothing else is recorded;
- ``heap_push``: append the item, then sift it up: while it is not at index 0 and it is
  strictly smaller than its parent, swap the two;
- ``heap_pop``: on an empty list raise ``IndexError`` saying the heap is empty. Otherwise take
  the last item off the end with ``list.pop()``; if that empties the list, return it (no swap).
  Else the root is the answer: put the last item at index 0 in its place (a move, not a swap:
  not recorded) and sift it down: find the smaller of its children inside the list, the LEFT
  one on a tie, and swap only if that child is strictly smaller than the item. Equal items are
  never swapped, up or down.

Worked example, on ``heap = [1, 3, 2, 5, 4]``::

    heap_push(heap, 0, trace)      0 is appended at index 5; parent 2 holds 2 > 0
        swap [2] <-> [5]           [1, 3, 0, 5, 4, 2]; parent 0 holds 1 > 0
        swap [0] <-> [2]           [0, 3, 1, 5, 4, 2]; at the root: stop
    heap_pop(heap, trace)          2 comes off the end and replaces the root: [2, 3, 1, 5, 4]
        swap [0] <-> [2]           children hold 3 and 1; 1 < 2: [1, 3, 2, 5, 4]; index 2 is
                                   a leaf: stop, and return 0

The bound: a push into a list of n items (counting the new one) swaps at most floor(log2(n))
times, the height of the tree; so does a pop that leaves n items.

Why it matters: "k largest", "k-th", merging sorted lists and running medians all mean a heap,
and a heap is only O(log n) per operation because each sift walks one root-to-leaf path.
Predicting that path, including which child wins a tie, is how you know it is.

Docs: docs/stage2_patterns.md#trace-a-heap
"""

from __future__ import annotations

from typing import Any

from checker.harness.trace import Trace

# The key idea: each sift walks one path between the root and a leaf, so it costs at most the
# tree's height, floor(log2(n)) swaps. Sift-up compares the item with its one parent; sift-down
# first picks the smaller child (the only one that can become the parent of the other) and then
# decides whether to swap. Strict comparisons mean equal items stay where they are: fewer swaps,
# and a deterministic trace.


def heap_push(heap: list[Any], item: Any, trace: Trace) -> None:
    """Add ``item`` to the min-heap ``heap`` in place; each swap as ``trace.swap(parent, child)``.

    >>> heap, trace = [1, 3, 2, 5, 4], Trace()
    >>> heap_push(heap, 0, trace)
    >>> heap, trace.steps
    ([0, 3, 1, 5, 4, 2], [('swap', 2, 5), ('swap', 0, 2)])
    """
    heap.append(item)
    child = len(heap) - 1
    while child > 0:
        parent = (child - 1) // 2
        if not heap[child] < heap[parent]:
            break  # not strictly smaller: equal items never swap
        heap[parent], heap[child] = heap[child], heap[parent]
        trace.swap(parent, child)
        child = parent


def heap_pop(heap: list[Any], trace: Trace) -> Any:
    """Remove and return the smallest item; each swap as ``trace.swap(parent, child)``.

    >>> heap, trace = [0, 3, 1, 5, 4, 2], Trace()
    >>> heap_pop(heap, trace)
    0
    >>> heap, trace.steps
    ([1, 3, 2, 5, 4], [('swap', 0, 2)])
    """
    if not heap:
        raise IndexError("pop from an empty heap")
    last = heap.pop()
    if not heap:
        return last
    top, heap[0] = heap[0], last  # a move into the hole, not a swap
    parent = 0
    while True:
        smallest = parent
        for child in (2 * parent + 1, 2 * parent + 2):  # left first: it wins a tie
            if child < len(heap) and heap[child] < heap[smallest]:
                smallest = child
        if smallest == parent:
            return top
        heap[parent], heap[smallest] = heap[smallest], heap[parent]
        trace.swap(parent, smallest)
        parent = smallest
