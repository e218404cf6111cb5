"""get waits under an `if`, not a `while`: a consumer woken for an item another consumer took
goes on to pop from an empty deque.
"""

from __future__ import annotations

from typing import Any

from solutions.stage4_concurrency.bounded_queue import BoundedQueue as _Correct

KATA = "bounded-queue"


class BoundedQueue(_Correct):
    def get(self, timeout: float | None = None) -> Any:
        if timeout is not None:
            return super().get(timeout)
        with self._lock:
            if not self._items:  # the bug: checked once; after the wake-up nobody re-checks
                self._not_empty.wait()
            item = self._items.popleft()
            self._not_full.notify()
            return item
