"""The detector links a thread to every other thread that holds *or waits for* its lock.

Two threads queued for the same lock do not wait for each other, only for its holder; and
when the lock is free, nobody blocks them for good. This detector reports a cycle there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from solutions.stage4_concurrency.lock_ordering import *  # noqa: F403

KATA = "lock-ordering"


def find_deadlock(
    holding: Mapping[str, Iterable[str]], waiting: Mapping[str, str]
) -> list[str] | None:
    users: dict[str, list[str]] = {}
    for thread, locks in holding.items():
        for lock in locks:
            users.setdefault(lock, []).append(thread)
    for thread, lock in waiting.items():
        users.setdefault(lock, []).append(thread)  # the bug: a waiter counts as a blocker
    edges = {
        t: [u for u in users[lock] if u != t] + ([t] if lock in holding.get(t, ()) else [])
        for t, lock in waiting.items()
    }
    best = None
    for start in sorted(edges):
        path = [start]
        while True:
            nxt = next((u for u in edges.get(path[-1], []) if u in edges), None)
            if nxt is None:
                break
            if nxt in path:
                cycle = path[path.index(nxt) :]
                low = cycle.index(min(cycle))
                cycle = cycle[low:] + cycle[:low]
                if best is None or cycle[0] < best[0]:
                    best = cycle
                break
            path.append(nxt)
    return best
