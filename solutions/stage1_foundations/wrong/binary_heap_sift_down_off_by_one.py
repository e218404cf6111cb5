"""Sift-down is off by one: it ignores a right child that is the last item, and so can pick
the wrong (larger) child and leave a smaller item below a bigger one.
"""

from __future__ import annotations

from solutions.stage1_foundations.binary_heap import MinHeap as _Correct

KATA = "binary-heap"


class MinHeap(_Correct):
    def _sift_down(self, i: int) -> None:
        items = self._items
        n = len(items)
        item = items[i]
        while (child := 2 * i + 1) < n:
            right = child + 1
            if right < n - 1 and items[right] < items[child]:  # the bug: should be right < n
                child = right
            if not items[child] < item:
                break
            items[i] = items[child]
            i = child
        items[i] = item
