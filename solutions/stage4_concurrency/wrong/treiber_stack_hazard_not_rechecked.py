"""The hazard stack publishes the node in its hazard slot but does not read top again before
dereferencing it: between its read of top and the publication another thread can pop the node
and free it (no slot named it yet), so reading its next field is a use-after-free.
"""

from __future__ import annotations

from typing import Any

from solutions.stage4_concurrency.treiber_stack import *  # noqa: F403
from solutions.stage4_concurrency.treiber_stack import HazardStack as _Correct

KATA = "treiber-stack"


class HazardStack(_Correct):
    def pop(self) -> Any:
        me = self._me()
        hazard = me.hazard
        while True:
            old = self._top.get()
            if old is None:
                return None
            hazard.set(old)  # the bug: published, but top is not read again to confirm it
            nxt = old.next
            if self._top.compare_and_set(old, nxt):
                break
        hazard.set(None)
        value = old.value
        me.retired.append(old)
        if len(me.retired) >= self._threshold:
            self._scan(me)
        return value
