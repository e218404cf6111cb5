"""put waits under an `if`, not a `while`: a producer woken for room another producer filled
adds its item anyway, and the queue holds more than its capacity.
"""

from __future__ import annotations

from typing import Any

from solutions.stage4_concurrency.bounded_queue import BoundedQueue as _Correct

KATA = "bounded-queue"


class BoundedQueue(_Correct):
    def put(self, item: Any, timeout: float | None = None) -> None:
        if timeout is not None:
            return super().put(item, timeout)
        with self._lock:
            if len(self._items) >= self._capacity:  # the bug: no re-check after the wake-up
                self._not_full.wait()
            self._items.append(item)
            self._not_empty.notify()
