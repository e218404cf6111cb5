"""The grace period waits for the wrong readers: those that entered after the swap (they
announced the new epoch) instead of those that were already inside and may still hold the old
version, which is then freed under them.
"""

from __future__ import annotations

from solutions.stage4_concurrency.rcu_map import *  # noqa: F403
from solutions.stage4_concurrency.rcu_map import RcuMap as _Correct

KATA = "rcu-map"


class RcuMap(_Correct):
    def synchronize(self) -> None:
        while True:
            epoch = self._epoch.get()
            if self._epoch.compare_and_set(epoch, epoch + 1):
                break
        for slot in self._slots:
            while True:
                seen = slot.get()
                if seen is None or seen <= epoch:  # the bug: skips the readers from before
                    break
