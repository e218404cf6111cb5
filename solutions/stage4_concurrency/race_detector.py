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

# The key idea. A thread's vector clock says, for every thread T, how many "chapters" of T it
# has heard of. A thread starts chapter 1 when it starts, and opens a new chapter right after
# each release and each fork: those are the only moments it tells anyone anything, so a
# chapter is exactly the events another thread learns about all at once. Acquire and join
# merge (pointwise max) the clock they receive into the thread's own.
#
# An event of T in chapter c happens-before an event of another thread U exactly when U's
# clock at that event knows c of T. Without the tick after a release, the releaser's later
# events would share the released chapter, and the next acquirer would wrongly think it had
# seen them.
#
# To list every racing pair cheaply: a thread's accesses to a variable come in chapter order,
# so the ones the current thread has not heard of are a suffix of that thread's list. Walk
# back from the end while the chapter is too new: each step is a race, and the first step
# that is covered stops the walk. Reads and writes keep separate lists, so a read never walks
# past reads. Per event: O(threads) plus O(1) per race.

Event = tuple[str, str, str]

ACCESSES = ("read", "write")
OPS = ("read", "write", "acquire", "release", "fork", "join")


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
        self._counts = dict(counts or {})

    def __getitem__(self, thread: str) -> int:
        """The count for ``thread``; 0 for a thread the clock has never heard of.

        >>> VectorClock({"A": 3})["A"], VectorClock({"A": 3})["B"]
        (3, 0)
        """
        return self._counts.get(thread, 0)

    def tick(self, thread: str) -> None:
        """Add one to ``thread``'s count, in place.

        >>> clock = VectorClock({"A": 1})
        >>> clock.tick("A")
        >>> clock["A"]
        2
        """
        self._counts[thread] = self[thread] + 1

    def join(self, other: VectorClock) -> None:
        """Take the larger count of ``self`` and ``other`` for every thread, in place.

        ``other`` is not changed.

        >>> clock = VectorClock({"A": 3, "B": 1})
        >>> clock.join(VectorClock({"B": 2, "C": 5}))
        >>> clock["A"], clock["B"], clock["C"]
        (3, 2, 5)
        """
        for thread, count in other._counts.items():
            if count > self[thread]:
                self._counts[thread] = count

    def copy(self) -> VectorClock:
        """An independent clock with the same counts: ticking one leaves the other as it was.

        >>> clock = VectorClock({"A": 1})
        >>> snapshot = clock.copy()
        >>> clock.tick("A")
        >>> snapshot["A"]
        1
        """
        return VectorClock(self._counts)

    def __le__(self, other: VectorClock) -> bool:
        """True when no count of ``self`` is larger than ``other``'s: ``other`` knows it all.

        >>> VectorClock({"A": 1}) <= VectorClock({"A": 2, "B": 1})
        True
        >>> VectorClock({"A": 2}) <= VectorClock({"B": 1})
        False
        """
        return all(count <= other[thread] for thread, count in self._counts.items())

    def __repr__(self) -> str:
        return f"VectorClock({dict(sorted(self._counts.items()))!r})"


