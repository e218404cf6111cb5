"""dedup_sorted's read index stops one short (range(1, len - 1)): the last value is never read."""

from __future__ import annotations

from typing import Any

from solutions.stage1_foundations.space import Node, in_order, reverse_in_place  # noqa: F401

KATA = "space"


def dedup_sorted(items: list[Any]) -> int:
    if not items:
        return 0
    write = 1
    for read in range(1, len(items) - 1):  # the bug: off by one, the last item is skipped
        if items[read] != items[write - 1]:
            items[write] = items[read]
            write += 1
    return write
