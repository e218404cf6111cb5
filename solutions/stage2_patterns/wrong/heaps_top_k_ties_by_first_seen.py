"""top_k_frequent trusts Counter.most_common: equal counts come out in first-seen order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable

from solutions.stage2_patterns.heaps import RunningMedian, merge_sorted  # noqa: F401
from solutions.stage2_patterns.heaps import top_k_frequent as _correct

KATA = "heap-patterns"


def top_k_frequent(items: Iterable[Hashable], k: int) -> list[Hashable]:
    if k <= 0:
        return []
    # the bug: most_common keeps a heap of the k best, but breaks ties by first appearance
    return [item for item, _ in Counter(items).most_common(k)]


top_k_frequent.approach = _correct.approach  # type: ignore[attr-defined]
