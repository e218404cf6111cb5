"""BoundedQueue delegates to rt.Queue: correct behaviour, but it skips the exercise (building
the queue from a lock and conditions), which the tests check in the schedule's steps.
"""

from __future__ import annotations

from typing import Any

from checker.harness.schedule import Runtime
from solutions.stage4_concurrency.bounded_queue import BoundedQueue as _Correct

KATA = "bounded-queue"


class BoundedQueue(_Correct):
    def __init__(self, capacity: int, rt: Runtime) -> None:
        super().__init__(capacity, rt)
        self._queue = rt.Queue(capacity, name="queue")  # the bug: the library does the work

    def put(self, item: Any, timeout: float | None = None) -> None:
        self._queue.put(item, timeout=timeout)

    def get(self, timeout: float | None = None) -> Any:
        return self._queue.get(timeout=timeout)

    def qsize(self) -> int:
        return self._queue.qsize()
