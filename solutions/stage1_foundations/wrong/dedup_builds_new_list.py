"""dedup_sorted collects the distinct values in a new list, then copies them back: O(n) extra."""

from __future__ import annotations

from typing import Any

from solutions.stage1_foundations.space import Node, in_order, reverse_in_place  # noqa: F401

KATA = "space"


def dedup_sorted(items: list[Any]) -> int:
    distinct: list[Any] = []  # the bug: a second list as long as the number of distinct values
    for value in items:
        if not distinct or distinct[-1] != value:
            distinct.append(value)
    items[: len(distinct)] = distinct
    return len(distinct)
