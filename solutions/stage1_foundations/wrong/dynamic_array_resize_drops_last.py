"""Off by one when moving to a new block: the last value is not copied and reads back as None."""

from __future__ import annotations

from solutions.stage1_foundations.dynamic_array import DynamicArray as _Correct

KATA = "dynamic-array"


class DynamicArray(_Correct):
    def _move_to(self, capacity: int) -> None:
        block = self._memory.allocate(capacity)
        for i in range(self._size - 1):  # the bug: one short
            block[i] = self._block[i]
        self._block = block
