"""The tagged stack never changes its stamp: compare_and_set checks (reference, 0) every time,
so it compares identity only, like the plain stack, and a node that was popped, freed and
pushed again passes the check (ABA).
"""

from __future__ import annotations

from typing import Any

from solutions.stage4_concurrency.treiber_stack import *  # noqa: F403
from solutions.stage4_concurrency.treiber_stack import TaggedStack as _Correct

KATA = "treiber-stack"


class TaggedStack(_Correct):
    def push(self, value: Any) -> None:
        node = self._pool.allocate(value=value, next=None)
        while True:
            old, stamp = self._top.get()
            node.next = old
            if self._top.compare_and_set(old, node, stamp, stamp):  # the bug: stamp unchanged
                return

    def pop(self) -> Any:
        while True:
            old, stamp = self._top.get()
            if old is None:
                return None
            nxt = old.next
            if self._top.compare_and_set(old, nxt, stamp, stamp):  # the bug: stamp unchanged
                value = old.value
                self._pool.free(old)
                return value
