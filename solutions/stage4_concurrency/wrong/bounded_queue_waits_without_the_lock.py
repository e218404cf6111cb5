"""get peeks at the items and waits on the condition without holding its lock:
Condition.wait raises RuntimeError (and, were it allowed, a put could slip in between).
"""

from __future__ import annotations

from typing import Any

from solutions.stage4_concurrency.bounded_queue import BoundedQueue as _Correct

KATA = "bounded-queue"


class BoundedQueue(_Correct):
    def get(self, timeout: float | None = None) -> Any:
        if timeout is not None:
            return super().get(timeout)
        while not self._items:  # the bug: no lock held for the check or the wait
            self._not_empty.wait()
        with self._lock:
            item = self._items.popleft()
            self._not_full.notify()
            return item
