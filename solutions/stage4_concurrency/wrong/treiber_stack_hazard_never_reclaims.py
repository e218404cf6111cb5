"""The hazard stack retires popped nodes but never scans its retire list, so no node is ever
freed: memory grows with every pop, and a long-running server leaks until it dies.
"""

from __future__ import annotations

from typing import Any

from solutions.stage4_concurrency.treiber_stack import *  # noqa: F403
from solutions.stage4_concurrency.treiber_stack import HazardStack as _Correct

KATA = "treiber-stack"


class HazardStack(_Correct):
    def _scan(self, me: Any) -> None:
        pass  # the bug: retired nodes are kept forever
