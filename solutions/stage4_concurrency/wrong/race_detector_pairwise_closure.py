"""find_races builds happens-before by relating every pair of events and closing it
transitively, then checks every pair of events: the right races, in O(n²) time and space,
which the cost test stops at its first size."""

from __future__ import annotations

from solutions.stage4_concurrency.race_detector import *  # noqa: F403
from solutions.stage4_concurrency.race_detector import Event, Sequence, _Pass

KATA = "race-detector"


def find_races(trace: Sequence[Event]) -> list[tuple[int, int]]:
    _Pass(trace)  # only to reject a malformed trace with the right message
    before: list[set[int]] = []  # the bug: n sets of up to n events, built pair by pair
    for j, (tj, opj, xj) in enumerate(trace):
        ahead: set[int] = set()
        for i in range(j):
            ti, opi, xi = trace[i]
            if (
                ti == tj
                or (opi == "release" and opj == "acquire" and xi == xj)
                or (opi == "fork" and xi == tj)
                or (opj == "join" and (xj == ti or (opi == "fork" and xi == xj)))
            ):
                ahead |= before[i] | {i}
        before.append(ahead)
    races = []
    for j, (tj, opj, xj) in enumerate(trace):
        for i in range(j):
            ti, opi, xi = trace[i]
            if (
                {opi, opj} <= {"read", "write"}
                and "write" in (opi, opj)
                and xi == xj
                and ti != tj
                and i not in before[j]
            ):
                races.append((i, j))
    return sorted(races)
