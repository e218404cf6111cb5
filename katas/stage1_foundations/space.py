"""Space: three classics done in place, with O(1) extra memory and a call stack that stays flat.

A function's extra space is what it allocates beyond its input (a copy, a new list, a dict of
seen values) plus the call stack it builds: every pending recursive call is a frame. The tests
measure both: heap growth with tracemalloc and call depth with a profiler hook, at sizes that
double. A recursive version is caught however little heap it uses.

1. ``reverse_in_place(items)``: reverse the list itself, O(n) time and O(1) extra memory.
   Write the swaps yourself; ``items.reverse()`` is this function already.
2. ``dedup_sorted(items)``: LeetCode 26. ``items`` is sorted; move each distinct value, once, to
   the front in order and return how many there are. O(n) time, O(1) extra memory.
3. ``in_order(root)``: yield a binary tree's values in order (left subtree, node, right subtree)
   without recursion, so the call stack stays the same depth however tall the tree. What
   recursion kept in frames you keep yourself: at most one pending node per level of the tree,
   O(log n) on a balanced tree, and never a copy of all n values.

Why it matters: "in place" and "O(1) space" are claims about allocation and about the stack,
and both fail in production the same way: a copy that doubles memory on the biggest input, a
recursion that dies at depth 1,000 (CPython's default limit) on the deepest one.

Docs: docs/stage1_foundations.md#space
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(slots=True, eq=False)
class Node:
    """A node of a binary tree: a value and two optional subtrees (given; nothing to do here)."""

    value: Any
    left: Node | None = None
    right: Node | None = None


def reverse_in_place(items: list[Any]) -> None:
    """Reverse ``items`` itself, in place; return nothing, like ``list.reverse``.

    >>> xs = [1, 2, 3]; reverse_in_place(xs); xs
    [3, 2, 1]
    """
    raise NotImplementedError


def dedup_sorted(items: list[Any]) -> int:
    """Move each distinct value of the sorted ``items`` to the front, once, in order; return k.

    ``items[:k]`` then holds the distinct values; what is left after index k does not matter.

    >>> xs = [1, 1, 2, 3, 3]; k = dedup_sorted(xs); k, xs[:k]
    (3, [1, 2, 3])
    """
    raise NotImplementedError


def in_order(root: Node | None) -> Iterator[Any]:
    """Yield the tree's values in order: left subtree, then the node, then the right subtree.

    >>> list(in_order(Node(2, Node(1), Node(3))))
    [1, 2, 3]
    """
    raise NotImplementedError
