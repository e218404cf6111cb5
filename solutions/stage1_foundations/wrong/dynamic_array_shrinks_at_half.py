"""Shrinks to half as soon as it is half full: the new block is full, so append/pop thrash."""

from __future__ import annotations

from typing import Any

from solutions.stage1_foundations.dynamic_array import DynamicArray as _Correct

KATA = "dynamic-array"


class DynamicArray(_Correct):
    def pop(self) -> Any:
        if self._size == 0:
            raise IndexError("pop from an empty DynamicArray")
        self._size -= 1
        value = self._block[self._size]
        self._block[self._size] = None
        if self._block.capacity > 4 and self._size <= self._block.capacity // 2:  # the bug
            self._move_to(max(self._block.capacity // 2, 4))
        return value
