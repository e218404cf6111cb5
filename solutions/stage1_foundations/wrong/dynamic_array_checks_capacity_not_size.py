"""Checks indexes against the block's capacity, not the size: arr[len(arr)] returns None."""

from __future__ import annotations

from solutions.stage1_foundations.dynamic_array import DynamicArray as _Correct

KATA = "dynamic-array"


class DynamicArray(_Correct):
    def _position(self, index: int) -> int:
        position = index + self._size if index < 0 else index
        if not 0 <= position < self._block.capacity:  # the bug
            raise IndexError(f"index {index} out of range")
        return position
