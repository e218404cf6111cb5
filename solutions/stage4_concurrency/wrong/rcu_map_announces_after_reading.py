"""The reader reads the published pointer first and announces itself after: a writer that
swaps and scans the slots in between does not see it, frees the version it is holding, and
the reader reads freed memory.
"""

from __future__ import annotations

from typing import Any

from checker.harness.reclaim import Node
from solutions.stage4_concurrency.rcu_map import *  # noqa: F403
from solutions.stage4_concurrency.rcu_map import RcuMap as _Correct

KATA = "rcu-map"


class RcuMap(_Correct):
    def read_lock(self) -> None:
        pass  # announced in snapshot(), once the pointer is read

    def snapshot(self) -> Node:
        version = self._current.get()
        self._slot().set(self._epoch.get())  # the bug: announced after reading the pointer
        return version

    def get(self, key: str, default: Any = None) -> Any:
        return self.snapshot().get(key, default)
