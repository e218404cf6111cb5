"""reverse_in_place reverses through a slice: items[:] = items[::-1] copies all n items first."""

from __future__ import annotations

from typing import Any

from solutions.stage1_foundations.space import Node, dedup_sorted, in_order  # noqa: F401

KATA = "space"


def reverse_in_place(items: list[Any]) -> None:
    items[:] = items[::-1]  # the bug: the right-hand side is a new list of n items, O(n) extra
