"""The writer frees the old version as soon as the new one is published, without waiting for
a grace period: a reader that took the old snapshot just before the swap reads freed memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from solutions.stage4_concurrency.rcu_map import *  # noqa: F403
from solutions.stage4_concurrency.rcu_map import RcuMap as _Correct

KATA = "rcu-map"


class RcuMap(_Correct):
    def update(self, changes: Mapping[str, Any]) -> None:
        with self._writer:
            old = self._current.get()
            fresh = {key: old[key] for key in old.fields()}
            fresh.update(changes)
            self._current.set(self._pool.allocate(fresh))
            self._pool.free(old)  # the bug: no synchronize() first
