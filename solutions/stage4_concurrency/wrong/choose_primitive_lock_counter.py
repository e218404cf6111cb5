"""The hit counter takes a lock around a load and a store: correct on every schedule, but every
hit may wait for another thread, where one CAS would never wait."""

from __future__ import annotations

from checker.harness.schedule import Runtime
from solutions.stage4_concurrency.choose_primitive import *  # noqa: F403

KATA = "choose-the-primitive"


class HitCounter:
    def __init__(self, rt: Runtime) -> None:
        self._lock = rt.Lock(name="hits-lock")  # the bug: a lock for one integer
        self._count = rt.SharedCell(0, name="hits")

    def hit(self) -> None:
        with self._lock:
            self._count.store(self._count.load() + 1)

    def count(self) -> int:
        with self._lock:
            return self._count.load()
