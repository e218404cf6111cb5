"""The detector returns the cycle starting wherever its walk ran into it.

Walking from A along A -> D -> C -> B -> C meets the cycle at C and answers [C, B]; the same
cycle reported from B is [B, C]. Two reports of one deadlock should read the same, so the
cycle starts at its smallest name.
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
    for start in sorted(edge):
        path: list[str] = []
        node: str | None = start
        while node is not None and node not in path:
            path.append(node)
            node = edge.get(node)
        if node is not None:
            return path[path.index(node) :]  # the bug: not rotated to the smallest name
    return None
