"""top_k_frequent sorts every distinct item by its count: right, but n log n comparisons."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable

from solutions.stage2_patterns.heaps import RunningMedian, merge_sorted  # noqa: F401
from solutions.stage2_patterns.heaps import top_k_frequent as _correct

KATA = "heap-patterns"


def top_k_frequent(items: Iterable[Hashable], k: int) -> list[Hashable]:
    counts = Counter(items)
    ranked = sorted(counts, key=lambda item: (-counts[item], item))  # the bug: ranks them all
    return ranked[: max(k, 0)]


top_k_frequent.approach = _correct.approach  # type: ignore[attr-defined]
