"""An acquire takes the lock but never merges the clock of its last release: locks order
nothing, so every access made under a lock races with every other one, a flood of false
races in correctly locked code."""

from __future__ import annotations

from solutions.stage4_concurrency.race_detector import *  # noqa: F403
from solutions.stage4_concurrency.race_detector import Event, Sequence, VectorClock
from solutions.stage4_concurrency.race_detector import _Pass as _Correct

KATA = "race-detector"


class _Pass(_Correct):
    def acquire(self, index: int, thread: str, clock: VectorClock, lock: str) -> None:
        holder = self.holder.get(lock)
        if holder is not None:
            raise ValueError(f"event {index}: {thread} acquires lock {lock}, which {holder} holds")
        self.holder[lock] = thread  # the bug: no clock.join(self.locks[lock])


def happens_before(trace: Sequence[Event], i: int, j: int) -> bool:
    return _Pass.ask(trace, i, j)


def find_races(trace: Sequence[Event]) -> list[tuple[int, int]]:
    return _Pass(trace).races
