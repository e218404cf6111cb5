"""The tagged stack's pop reads the reference first and the stamp again just before its
compare_and_set, so the stamp it checks is the current one, not the one that went with the
node it read: a node that came back (ABA) passes, exactly as without a tag.
"""

from __future__ import annotations

from typing import Any

from solutions.stage4_concurrency.treiber_stack import *  # noqa: F403
from solutions.stage4_concurrency.treiber_stack import TaggedStack as _Correct

KATA = "treiber-stack"


class TaggedStack(_Correct):
    def pop(self) -> Any:
        while True:
            old, _ = self._top.get()
            if old is None:
                return None
            nxt = old.next
            _, stamp = self._top.get()  # the bug: a fresh stamp, not the one read with `old`
            if self._top.compare_and_set(old, nxt, stamp, stamp + 1):
                value = old.value
                self._pool.free(old)
                return value
