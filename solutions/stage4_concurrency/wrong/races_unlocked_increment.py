"""The counter increments with a bare load and store: no lock, so two threads can load the same
count and both store count + 1 (a data race and a lost update)."""

from __future__ import annotations

from solutions.stage4_concurrency.races import *  # noqa: F403
from solutions.stage4_concurrency.races import Counter as _Correct

KATA = "data-races"


class Counter(_Correct):
    def increment(self) -> None:
        self._count.store(self._count.load() + 1)  # the bug: nothing orders two increments

    def value(self) -> int:
        return self._count.load()
