"""The limit releases its semaphore in a finally and once more after the work: each use mints
an extra permit, so after one use three callers can be inside a limit of two."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from checker.harness.schedule import Runtime
from solutions.stage4_concurrency.choose_primitive import *  # noqa: F403

KATA = "choose-the-primitive"
T = TypeVar("T")


class ConnectionLimit:
    def __init__(self, rt: Runtime, n: int) -> None:
        self._slots = rt.Semaphore(n, name="connections")  # unbounded: extra releases count

    def use(self, work: Callable[[], T]) -> T:
        self._slots.acquire()
        try:
            result = work()
        finally:
            self._slots.release()
        self._slots.release()  # the bug: the finally already gave the slot back
        return result
