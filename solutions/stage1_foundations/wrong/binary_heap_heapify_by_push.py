"""Heapify pushes the items one by one: correct, but up to n·log2(n) comparisons, not 2n."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from solutions.stage1_foundations.binary_heap import MinHeap as _Correct

KATA = "binary-heap"


class MinHeap(_Correct):
    @classmethod
    def heapify(cls, items: Iterable[Any]) -> MinHeap:
        heap = cls()
        for item in items:  # the bug: n sift-ups instead of one bottom-up pass
            heap.push(item)
        return heap
