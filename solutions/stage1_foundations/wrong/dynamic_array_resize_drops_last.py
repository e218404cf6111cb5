"""Off by one when moving to a new block: the last value is not copied and reads back as None."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checker.harness.counting import Memory

KATA = "dynamic-array"


class DynamicArray:
    def __init__(self, memory: Memory) -> None:
        self._memory = memory
        self._block = memory.allocate(4)
        self._size = 0

    def append(self, value: Any) -> None:
        if self._size == self._block.capacity:
            self._move_to(2 * self._block.capacity)
        self._block[self._size] = value
        self._size += 1

    def pop(self) -> Any:
        if self._size == 0:
            raise IndexError("pop from an empty DynamicArray")
        self._size -= 1
        value = self._block[self._size]
        self._block[self._size] = None
        if self._block.capacity > 4 and self._size <= self._block.capacity // 4:
            self._move_to(max(self._block.capacity // 2, 4))
        return value

    def __getitem__(self, index: int) -> Any:
        return self._block[self._position(index)]

    def __setitem__(self, index: int, value: Any) -> None:
        self._block[self._position(index)] = value

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Any]:
        for i in range(self._size):
            yield self._block[i]

    def _position(self, index: int) -> int:
        position = index + self._size if index < 0 else index
        if not 0 <= position < self._size:
            raise IndexError(f"index {index} out of range")
        return position

    def _move_to(self, capacity: int) -> None:
        block = self._memory.allocate(capacity)
        for i in range(self._size - 1):  # the bug: one short
            block[i] = self._block[i]
        self._block = block
