"""A timed put/get waits the full timeout again after every wake-up that finds it still cannot
go on, so it gives up late: timeout=3 woken at t=1 raises at t=4, not t=3.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from solutions.stage4_concurrency.bounded_queue import BoundedQueue as _Correct

KATA = "bounded-queue"


class BoundedQueue(_Correct):
    def _wait_until(
        self,
        condition: Any,
        ready: Callable[[], bool],
        timeout: float | None,
        error: type[Exception],
    ) -> None:
        while not ready():
            if not condition.wait(timeout):  # the bug: the whole timeout, every time round
                raise error
