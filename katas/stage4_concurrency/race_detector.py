"""Race detector: happens-before with vector clocks, in one pass over an event trace.

A data race is two accesses to one variable from different threads, at least one of them a
write, that nothing orders. Running far apart is not being ordered: two accesses a thousand
events apart still race when no chain of synchronization leads from one to the other, and the
run that happened to space them out safely proved nothing. ThreadSanitizer, Go's ``-race``
and Java's race detectors find such races from a single run by tracking happens-before with
vector clocks (DJIT+, FastTrack); this kata builds that core.

A trace is a list of events ``(thread, op, target)``, three strings each, in the order they ran:

- ``("A", "read", "x")``, ``("A", "write", "x")``: thread A reads or writes variable x;
- ``("A", "acquire", "m")``, ``("A", "release", "m")``: A takes or gives back lock m;
- ``("A", "fork", "B")``: A starts thread B; ``("A", "join", "B")``: A waits for B to finish.

A thread that acts without having been forked runs from the start. Event i *happens-before*
event j when a chain of these edges leads from i to j:

- program order: an event to every later event of the same thread;
- a release of lock m to every later acquire of m;
- a fork of B to every later event of B and to a later join of B (even if B did nothing);
- every event of B to a later join of B.

So happens-before only ever points forward in the trace, and no event happens before itself.
Two events *race* when both access the same variable from different threads, at least one of
them writes, and neither happens before the other.

Build ``VectorClock`` (a count per thread, absent meaning 0, with ``tick``, ``join`` and
``<=``), ``happens_before(trace, i, j)``, and ``find_races(trace)``: every racing pair
``(i, j)`` with ``i < j``, as a sorted list of tuples.

Do it in one pass with vector clocks, not by relating every pair of events. Each thread keeps a
clock: what it knows of every thread's progress. Each lock keeps the clock of its last release.
An access is remembered by its epoch: its thread T and T's own count at the access. An earlier
access of T is ordered before the current event exactly when its count is at most what the
current thread's clock knows of T. When a clock ticks is the heart of the kata: a thread that
releases a lock and then writes must not have that write covered by the next acquire.

Cost: the tests count the lines of your code that run (they never time it) on traces of
thousands of events by four threads sharing one lock. ``find_races`` must cost O(n) for a fixed
number of threads and locks, plus O(1) per race it reports. Relating every pair of events, or
comparing each access with every earlier access of its variable, costs O(n²).

A malformed trace makes both functions raise ``ValueError`` naming the first bad event as
``event i`` (e.g. ``"event 3: B releases lock m, which it does not hold"``):

- an event that is not three strings, or an op other than the six above;
- acquiring a lock that some thread holds (locks are not re-entrant);
- releasing a lock the thread does not hold;
- forking itself, or a thread that has already appeared in the trace (acted, forked, joined);
- joining itself;
- any event by a thread after it has been joined.

A lock still held, or a thread never joined, at the end is fine: a trace may stop anywhere.

Why it matters: a race is the bug that no test reproduces on demand and no log explains. A
detector built on happens-before reports it from any run that merely executes both accesses,
however lucky the timing, and says which synchronization was missing.

Docs: docs/stage4_concurrency.md#race-detector
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

Event = tuple[str, str, str]


class VectorClock:
    """What one thread knows of every thread's progress: a count per thread, absent meaning 0.

    >>> clock = VectorClock({"A": 2})
    >>> clock.tick("B")
    >>> clock["A"], clock["B"], clock["C"]
    (2, 1, 0)
    """

    def __init__(self, counts: Mapping[str, int] | None = None) -> None:
        """Start from ``counts`` (copied, not shared), or from all zeros.

        >>> VectorClock()["A"]
        0
        """
        raise NotImplementedError

    def __getitem__(self, thread: str) -> int:
        """The count for ``thread``; 0 for a thread the clock has never heard of.

        >>> VectorClock({"A": 3})["A"], VectorClock({"A": 3})["B"]
        (3, 0)
        """
        raise NotImplementedError

    def tick(self, thread: str) -> None:
        """Add one to ``thread``'s count, in place.

        >>> clock = VectorClock({"A": 1})
        >>> clock.tick("A")
        >>> clock["A"]
        2
        """
        raise NotImplementedError

    def join(self, other: VectorClock) -> None:
        """Take the larger count of ``self`` and ``other`` for every thread, in place.

        ``other`` is not changed.

        >>> clock = VectorClock({"A": 3, "B": 1})
        >>> clock.join(VectorClock({"B": 2, "C": 5}))
        >>> clock["A"], clock["B"], clock["C"]
        (3, 2, 5)
        """
        raise NotImplementedError

    def copy(self) -> VectorClock:
        """An independent clock with the same counts: ticking one leaves the other as it was.

        >>> clock = VectorClock({"A": 1})
        >>> snapshot = clock.copy()
        >>> clock.tick("A")
        >>> snapshot["A"]
        1
        """
        raise NotImplementedError

    def __le__(self, other: VectorClock) -> bool:
        """True when no count of ``self`` is larger than ``other``'s: ``other`` knows it all.

        >>> VectorClock({"A": 1}) <= VectorClock({"A": 2, "B": 1})
        True
        >>> VectorClock({"A": 2}) <= VectorClock({"B": 1})
        False
        """
        raise NotImplementedError


def happens_before(trace: Sequence[Event], i: int, j: int) -> bool:
    """True when event ``i`` happens-before event ``j`` in ``trace``.

    False when ``i >= j``: the order is strict and only points forward. Raise ``IndexError``
    when ``i`` or ``j`` is not an index of ``trace`` (negative ones included), and
    ``ValueError`` naming the event for a malformed trace.

    >>> trace = [("A", "acquire", "m"), ("A", "release", "m"), ("A", "write", "x"),
    ...          ("B", "acquire", "m")]
    >>> happens_before(trace, 1, 3), happens_before(trace, 2, 3), happens_before(trace, 3, 1)
    (True, False, False)
    """
    raise NotImplementedError


def find_races(trace: Sequence[Event]) -> list[tuple[int, int]]:
    """Every racing pair ``(i, j)``, ``i < j``, sorted; ``ValueError`` for a malformed trace.

    >>> find_races([("A", "write", "x"), ("B", "read", "x"), ("B", "read", "x")])
    [(0, 1), (0, 2)]
    """
    raise NotImplementedError
