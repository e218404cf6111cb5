"""The hazard stack's scan looks only at the scanning thread's own hazard slot, so it frees a
node that another thread has published in its slot and is about to read: use-after-free.
"""

from __future__ import annotations

from typing import Any

from solutions.stage4_concurrency.treiber_stack import *  # noqa: F403
from solutions.stage4_concurrency.treiber_stack import HazardStack as _Correct

KATA = "treiber-stack"


class HazardStack(_Correct):
    def _scan(self, me: Any) -> None:
        protected = {me.hazard.get()}  # the bug: every thread's slot must be read
        keep = []
        for node in me.retired:
            if node in protected:
                keep.append(node)
            else:
                self._pool.free(node)
        me.retired = keep
