"""The detector follows the edges backwards: from a lock's holder to the threads waiting for it.

It finds the same threads, but lists the cycle against the wait-for order: for A waiting for
B, B for C and C for A it answers A, C, B, which tells the reader C waits for A's lock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from solutions.stage4_concurrency.lock_ordering import *  # noqa: F403
from solutions.stage4_concurrency.lock_ordering import find_deadlock as _correct

KATA = "lock-ordering"


def find_deadlock(
    holding: Mapping[str, Iterable[str]], waiting: Mapping[str, str]
) -> list[str] | None:
    cycle = _correct(holding, waiting)
    if cycle is None:
        return None
    return [cycle[0], *reversed(cycle[1:])]  # the bug: holder -> waiter
