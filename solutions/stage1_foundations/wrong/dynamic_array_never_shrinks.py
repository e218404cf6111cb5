"""Never moves to a smaller block: after popping, a huge block holds a handful of values."""

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
        return value
