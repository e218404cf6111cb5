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

from checker.harness.counting import Memory


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
        raise NotImplementedError

    def append(self, value: Any) -> None:
        """Add ``value`` at the end, in amortized O(1).

        >>> arr = DynamicArray(Memory())
        >>> arr.append(7)
        >>> list(arr)
        [7]
        """
        raise NotImplementedError

    def pop(self) -> Any:
        """Remove and return the last value; raise ``IndexError`` when the array is empty.

        >>> arr = DynamicArray(Memory())
        >>> arr.append(1); arr.append(2)
        >>> arr.pop(), len(arr)
        (2, 1)
        """
        raise NotImplementedError

    def __getitem__(self, index: int) -> Any:
        """The value at ``index``; negative indexes count from the end, as for a list.

        >>> arr = DynamicArray(Memory())
        >>> arr.append("a"); arr.append("b")
        >>> arr[-1]
        'b'
        """
        raise NotImplementedError

    def __setitem__(self, index: int, value: Any) -> None:
        """Replace the value at ``index`` (an existing position; this never grows the array).

        >>> arr = DynamicArray(Memory())
        >>> arr.append("a")
        >>> arr[0] = "z"
        >>> arr[0]
        'z'
        """
        raise NotImplementedError

    def __len__(self) -> int:
        """How many values the array holds (not its capacity).

        >>> arr = DynamicArray(Memory())
        >>> arr.append(None)
        >>> len(arr)
        1
        """
        raise NotImplementedError

    def __iter__(self) -> Iterator[Any]:
        """The values from first to last.

        >>> arr = DynamicArray(Memory())
        >>> arr.append(1); arr.append(2)
        >>> [v * 10 for v in arr]
        [10, 20]
        """
        raise NotImplementedError
