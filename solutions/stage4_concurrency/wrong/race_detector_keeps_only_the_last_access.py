"""Each thread remembers only its last read and last write of a variable, as FastTrack does to
find the first race: enough to say that a variable races, not to list every racing pair, so an
earlier write of the same thread that races too goes missing."""

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
        for earlier in (reads, writes) if write else (writes,):
            for other, done in earlier.items():
                if other != thread:
                    known = clock[other]
                    k = len(done)
                    while k and done[k - 1][0] > known:
                        k -= 1
                        self.races.append((done[k][1], index))
        # the bug: the new access replaces the thread's earlier ones instead of joining them
        (writes if write else reads)[thread] = [(clock[thread], index)]


def happens_before(trace: Sequence[Event], i: int, j: int) -> bool:
    return _Pass.ask(trace, i, j)


def find_races(trace: Sequence[Event]) -> list[tuple[int, int]]:
    return _Pass(trace).races