class _Pass:
    """One pass over a trace: every event's epoch, every racing pair, and one event's clock."""

    def __init__(self, trace: Sequence[Event], watch: int | None = None) -> None:
        self.clocks: dict[str, VectorClock] = {}  # thread -> what it knows
        self.locks: dict[str, VectorClock] = {}  # lock -> clock of its last release
        self.holder: dict[str, str] = {}  # lock -> the thread holding it
        self.appeared: set[str] = set()
        self.joined: set[str] = set()
        self.epochs: list[tuple[str, int]] = []  # event index -> (thread, its own count)
        # variable -> (reads, writes), each thread -> [(count, index)] in trace order
        self.history: dict[str, tuple[dict, dict]] = {}
        self.races: list[tuple[int, int]] = []
        self.watched: VectorClock | None = None
        for index, event in enumerate(trace):
            thread, op, target = _checked(index, event)
            clock = self._clock(index, thread)
            self.epochs.append((thread, clock[thread]))
            getattr(self, op)(index, thread, clock, target)
            if index == watch:
                self.watched = clock.copy()
        self.races.sort()

    @classmethod
    def ask(cls, trace: Sequence[Event], i: int, j: int) -> bool:
        """Whether event i happens-before event j: ``happens_before`` itself."""
        for name, value in (("i", i), ("j", j)):
            if not isinstance(value, int) or not 0 <= value < len(trace):
                raise IndexError(
                    f"{name} = {value!r} is not an event of a trace of {len(trace)} events"
                )
        run = cls(trace, watch=j)
        if i >= j:
            return False
        thread, count = run.epochs[i]
        if thread == run.epochs[j][0]:
            return True  # program order
        assert run.watched is not None
        return count <= run.watched[thread]  # j's thread has heard of i's chapter

    def _clock(self, index: int, thread: str) -> VectorClock:
        if thread in self.joined:
            raise ValueError(f"event {index}: thread {thread} acts after it was joined")
        clock = self.clocks.get(thread)
        if clock is None:  # a thread nobody forked: it has run since the start
            clock = self.clocks[thread] = VectorClock({thread: 1})
            self.appeared.add(thread)
        return clock

    def read(self, index: int, thread: str, clock: VectorClock, variable: str) -> None:
        self._access(index, thread, clock, variable, write=False)

    def write(self, index: int, thread: str, clock: VectorClock, variable: str) -> None:
        self._access(index, thread, clock, variable, write=True)

    def acquire(self, index: int, thread: str, clock: VectorClock, lock: str) -> None:
        holder = self.holder.get(lock)
        if holder is not None:
            raise ValueError(
                f"event {index}: {thread} acquires lock {lock}, which {holder} holds "
                "(locks are not re-entrant)"
            )
        self.holder[lock] = thread
        if lock in self.locks:
            clock.join(self.locks[lock])

    def release(self, index: int, thread: str, clock: VectorClock, lock: str) -> None:
        if self.holder.get(lock) != thread:
            raise ValueError(
                f"event {index}: {thread} releases lock {lock}, which it does not hold"
            )
        del self.holder[lock]
        self.locks[lock] = clock.copy()
        clock.tick(thread)  # what this thread does next is news to the next acquirer

    def fork(self, index: int, thread: str, clock: VectorClock, child: str) -> None:
        if child == thread or child in self.appeared:
            raise ValueError(
                f"event {index}: {thread} forks {child}, which "
                + ("is itself" if child == thread else "has already appeared in the trace")
            )
        self.appeared.add(child)
        self.clocks[child] = clock.copy()
        self.clocks[child].tick(child)
        clock.tick(thread)  # the parent's later events are not the child's to see

    def join(self, index: int, thread: str, clock: VectorClock, child: str) -> None:
        if child == thread:
            raise ValueError(f"event {index}: {thread} joins itself")
        self.appeared.add(child)
        self.joined.add(child)
        if child in self.clocks:
            clock.join(self.clocks[child])

    def _access(
        self, index: int, thread: str, clock: VectorClock, variable: str, write: bool
    ) -> None:
        reads, writes = self.history.setdefault(variable, ({}, {}))
        for earlier in (reads, writes) if write else (writes,):
            for other, done in earlier.items():
                if other != thread:
                    known = clock[other]
                    k = len(done)
                    while k and done[k - 1][0] > known:  # not heard of: a race
                        k -= 1
                        self.races.append((done[k][1], index))
        (writes if write else reads).setdefault(thread, []).append((clock[thread], index))


def _checked(index: int, event: object) -> Event:
    if not (
        isinstance(event, tuple | list)
        and len(event) == 3
        and all(isinstance(part, str) for part in event)
    ):
        raise ValueError(
            f"event {index}: {event!r} is not a (thread, op, target) tuple of three strings"
        )
    thread, op, target = event
    if op not in OPS:
        raise ValueError(f"event {index}: unknown op {op!r}; the ops are {', '.join(OPS)}")
    return thread, op, target


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
    return _Pass.ask(trace, i, j)


def find_races(trace: Sequence[Event]) -> list[tuple[int, int]]:
    """Every racing pair ``(i, j)``, ``i < j``, sorted; ``ValueError`` for a malformed trace.

    >>> find_races([("A", "write", "x"), ("B", "read", "x"), ("B", "read", "x")])
    [(0, 1), (0, 2)]
    """
    return _Pass(trace).races
