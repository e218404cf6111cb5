"""The plain stack guards top with a lock instead of using compare-and-set. It keeps every
value, but it is not lock-free: a thread paused while holding the lock stops every other.
"""

from __future__ import annotations

from typing import Any

from checker.harness.reclaim import NodePool
from checker.harness.schedule import Runtime
from solutions.stage4_concurrency.treiber_stack import *  # noqa: F403

KATA = "treiber-stack"


class TreiberStack:
    def __init__(self, rt: Runtime, pool: NodePool) -> None:
        self._pool = pool
        self._lock = rt.Lock(name="stack lock")  # the bug: a lock-free stack takes no lock
        self._top = rt.AtomicRef(None, name="top")

    def push(self, value: Any) -> None:
        with self._lock:
            self._top.set(self._pool.allocate(value=value, next=self._top.get()))

    def pop(self) -> Any:
        with self._lock:
            old = self._top.get()
            if old is None:
                return None
            self._top.set(old.next)
            value = old.value
            self._pool.free(old)
            return value
