"""in_order recurses with `yield from`: one frame per level, so a tall tree hits RecursionError."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from solutions.stage1_foundations.space import Node, dedup_sorted, reverse_in_place  # noqa: F401

KATA = "space"


def in_order(root: Node | None) -> Iterator[Any]:
    if root is None:
        return
    yield from in_order(root.left)  # the bug: the pending nodes live in call frames
    yield root.value
    yield from in_order(root.right)
