"""Tests for the lock-ordering kata: philosophers that cannot deadlock, and a cycle finder.

Part A runs one thread per philosopher around your ``Table`` on explored schedules (see
``checker/harness/schedule.py``): a deadlock is reported by the harness with its wait-for
cycle, never as a timeout. The ``eat`` callback is the test's own bookkeeping: it checks that
no neighbour is eating, counts the meals, and touches a counter on each fork in use, so a fork
used without holding its lock also shows up as a data race.

Part B checks ``find_deadlock`` on fixed snapshots, against a brute-force oracle that tries
every ordering of threads (hypothesis), and on snapshots of real deadlocks: the test runs its
own deadlocking threads under the harness, records who holds and waits for what, and compares
your cycle with the one the harness names.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.schedule import Deadlock, Runtime, explore, run_real, run_threads
from katas.stage4_concurrency.lock_ordering import Table, find_deadlock

HINT = "Try `katas hint lock-ordering`."
EXAMPLES = settings(max_examples=60)

ORDER_ADVICE = (
    "The philosophers deadlocked: each holds one fork and waits for the next, all the way "
    "round the table. Picking up the left fork first (or any order that depends on who is "
    "asking) lets that circle close. Take the forks in one global order that every "
    "philosopher agrees on, such as the lower-numbered fork first; then no cycle can form. " + HINT
)


# -- Part A: dining philosophers ----------------------------------------------------------------


class Dining:
    """The test's own record of a dinner: who is eating, how often each has eaten."""

    def __init__(self, rt: Runtime, n: int, stay: float = 0.0) -> None:
        self.rt = rt
        self.n = n
        self.stay = stay
        self.eating: list[int] = []
        self.meals = [0] * n
        self.most_at_once = 0
        self.wear = [rt.SharedCell(0, name=f"fork-{i}.uses") for i in range(n)]

    def eat(self, p: int) -> None:
        n = self.n
        if not isinstance(p, int) or not 0 <= p < n:
            raise AssertionError(f"eat() was called with {p!r}; expected a seat 0..{n - 1}.")
        for q, fork in (((p - 1) % n, p), ((p + 1) % n, (p + 1) % n)):
            if q in self.eating and q != p:
                raise AssertionError(
                    f"P{p} started eating while its neighbour P{q} was eating: they share "
                    f"fork-{fork}, so one of them ate without holding it. Hold both forks for "
                    "the whole call to eat(p). " + HINT
                )
        self.eating.append(p)
        self.meals[p] += 1
        self.most_at_once = max(self.most_at_once, len(self.eating))
        for fork in sorted({p, (p + 1) % n}):
            cell = self.wear[fork]
            cell.store(cell.load() + 1)
        if self.stay:
            self.rt.sleep(self.stay)
        self.eating.remove(p)


def dinner(n: int, rounds: int, stay: float = 0.0) -> Callable[[Runtime], tuple[list[int], int]]:
    """``n`` philosophers each call ``table.dine(p, rounds)`` on their own thread ``Pp``."""

    def scenario(rt: Runtime) -> tuple[list[int], int]:
        log = Dining(rt, n, stay)
        table = Table(n, rt, log.eat)
        run_threads(rt, **{f"P{p}": partial(table.dine, p, rounds) for p in range(n)})
        if log.meals != [rounds] * n:
            raise AssertionError(
                f"After every dine(p, {rounds}) returned, the meals per philosopher are "
                f"{log.meals}; expected {[rounds] * n}: eat(p) once per round. " + HINT
            )
        return log.meals, log.most_at_once

    return scenario


def _dine(
    n: int, rounds: int, schedules: int, strategy: str = "dfs", stay: float = 0.0
) -> list[int]:
    """Explore the dinner; return, per schedule, the most philosophers eating at once."""
    what = (
        f"{n} philosophers P0..P{n - 1} each called table.dine(p, {rounds}) on their own "
        f"thread, at once, on Table({n}, rt, eat)"
    )
    most: list[int] = []
    try:
        explore(
            dinner(n, rounds, stay),
            strategy=strategy,
            schedules=schedules,
            check=lambda result: most.append(result[1]),
            what=what,
        )
    except Deadlock as failure:
        raise AssertionError(f"{ORDER_ADVICE}\n\n{failure}") from None
    return most


