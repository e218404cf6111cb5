"""dedup_sorted deletes each duplicate with del: O(1) extra memory, but O(n) shifts each, O(n²)."""

from __future__ import annotations

from typing import Any

from solutions.stage1_foundations.space import Node, in_order, reverse_in_place  # noqa: F401

KATA = "space"


def dedup_sorted(items: list[Any]) -> int:
    i = 1
    while i < len(items):
        if items[i] == items[i - 1]:
            del items[i]  # the bug: every later item shifts one slot left
        else:
            i += 1
    return len(items)
