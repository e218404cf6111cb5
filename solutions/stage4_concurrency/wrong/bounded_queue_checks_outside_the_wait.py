"""get checks for an item under one hold of the lock (qsize) and waits under another: a put
that lands between the check and the wait notifies nobody, and the consumer sleeps forever
beside a full queue (a lost wake-up).
"""

from __future__ import annotations

from typing import Any

from solutions.stage4_concurrency.bounded_queue import BoundedQueue as _Correct

KATA = "bounded-queue"


class BoundedQueue(_Correct):
    def get(self, timeout: float | None = None) -> Any:
        if timeout is not None:
            return super().get(timeout)
        while self.qsize() == 0:  # the bug: the check ...
            with self._lock:  # ... and the wait are two separate holds of the lock
                self._not_empty.wait()
        with self._lock:
            item = self._items.popleft()
            self._not_full.notify()
            return item
