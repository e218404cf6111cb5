"""The hand-off is an unbounded queue: items always arrive, but a producer never waits, so it
runs as far ahead of its consumer as it likes (no backpressure)."""

from __future__ import annotations

from checker.harness.schedule import Runtime
from solutions.stage4_concurrency.choose_primitive import *  # noqa: F403
from solutions.stage4_concurrency.choose_primitive import Handoff as _Correct

KATA = "choose-the-primitive"


class Handoff(_Correct):
    def __init__(self, rt: Runtime, capacity: int) -> None:
        self._items = rt.Queue(name="handoff")  # the bug: maxsize=0 means no bound at all
