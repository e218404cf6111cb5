"""merge_sorted finds the smallest head by scanning every list: k comparisons per item."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from solutions.stage2_patterns.heaps import RunningMedian, top_k_frequent  # noqa: F401
from solutions.stage2_patterns.heaps import merge_sorted as _correct

KATA = "heap-patterns"


def merge_sorted(lists: Sequence[Sequence[Any]]) -> list[Any]:
    at = [0] * len(lists)
    merged: list[Any] = []
    while True:
        smallest = None
        for which, items in enumerate(lists):  # the bug: every head, for every item
            if at[which] < len(items) and (
                smallest is None or items[at[which]] < lists[smallest][at[smallest]]
            ):
                smallest = which
        if smallest is None:
            return merged
        merged.append(lists[smallest][at[smallest]])
        at[smallest] += 1


merge_sorted.approach = _correct.approach  # type: ignore[attr-defined]
