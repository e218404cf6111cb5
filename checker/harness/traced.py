"""Reference runs: the checker's own traced versions of stage 2's five stepped algorithms.

The trace katas and the predict kata compare a learner's trace, or a learner's prediction, with
the trace these functions record on the same input. They live in the checker, not in
``solutions/``, so grading still works when an instructor hands out the workbook without its
solutions. Each follows one precise convention, and the kata stubs spell the same one out:

- ``lower_bound``: half-open range ``[lo, hi)`` starting at ``[0, len(items))``;
  ``mid = (lo + hi) // 2``; one probe recorded per loop turn, before ``items[mid]`` is compared.
- ``lcs_table``: the longest-common-subsequence table of ``a`` and ``b``, ``len(a) + 1`` rows by
  ``len(b) + 1`` columns, every cell recorded once in row-major order, row 0 and column 0
  (all zeros) included.
- ``memo_fib`` and ``subset_sum``: every call records ``enter`` on the way in and ``return`` on
  the way out, memo hits and base cases included; ``subset_sum`` tries taking item ``i`` before
  skipping it and stops at the first success.
- ``heap_push`` and ``heap_pop``: a min-heap in a list; each swap is recorded as
  ``(parent index, child index)``; sift-down moves to the smaller child, the left one on a tie,
  and never swaps equal items.
- ``dfs``: roots in the mapping's order, neighbours in list order; every edge examined is
  recorded with its kind (tree, back, forward or cross, as in CLRS §22.3).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from checker.harness.trace import Trace


def lower_bound(items: Sequence[Any], target: Any, trace: Trace) -> int:
    """The first index whose item is >= target (``bisect_left``), probes recorded."""
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        trace.probe(lo, mid, hi)
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def lcs_table(a: Sequence[Any], b: Sequence[Any], trace: Trace) -> int:
    """The length of a longest common subsequence of ``a`` and ``b``, cells recorded."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        for j in range(len(b) + 1):
            if i and j:
                if a[i - 1] == b[j - 1]:
                    table[i][j] = table[i - 1][j - 1] + 1
                else:
                    table[i][j] = max(table[i - 1][j], table[i][j - 1])
            trace.cell(i, j, table[i][j])
    return table[len(a)][len(b)]


def memo_fib(n: int, trace: Trace, memo: dict[int, int] | None = None) -> int:
    """Fibonacci with a memo (fib(0) = 0, fib(1) = 1), every call recorded."""
    memo = {} if memo is None else memo
    trace.enter(n)
    if n in memo:
        value = memo[n]
    elif n < 2:
        value = memo[n] = n
    else:
        value = memo[n] = memo_fib(n - 1, trace, memo) + memo_fib(n - 2, trace, memo)
    trace.leave(n, result=value)
    return value


def subset_sum(items: Sequence[int], target: int, trace: Trace) -> bool:
    """Whether some of the positive ``items`` add up to ``target``, every call recorded."""

    def can(i: int, remaining: int) -> bool:
        trace.enter(i, remaining)
        if remaining == 0:
            found = True
        elif i == len(items) or remaining < 0:
            found = False
        else:
            found = can(i + 1, remaining - items[i]) or can(i + 1, remaining)
        trace.leave(i, remaining, result=found)
        return found

    return can(0, target)


def heap_push(heap: list[Any], item: Any, trace: Trace) -> None:
    """Append ``item`` and sift it up, swaps recorded as (parent, child)."""
    heap.append(item)
    child = len(heap) - 1
    while child > 0:
        parent = (child - 1) // 2
        if not heap[child] < heap[parent]:
            break
        heap[parent], heap[child] = heap[child], heap[parent]
        trace.swap(parent, child)
        child = parent


def heap_pop(heap: list[Any], trace: Trace) -> Any:
    """Remove and return the smallest item, swaps recorded as (parent, child)."""
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
            if child < len(heap) and heap[child] < heap[smallest]:
                smallest = child
        if smallest == parent:
            return top
        heap[parent], heap[smallest] = heap[smallest], heap[parent]
        trace.swap(parent, smallest)
        parent = smallest


def dfs(graph: Mapping[Hashable, Sequence[Hashable]], trace: Trace) -> list[Hashable]:
    """Depth-first search of a directed graph; returns the vertices in the order they finish.

    Iterative, with a stack of (vertex, next neighbour index), so a long path cannot hit the
    recursion limit; the recorded steps are the same as the recursive version's.
    """
    discovered: dict[Hashable, int] = {}
    finished: set[Hashable] = set()
    order: list[Hashable] = []
    for root in graph:
        if root in discovered:
            continue
        discovered[root] = len(discovered)
        trace.discover(root)
        stack = [(root, 0)]
        while stack:
            u, i = stack.pop()
            neighbours = graph.get(u, ())
            if i < len(neighbours):
                stack.append((u, i + 1))
                v = neighbours[i]
                if v not in discovered:
                    trace.edge(u, v, "tree")
                    discovered[v] = len(discovered)
                    trace.discover(v)
                    stack.append((v, 0))
                elif v not in finished:
                    trace.edge(u, v, "back")
                elif discovered[u] < discovered[v]:
                    trace.edge(u, v, "forward")
                else:
                    trace.edge(u, v, "cross")
            else:
                finished.add(u)
                order.append(u)
                trace.finish(u)
    return order
