"""The writer publishes copies and waits for the grace period, but never frees the old
version: every update leaks one copy of the map.
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
            self.synchronize()  # the bug: ... and then nothing frees `old`
