"""A join marks the child finished but does not merge the child's clock into the joiner's:
the parent's read after joining a writer is reported as a race it cannot be."""

from __future__ import annotations

from solutions.stage4_concurrency.race_detector import *  # noqa: F403
from solutions.stage4_concurrency.race_detector import Event, Sequence, VectorClock
from solutions.stage4_concurrency.race_detector import _Pass as _Correct

KATA = "race-detector"


class _Pass(_Correct):
    def join(self, index: int, thread: str, clock: VectorClock, child: str) -> None:
        if child == thread:
            raise ValueError(f"event {index}: {thread} joins itself")
        self.appeared.add(child)
        self.joined.add(child)  # the bug: no clock.join(self.clocks[child])


def happens_before(trace: Sequence[Event], i: int, j: int) -> bool:
    return _Pass.ask(trace, i, j)


def find_races(trace: Sequence[Event]) -> list[tuple[int, int]]:
    return _Pass(trace).races