def test_no_schedule_of_two_philosophers_deadlocks():
    # A small program: the systematic search runs every schedule (within two preemptions).
    _dine(2, rounds=1, schedules=200)


def test_no_schedule_of_three_philosophers_deadlocks():
    # Three philosophers need two preemptions to close the circle, deep in a systematic
    # search; seeded random walks reach it within a few schedules.
    _dine(3, rounds=1, schedules=60, strategy="random")


def test_every_philosopher_eats_each_round_without_a_neighbour_eating():
    _dine(4, rounds=2, schedules=40, strategy="random")


def test_two_philosophers_who_share_no_fork_eat_at_the_same_time():
    most = _dine(4, rounds=1, schedules=20, stay=1.0)
    assert max(most) >= 2, (
        "4 philosophers each called table.dine(p, 1), and each meal lasts 1 unit of virtual "
        f"time. On all {len(most)} schedules explored, at most {max(most)} ate at a time; P0 "
        "and P2 share no fork, so they should be able to eat together. Guard each fork with "
        "its own lock, not the whole table with one. " + HINT
    )


def test_a_philosopher_eats_holding_both_of_its_forks():
    def scenario(rt: Runtime) -> None:
        tables: list[Table] = []

        def eat(p: int) -> None:
            forks = tables[0].forks
            if len(forks) != 3:
                raise AssertionError(f"Table(3, rt, eat).forks has {len(forks)} forks; expected 3.")
            free = [i for i in (p, (p + 1) % 3) if not forks[i].locked()]
            if free:
                raise AssertionError(
                    f"P{p} was eating while its fork-{free[0]} (table.forks[{free[0]}]) was "
                    "not locked. Philosopher p eats holding forks p and (p + 1) % n. " + HINT
                )

        tables.append(Table(3, rt, eat))
        run_threads(rt, **{f"P{p}": partial(tables[0].dine, p, 1) for p in range(3)})

    try:
        explore(
            scenario,
            strategy="random",
            schedules=10,
            what="3 philosophers P0..P2 each called table.dine(p, 1) on Table(3, rt, eat)",
        )
    except Deadlock as failure:
        raise AssertionError(f"{ORDER_ADVICE}\n\n{failure}") from None


def test_philosophers_dine_on_real_threads():
    def scenario(rt: Runtime) -> list[int]:
        meals = [0, 0, 0, 0, 0]
        guard = rt.Lock()

        def eat(p: int) -> None:
            with guard:
                meals[p] += 1

        table = Table(5, rt, eat)
        run_threads(rt, **{f"P{p}": partial(table.dine, p, 20) for p in range(5)})
        return meals

    meals = run_real(scenario)
    assert meals == [20] * 5, (
        f"On real threads, 5 philosophers each called table.dine(p, 20); the meals per "
        f"philosopher are {meals}, expected [20, 20, 20, 20, 20]."
    )


# -- Part B: the wait-for-graph detector --------------------------------------------------------

CASES = {
    "nobody waits": ({"A": ["x"], "B": ["y"]}, {}, None),
    "two threads, each waiting for the other's lock": (
        {"A": ["x"], "B": ["y"]},
        {"A": "y", "B": "x"},
        ["A", "B"],
    ),
    "three threads in a circle, listed out of order": (
        {"C": ["z"], "A": ["x"], "B": ["y"]},
        {"C": "x", "B": "z", "A": "y"},
        ["A", "B", "C"],
    ),
    "the circle runs against alphabetical order": (
        {"A": ["x"], "B": ["y"], "C": ["z"]},
        {"A": "z", "C": "y", "B": "x"},
        ["A", "C", "B"],
    ),
    "a thread waits for a lock it holds itself": ({"A": ["x", "y"]}, {"A": "y"}, ["A"]),
    "waiting for a free lock is not a deadlock": (
        {"A": ["x"], "B": []},
        {"A": "free", "B": "free"},
        None,
    ),
    "a chain that ends at a thread waiting for a free lock": (
        {"A": ["x"], "B": ["y"], "C": ["z"]},
        {"A": "y", "B": "z", "C": "free"},
        None,
    ),
    "a chain that ends at a running thread": (
        {"A": ["x"], "B": ["y"], "C": ["z"]},
        {"A": "y", "B": "z"},
        None,
    ),
    "a tail leading into the circle is not part of it": (
        {"A": ["a"], "B": ["b"], "C": ["c"], "D": ["d"]},
        {"A": "d", "D": "c", "C": "b", "B": "c"},
        ["B", "C"],
    ),
    "two components, only the second deadlocked": (
        {"A": ["a"], "B": ["b"], "P": ["p"], "Q": ["q"], "R": ["r"]},
        {"A": "b", "P": "q", "Q": "r", "R": "p"},
        ["P", "Q", "R"],
    ),
    "two deadlocks: the one with the smallest name": (
        {"A": ["a"], "B": ["b"], "C": ["c"], "D": ["d"], "E": ["e"]},
        {"E": "b", "B": "e", "D": "c", "C": "a", "A": "d"},
        ["A", "D", "C"],
    ),
    "names compare as strings": (
        {"T2": ["x"], "T10": ["y"], "T9": ["z"]},
        {"T2": "y", "T10": "z", "T9": "x"},
        ["T10", "T9", "T2"],
    ),
}


