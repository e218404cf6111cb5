"""Producers and consumers wait on ONE shared condition and each change wakes one waiter with
notify(): a consumer's notify can wake another consumer instead of the waiting producer (and a
producer's another producer), so the one thread that could go on sleeps: a lost wake-up.
"""

from __future__ import annotations

from checker.harness.schedule import Runtime
from solutions.stage4_concurrency.bounded_queue import BoundedQueue as _Correct

KATA = "bounded-queue"


class BoundedQueue(_Correct):
    def __init__(self, capacity: int, rt: Runtime) -> None:
        super().__init__(capacity, rt)
        # the bug: "not full" and "not empty" are one condition, and put/get still notify() one
        self._not_full = self._not_empty = rt.Condition(self._lock, name="changed")
