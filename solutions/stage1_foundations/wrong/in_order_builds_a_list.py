"""in_order walks iteratively but collects every value into a list first: O(n) extra memory."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from solutions.stage1_foundations.space import Node, dedup_sorted, reverse_in_place  # noqa: F401

KATA = "space"


def in_order(root: Node | None) -> Iterator[Any]:
    values: list[Any] = []  # the bug: all n values are held before the first is handed out
    pending: list[Node] = []
    node = root
    while pending or node is not None:
        while node is not None:
            pending.append(node)
            node = node.left
        node = pending.pop()
        values.append(node.value)
        node = node.right
    return iter(values)