def _show(holding, waiting) -> str:
    return f"find_deadlock(holding={holding!r}, waiting={waiting!r})"


def _call(holding, waiting):
    given_holding, given_waiting = copy.deepcopy(holding), copy.deepcopy(waiting)
    got = find_deadlock(holding, waiting)
    assert (holding, waiting) == (given_holding, given_waiting), (
        f"{_show(given_holding, given_waiting)} changed its arguments to "
        f"holding={holding!r}, waiting={waiting!r}; a detector only reads the snapshot."
    )
    return got


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_find_deadlock_on_fixed_snapshots(case):
    holding, waiting, expected = CASES[case]
    got = _call(holding, waiting)
    assert got == expected, (
        f"{case}: {_show(holding, waiting)} returned {got!r}; expected {expected!r}. An edge "
        "t -> u means t waits for a lock u holds; a free lock has no holder, so no edge. "
        "Return the cycle in edge order, starting at its smallest name. " + HINT
    )


def _oracle(holding, waiting) -> list[str] | None:
    """Every ordering of every subset of threads, kept if it is a cycle: slow and obvious."""
    owner = {lock: t for t, locks in holding.items() for lock in locks}
    threads = sorted(set(holding) | set(waiting))

    def waits_for(t: str, u: str) -> bool:
        return t in waiting and owner.get(waiting[t]) == u

    for first in threads:  # smallest first, so the first cycle found is the one to return
        later = [t for t in threads if t > first]
        for k in range(len(later) + 1):
            for rest in itertools.permutations(later, k):
                cycle = [first, *rest]
                if all(waits_for(cycle[i], cycle[(i + 1) % len(cycle)]) for i in range(k + 1)):
                    return cycle
    return None


NAMES = ["A", "B", "C", "D", "T1", "T10", "T2", "ann", "bob"]


