"""The limit is a mutex: never more than n callers inside, but never more than one either, so
n - 1 connections sit idle while callers queue."""

from __future__ import annotations

from checker.harness.schedule import Runtime
from solutions.stage4_concurrency.choose_primitive import *  # noqa: F403
from solutions.stage4_concurrency.choose_primitive import ConnectionLimit as _Correct

KATA = "choose-the-primitive"


class ConnectionLimit(_Correct):
    def __init__(self, rt: Runtime, n: int) -> None:
        self._slots = rt.Lock(name="connections")  # the bug: one holder, whatever n is
