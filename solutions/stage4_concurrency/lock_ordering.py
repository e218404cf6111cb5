"""Lock ordering: dining philosophers that cannot deadlock, and a wait-for-graph detector.

**Part A, dining philosophers.** ``n`` philosophers sit at a round table with one fork between
each pair of neighbours: fork ``p`` on philosopher ``p``'s left, fork ``(p + 1) % n`` on the
right. To eat, a philosopher needs both forks. ``Table(n, rt, eat)`` makes the forks,
``forks[i] = rt.Lock(name=f"fork-{i}")``; ``table.dine(p, rounds)`` has philosopher ``p`` eat
``rounds`` times, each time picking up both of its forks, calling ``eat(p)`` while holding
them, and putting them down. The tests run one thread per philosopher on explored schedules
and check that no schedule deadlocks, that every philosopher eats exactly ``rounds`` times,
that two neighbours (who share a fork) never eat at once, and that two philosophers who share
no fork can eat at the same time (so no lock around the whole table).

**Part B, deadlock detection.** ``find_deadlock(holding, waiting)`` takes a snapshot of
exclusive, non-reentrant locks: ``holding[t]`` is the locks thread ``t`` holds, ``waiting[t]``
the one lock it is blocked on (a thread that waits for nothing is not in ``waiting``). Build
the wait-for graph (an edge ``t -> u`` when ``t`` waits for a lock ``u`` holds) and return a
cycle, or None. The cycle is a list of threads in wait-for order, starting with its smallest
name (Python string order): ``["A", "B", "C"]`` means A waits for B, B for C, C for A. A
thread waiting for a lock it holds itself is a cycle of one; a thread waiting for a free lock
is not blocked for good (it gets the lock next); when several cycles exist, return the one
with the smallest name in it. Do not change the arguments.

Why it matters: deadlocks in production are lock-order bugs, two code paths taking the same
locks in a different order. A global order (by account id, by table name, by address) makes
them impossible, and databases find the rest by looking for cycles in exactly this graph
(PostgreSQL's deadlock detector, InnoDB's ``innodb_deadlock_detect``), then abort one
transaction in the cycle.

Docs: docs/stage4_concurrency.md#lock-ordering-and-deadlock-detection
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from checker.harness.schedule import Runtime


class Table:
    """A round table of ``n`` philosophers with ``n`` forks, one ``rt.Lock`` each.

    >>> from checker.harness.schedule import REAL
    >>> meals = []
    >>> table = Table(3, REAL, meals.append)
    >>> table.dine(1, 2)
    >>> meals, [fork.locked() for fork in table.forks]
    ([1, 1], [False, False, False])
    """

    def __init__(self, n: int, rt: Runtime, eat: Callable[[int], object]) -> None:
        """Lay ``n`` forks (``self.forks[i]``, an ``rt.Lock`` named ``fork-i``); keep ``eat``.

        >>> from checker.harness.schedule import REAL
        >>> [fork.locked() for fork in Table(2, REAL, print).forks]
        [False, False]
        """
        self.n = n
        self.forks = [rt.Lock(name=f"fork-{i}") for i in range(n)]
        self.eat = eat

    def dine(self, philosopher: int, rounds: int) -> None:
        """Eat ``rounds`` times, each time holding forks ``p`` and ``(p + 1) % n``.

        Each round: pick up both forks, call ``eat(p)``, put both down.

        >>> from checker.harness.schedule import REAL
        >>> Table(2, REAL, print).dine(0, 1)
        0
        """
        left, right = philosopher, (philosopher + 1) % self.n
        # The key idea: every philosopher takes the lower-numbered of its two forks first.
        # A deadlock needs a cycle of threads each holding one lock and waiting for the next;
        # going round such a cycle, fork numbers would have to keep rising and yet come back
        # to where they started. With one global order, no cycle can close. (Sorting by
        # "my left first" is an order too, but a different one for every philosopher.)
        first, second = sorted((left, right))
        for _ in range(rounds):
            with self.forks[first], self.forks[second]:
                self.eat(philosopher)


def find_deadlock(
    holding: Mapping[str, Iterable[str]], waiting: Mapping[str, str]
) -> list[str] | None:
    """The wait-for cycle in a snapshot, from its smallest thread name; None if none.

    >>> find_deadlock({"A": ["x"], "B": ["y"]}, {"A": "y", "B": "x"})
    ['A', 'B']
    """
    owner = {lock: thread for thread, locks in holding.items() for lock in locks}
    # Each thread waits for at most one lock and each lock has at most one holder, so every
    # thread has at most one outgoing edge: following edges from any thread either stops or
    # runs into exactly one cycle.
    edge = {t: owner[lock] for t, lock in waiting.items() if lock in owner}
    done: set[str] = set()
    best: list[str] | None = None
    for start in sorted(edge):
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = edge.get(node)
        if node is not None and node in on_path:
            cycle = path[path.index(node) :]
            low = cycle.index(min(cycle))
            cycle = cycle[low:] + cycle[:low]
            if best is None or cycle[0] < best[0]:
                best = cycle
        done.update(path)
    return best