@st.composite
def snapshots(draw: st.DrawFn) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Up to 6 threads, each holding its own lock; the last few wait in a ring, the others
    wait for anyone's lock (their own too), for a shared lock, or for nothing; and a few
    threads have put their own lock down, so waiting for it is waiting for a free lock."""
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    n = len(names)
    ring = draw(st.integers(0, n))
    holding = {t: [f"lock-{t}"] for t in names}
    members = names[n - ring :]  # last, so the tails often have the smaller names
    waiting = {t: f"lock-{members[(j + 1) % ring]}" for j, t in enumerate(members)}
    # Zero is the simplest choice, so that is what hypothesis shrinks toward.
    targets = [*members, *names[: n - ring]]
    for t in names[: n - ring]:
        choice = draw(st.integers(0, n + 1))  # 0: nothing, 1: the shared lock, k: a lock
        if choice >= 2:
            waiting[t] = f"lock-{targets[choice - 2]}"
        elif choice == 1:
            waiting[t] = "shared"
    sharer = draw(st.integers(0, n))  # 0: the shared lock is free
    if sharer:
        holding[names[sharer - 1]].append("shared")
    for j in draw(st.frozensets(st.integers(0, n - 1), max_size=2)):
        holding[names[j]].remove(f"lock-{names[j]}")
    return holding, waiting


@EXAMPLES
@given(snapshots())
def test_find_deadlock_agrees_with_trying_every_ordering_of_threads(snapshot):
    """For any snapshot of exclusive locks (each held by at most one thread, each thread
    waiting for at most one lock), the cycle returned is the one brute force finds."""
    holding, waiting = snapshot
    got = _call(holding, waiting)
    expected = _oracle(holding, waiting)
    assert got == expected, (
        f"{_show(holding, waiting)} returned {got!r}; trying every ordering of the threads "
        f"finds {expected!r}. " + HINT
    )


class Ledger:
    """The test's own record of which thread holds and waits for which lock, kept exact
    because one scheduled thread runs at a time."""

    def __init__(self) -> None:
        self.holding: dict[str, list[str]] = {}
        self.waiting: dict[str, str] = {}

    def take(self, rt: Runtime, lock) -> None:
        me = rt.current_thread().name
        self.holding.setdefault(me, [])
        self.waiting[me] = lock.name
        lock.acquire()
        del self.waiting[me]
        self.holding[me].append(lock.name)

    def drop(self, rt: Runtime, lock) -> None:
        lock.release()
        self.holding[rt.current_thread().name].remove(lock.name)


def naive_dinner(ledger: Ledger) -> Callable[[Runtime], None]:
    """Three philosophers who take the left fork, then the right: the classic deadlock."""

    def scenario(rt: Runtime) -> None:
        forks = [rt.Lock(name=f"fork-{i}") for i in range(3)]

        def dine(p: int) -> None:
            ledger.take(rt, forks[p])
            ledger.take(rt, forks[(p + 1) % 3])
            ledger.drop(rt, forks[(p + 1) % 3])
            ledger.drop(rt, forks[p])

        run_threads(rt, **{f"P{p}": partial(dine, p) for p in range(3)})

    return scenario


def circle_with_a_tail(ledger: Ledger) -> Callable[[Runtime], None]:
    """B, C and D each take one lock, then the next one's; A queues behind C's lock."""

    def scenario(rt: Runtime) -> None:
        locks = {name: rt.Lock(name=name) for name in ("a", "b", "c", "d")}
        plan = {"A": ("a", "c"), "B": ("b", "c"), "C": ("c", "d"), "D": ("d", "b")}

        def run(first: str, second: str) -> None:
            ledger.take(rt, locks[first])
            rt.sleep(1)  # everyone holds their first lock before anyone asks for a second
            ledger.take(rt, locks[second])

        run_threads(rt, **{name: partial(run, *plan[name]) for name in plan})

    return scenario


def self_wait(ledger: Ledger) -> Callable[[Runtime], None]:
    """worker takes a plain Lock twice; helper queues behind it."""

    def scenario(rt: Runtime) -> None:
        lock = rt.Lock(name="config")

        def worker() -> None:
            ledger.take(rt, lock)
            ledger.take(rt, lock)

        def helper() -> None:
            rt.sleep(1)
            ledger.take(rt, lock)

        run_threads(rt, helper=helper, worker=worker)

    return scenario


REAL_DEADLOCKS = {
    "philosophers-left-then-right": naive_dinner,
    "a-circle-with-a-tail": circle_with_a_tail,
    "a-thread-waiting-for-itself": self_wait,
}


@pytest.mark.parametrize("name", list(REAL_DEADLOCKS), ids=list(REAL_DEADLOCKS))
def test_find_deadlock_names_the_cycle_of_a_real_deadlock(name):
    ledger = Ledger()
    with pytest.raises(Deadlock) as caught:
        # Random walks close the philosophers' circle within a few schedules; the other two
        # deadlock on every schedule.
        explore(REAL_DEADLOCKS[name](ledger), strategy="random", schedules=200)
    cycle = list(caught.value.cycle)
    low = cycle.index(min(cycle))
    expected = cycle[low:] + cycle[:low]
    got = _call(ledger.holding, ledger.waiting)
    assert got == expected, (
        f"The harness ran threads into a real deadlock ({name}) and reported the wait-for "
        f"cycle {' -> '.join([*cycle, cycle[0]])}. At that moment, "
        f"{_show(ledger.holding, ledger.waiting)} returned {got!r}; expected {expected!r}. " + HINT
    )
