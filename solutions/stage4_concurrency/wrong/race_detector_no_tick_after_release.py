"""A release copies the thread's clock into the lock but does not tick afterwards, so what the
thread does after the release shares the released chapter: the next acquirer believes it has
seen those events, and a write made after the release never races with that acquirer's read."""

from __future__ import annotations

from solutions.stage4_concurrency.race_detector import *  # noqa: F403
from solutions.stage4_concurrency.race_detector import Event, Sequence, VectorClock
from solutions.stage4_concurrency.race_detector import _Pass as _Correct

KATA = "race-detector"


class _Pass(_Correct):
    def release(self, index: int, thread: str, clock: VectorClock, lock: str) -> None:
        if self.holder.get(lock) != thread:
            raise ValueError(
                f"event {index}: {thread} releases lock {lock}, which it does not hold"
            )
        del self.holder[lock]
        self.locks[lock] = clock.copy()  # the bug: no clock.tick(thread) after this


def happens_before(trace: Sequence[Event], i: int, j: int) -> bool:
    return _Pass.ask(trace, i, j)


def find_races(trace: Sequence[Event]) -> list[tuple[int, int]]:
    return _Pass(trace).races
