"""Readers take the writer lock for their read-side section. Reads stay consistent, but a
reader now waits for every writer (and for every other reader): RCU's readers never block.
"""

from __future__ import annotations

from solutions.stage4_concurrency.rcu_map import *  # noqa: F403
from solutions.stage4_concurrency.rcu_map import RcuMap as _Correct

KATA = "rcu-map"


class RcuMap(_Correct):
    def read_lock(self) -> None:
        self._writer.acquire()  # the bug: a reader must never wait
        super().read_lock()

    def read_unlock(self) -> None:
        super().read_unlock()
        self._writer.release()

    def synchronize(self) -> None:
        pass  # readers hold the writer lock, so none is inside while a writer runs
