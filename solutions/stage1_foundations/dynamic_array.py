"""Amortized dynamic array: a growable list built on fixed-size memory blocks.

Build ``DynamicArray``, the structure under Python's ``list``, Java's ``ArrayList`` and C++'s
``std::vector``. All of its storage comes from ``memory.allocate(capacity)``, which returns a
``Block``: ``capacity`` slots (``block[i]``, ``block[i] = value``, ``block.capacity``), each
reading ``None`` until written. A block never grows. When it is full, allocate a bigger one and
copy the elements across; when most of it is empty, move to a smaller one.

The bounds to meet, counted by the memory's counter (the tests never time your code):

- ``append`` is amortized O(1): n appends to an empty array write at most 4n slots (the n values
  plus at most 3n copies) and allocate O(log n) blocks.
- ``pop`` is amortized O(1) too, and it gives memory back: the capacity never exceeds 4 times
  the size (or 16 slots, whichever is larger).
- Appending and popping back and forth at a capacity boundary does not reallocate every time.
- Indexing reads or writes one slot, at any size.

Why it matters: "append is O(1)" is an amortized claim, true only for the right growth rule, and
the rule for shrinking cannot simply mirror it. Here you make both true and count what they cost.

Docs: docs/stage1_foundations.md#dynamic-array
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checker.harness.counting import Block, Memory

# The key idea: grow by a constant FACTOR, not a constant amount. Doubling means the copies
# made so far (1 + 2 + 4 + ... + capacity) add up to less than twice the elements appended, so
# each append pays O(1) on average. Shrink by half only when the array is a QUARTER full: right
# after either resize the array is half full, so at least capacity/4 more operations must come
# before the next resize, and those operations pay for its copies. Shrinking at half full
# instead would leave a full block after the shrink, and one append would grow it straight back.
_MIN_CAPACITY = 4


class DynamicArray:
    """A list of values in one block from ``memory``, moved to a new block as it grows or shrinks.

    >>> arr = DynamicArray(Memory())
    >>> for word in ["to", "be", "or"]:
    ...     arr.append(word)
    >>> len(arr), arr[0], arr[-1]
    (3, 'to', 'or')
    """

    def __init__(self, memory: Memory) -> None:
        """Start empty; every block this array ever uses comes from ``memory.allocate``.

        >>> len(DynamicArray(Memory()))
        0
        """
        self._memory = memory
        self._block: Block = memory.allocate(_MIN_CAPACITY)
        self._size = 0

    def append(self, value: Any) -> None:
        """Add ``value`` at the end, in amortized O(1).

        >>> arr = DynamicArray(Memory())
        >>> arr.append(7)
        >>> list(arr)
        [7]
        """
        if self._size == self._block.capacity:
            self._move_to(2 * self._block.capacity)
        self._block[self._size] = value
        self._size += 1

    def pop(self) -> Any:
        """Remove and return the last value; raise ``IndexError`` when the array is empty.

        >>> arr = DynamicArray(Memory())
        >>> arr.append(1); arr.append(2)
        >>> arr.pop(), len(arr)
        (2, 1)
        """
        if self._size == 0:
            raise IndexError("pop from an empty DynamicArray")
        self._size -= 1
        value = self._block[self._size]
        # Forget the popped value, or the block keeps it alive for as long as the array lives
        # (Effective Java, item 7: "eliminate obsolete object references").
        self._block[self._size] = None
        capacity = self._block.capacity
        if capacity > _MIN_CAPACITY and self._size <= capacity // 4:
            self._move_to(max(capacity // 2, _MIN_CAPACITY))
        return value

    def __getitem__(self, index: int) -> Any:
        """The value at ``index``; negative indexes count from the end, as for a list.

        >>> arr = DynamicArray(Memory())
        >>> arr.append("a"); arr.append("b")
        >>> arr[-1]
        'b'
        """
        return self._block[self._position(index)]

    def __setitem__(self, index: int, value: Any) -> None:
        """Replace the value at ``index`` (an existing position; this never grows the array).

        >>> arr = DynamicArray(Memory())
        >>> arr.append("a")
        >>> arr[0] = "z"
        >>> arr[0]
        'z'
        """
        self._block[self._position(index)] = value

    def __len__(self) -> int:
        """How many values the array holds (not its capacity).

        >>> arr = DynamicArray(Memory())
        >>> arr.append(None)
        >>> len(arr)
        1
        """
        return self._size

    def __iter__(self) -> Iterator[Any]:
        """The values from first to last.

        >>> arr = DynamicArray(Memory())
        >>> arr.append(1); arr.append(2)
        >>> [v * 10 for v in arr]
        [10, 20]
        """
        for i in range(self._size):
            yield self._block[i]

    def _position(self, index: int) -> int:
        # Check against the size, not the block: slots past the size hold nothing of ours.
        position = index + self._size if index < 0 else index
        if not 0 <= position < self._size:
            raise IndexError(
                f"index {index} is out of range for a DynamicArray of length {self._size}"
            )
        return position

    def _move_to(self, capacity: int) -> None:
        block = self._memory.allocate(capacity)
        for i in range(self._size):
            block[i] = self._block[i]
        self._block = block
