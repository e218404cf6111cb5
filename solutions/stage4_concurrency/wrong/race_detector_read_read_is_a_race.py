"""A read is checked against earlier reads as well as writes: two threads that only read a
variable are reported as racing, though reads never conflict."""

from __future__ import annotations

from solutions.stage4_concurrency.race_detector import *  # noqa: F403
from solutions.stage4_concurrency.race_detector import Event, Sequence, VectorClock
from solutions.stage4_concurrency.race_detector import _Pass as _Correct

KATA = "race-detector"


class _Pass(_Correct):
    def _access(
        self, index: int, thread: str, clock: VectorClock, variable: str, write: bool
    ) -> None:
        reads, writes = self.history.setdefault(variable, ({}, {}))
        for earlier in (reads, writes):  # the bug: a read walks the reads too
            for other, done in earlier.items():
                if other != thread:
                    known = clock[other]
                    k = len(done)
                    while k and done[k - 1][0] > known:
                        k -= 1
                        self.races.append((done[k][1], index))
        (writes if write else reads).setdefault(thread, []).append((clock[thread], index))


def happens_before(trace: Sequence[Event], i: int, j: int) -> bool:
    return _Pass.ask(trace, i, j)


def find_races(trace: Sequence[Event]) -> list[tuple[int, int]]:
    return _Pass(trace).races
