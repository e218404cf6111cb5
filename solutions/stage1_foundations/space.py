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
    # Key idea: two indices walk in from both ends and swap until they meet. Each slot is read
    # and written once, and the only extra memory is the two indices.
    left, right = 0, len(items) - 1
    while left < right:
        items[left], items[right] = items[right], items[left]
        left += 1
        right -= 1


def dedup_sorted(items: list[Any]) -> int:
    """Move each distinct value of the sorted ``items`` to the front, once, in order; return k.

    ``items[:k]`` then holds the distinct values; what is left after index k does not matter.

    >>> xs = [1, 1, 2, 3, 3]; k = dedup_sorted(xs); k, xs[:k]
    (3, [1, 2, 3])
    """
    # Key idea: a read index scans every value and a write index marks the end of the distinct
    # prefix. Sorted means a new value differs from the last one kept, so one comparison
    # decides; nothing is shifted (del items[i] in a loop would be O(n) per duplicate).
    if not items:
        return 0
    write = 1
    for read in range(1, len(items)):
        if items[read] != items[write - 1]:
            items[write] = items[read]
            write += 1
    return write


def in_order(root: Node | None) -> Iterator[Any]:
    """Yield the tree's values in order: left subtree, then the node, then the right subtree.

    >>> list(in_order(Node(2, Node(1), Node(3))))
    [1, 2, 3]
    """
    # Key idea: the recursive version keeps "come back to this node after its left subtree" in
    # a call frame. Keep it in a list instead: walk left pushing nodes, pop one, yield it, go
    # right. The list holds one node per level of the current path, and the call stack stays
    # one frame deep.
    pending: list[Node] = []
    node = root
    while pending or node is not None:
        while node is not None:
            pending.append(node)
            node = node.left
        node = pending.pop()
        yield node.value
        node = node.right
