"""The detector only looks for two threads waiting for each other (A -> B -> A).

It finds the textbook two-lock deadlock and a thread waiting for itself, and misses every
longer cycle, such as three philosophers each holding the next one's fork.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from solutions.stage4_concurrency.lock_ordering import *  # noqa: F403

KATA = "lock-ordering"


def find_deadlock(
    holding: Mapping[str, Iterable[str]], waiting: Mapping[str, str]
) -> list[str] | None:
    owner = {lock: thread for thread, locks in holding.items() for lock in locks}
    edge = {t: owner[lock] for t, lock in waiting.items() if lock in owner}
    for t in sorted(edge):
        u = edge[t]
        if edge.get(u) == t:  # the bug: only cycles of length 1 and 2
            return sorted({t, u})
    return None
