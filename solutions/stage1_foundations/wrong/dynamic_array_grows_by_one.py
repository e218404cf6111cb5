"""Grows by one slot at a time: every append past the first block copies everything (Θ(n²))."""

from __future__ import annotations

from typing import Any

from solutions.stage1_foundations.dynamic_array import DynamicArray as _Correct

KATA = "dynamic-array"


class DynamicArray(_Correct):
    def append(self, value: Any) -> None:
        if self._size == self._block.capacity:
            self._move_to(self._block.capacity + 1)  # "just enough room": the bug
        self._block[self._size] = value
        self._size += 1
