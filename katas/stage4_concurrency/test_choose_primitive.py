"""Tests for the choose-the-primitive kata: each scenario correct on every explored schedule, on
the primitive CHOICES names, and that primitive the one that fits.

The behaviour tests run small scenarios under the harness's scheduler: every schedule with at
most two preemptions where that takes under a hundred, seeded random walks otherwise. Each failure
shows the schedule step by step and a command that replays it. The cost tests read the steps a
schedule took: ``Step.kind`` names the primitive each step used, so "never blocks" means no
step of a thread calling ``hit()`` used a Lock, Condition, Semaphore, Queue or Event (nor a
plain SharedCell, which would need a lock or a spin flag around it), and
"built on a semaphore" means the threads calling ``use()`` stepped on one. Peaks (items waiting
in the hand-off, callers inside the limit) are counted exactly by the scenario between
scheduling points, where no other thread can run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from functools import partial
from itertools import permutations
from typing import Any

import pytest

from checker.harness.schedule import (
    BLOCKING_KINDS,
    Outcome,
    Step,
    explore,
    run_real,
    run_threads,
)
from katas.stage4_concurrency.choose_primitive import (
    CHOICES,
    ConnectionLimit,
    Handoff,
    HitCounter,
    Ledger,
)

HINT = "Try `katas hint choose-the-primitive`."
DFS_CAP = 600  # above what the dfs scenarios need on the solution: they are checked to exhaust
RANDOM_SCHEDULES = 40  # for four threads; every known-wrong class fails within the first few
STEP_SCHEDULES = 5  # schedules whose steps are read for the primitives a scenario used

CLASSES = {
    "hit_counter": "HitCounter",
    "ledger": "Ledger",
    "handoff": "Handoff",
    "connection_limit": "ConnectionLimit",
}
SCENARIOS = tuple(CLASSES)
BLOCKING = BLOCKING_KINDS | {"Thread"}  # a join waits too

# -- the answers ---------------------------------------------------------------------------------

PRIMITIVES = ("mutex", "channel", "atomic CAS", "semaphore")
ALIASES = {
    "mutex": ("mutex", "lock", "rlock", "mutual exclusion", "threading lock", "mutex lock"),
    "channel": (
        "channel",
        "queue",
        "bounded queue",
        "blocking queue",
        "bounded channel",
        "buffered channel",
        "queue queue",
    ),
    "atomic CAS": (
        "atomic cas",
        "cas",
        "atomic",
        "compare and set",
        "compare and swap",
        "atomicref",
        "atomic ref",
        "atomic reference",
        "atomic counter",
        "cas loop",
    ),
    "semaphore": ("semaphore", "counting semaphore", "boundedsemaphore", "bounded semaphore"),
}
OTHERS = ("condition", "condition variable", "event", "read write lock", "rwlock", "spinlock")
# Which steps show that code is built on each primitive: (kinds, ops or None for any op).
USES: dict[str, tuple[frozenset[str], frozenset[str] | None]] = {
    "mutex": (frozenset({"Lock", "RLock"}), None),
    "channel": (frozenset({"Queue"}), None),
    "atomic CAS": (frozenset({"AtomicRef", "AtomicStampedRef"}), frozenset({"compare_and_set"})),
    "semaphore": (frozenset({"Semaphore", "BoundedSemaphore"}), None),
}
ANSWER = {
    "hit_counter": "atomic CAS",
    "ledger": "mutex",
    "handoff": "channel",
    "connection_limit": "semaphore",
}
# Why each wrong primitive does not fit, per scenario: the teaching message.
WHY_NOT = {
    "hit_counter": {
        "mutex": "A mutex is correct here, but every hit then waits while another thread holds "
        "it, and a thread preempted inside stalls them all. One integer changed by one "
        "read-modify-write is what a single CAS covers: a thread that loses the race retries "
        "with the new value and nobody ever waits.",
        "channel": "A channel moves items from one thread to another; here nothing moves, many "
        "threads bump one number. An atomic CAS on that number is all it takes.",
        "semaphore": "A semaphore counts permits and makes callers wait at zero; a hit counter "
        "never needs anyone to wait. Bump the number with a CAS.",
    },
    "ledger": {
        "atomic CAS": "A CAS swaps one reference in one step: CAS the balance and the history "
        "still has to change in another step, and a reader in between sees them disagree. "
        "Packing both into one immutable object to CAS would copy the whole history on every "
        "record (and again on every retry). Two fields that change together need a mutex "
        "around both writes and the read.",
        "channel": "Nothing is handed from one thread to another here: two fields must change "
        "together and be read together, which is what mutual exclusion gives.",
        "semaphore": "A semaphore with one permit can exclude, but it has no owner (any thread "
        "may release it) and says nothing about what it protects; for state whose fields "
        "change together, the mutex is the primitive made for it.",
    },
    "handoff": {
        "mutex": "A mutex plus two condition variables can build this, but a bounded channel "
        "already is that: the buffer, the lock and both waits in one, and it says what it "
        "does (pass ownership of each item, block the producer when full).",
        "atomic CAS": "CAS never waits: a consumer with nothing to take would spin, and nothing "
        "would stop a producer running ahead of its consumers. A hand-off needs both waits; a "
        "bounded channel has them.",
        "semaphore": "Two semaphores (free slots, full slots) can count the waits, but you still "
        "need the buffer and a lock around it; a bounded channel is those three in one.",
    },
    "connection_limit": {
        "mutex": "A mutex lets one caller in, not n.",
        "atomic CAS": "A CAS counter can refuse the (n+1)-th caller, but it cannot make it wait "
        "for a slot without spinning. A counting semaphore waits at zero and wakes a waiter on "
        "each release.",
        "channel": "A channel pre-filled with n tokens works (take one to enter, put it back to "
        "leave), but it is a semaphore spelled with a queue; a counting semaphore says it "
        "directly.",
    },
}
# What the one-line reason must touch on, per scenario (any one pattern of each group).
REASON = {
    "hit_counter": (
        r"\b(one|single|a)\s+(shared\s+)?(integer|int|number|value|word|variable|field|counter"
        r"|cell|reference)\b|never\s+block|non-?blocking|lock-?free|wait-?free|without\s+(a\s+)?"
        r"lock|no\s+lock|retr(y|ies)|never\s+waits?|nobody\s+waits",
        "what makes one CAS enough (a single value) or what it buys (no thread ever waits)",
    ),
    "ledger": (
        r"\b(two|both|several|multiple)\b|invariant|together|consistent|at\s+once|atomically",
        "why one CAS is not enough: how many fields must change as one",
    ),
    "handoff": (
        r"hand|ownership|back-?pressure|bound|full|empty|producer|consumer|\bpass",
        "what the channel does: passes each item on, and blocks a producer when full",
    ),
    "connection_limit": (
        r"\bn\b|permits?|at\s+most|count|slots?|limit|concurrent|waits?\b",
        "what the semaphore counts: n permits, and a caller waits when none is left",
    ),
}


def _squash(text: str) -> str:
    return re.sub(r"[\s_\-.]+", " ", text.strip().lower())


_LOOKUP = {_squash(a): p for p, names in ALIASES.items() for a in names}


def _choice(scenario: str) -> tuple[str, str]:
    """CHOICES[scenario], checked for shape: (primitive, why)."""
    entry = CHOICES.get(scenario) if isinstance(CHOICES, dict) else None
    ok = (
        isinstance(entry, tuple | list)
        and len(entry) == 2
        and all(isinstance(x, str) for x in entry)
    )
    assert ok, (
        f"CHOICES[{scenario!r}] is {entry!r}; it should be a pair of strings (primitive, why), "
        f'e.g. ("event", "many threads wait for one thing that happens once").'
    )
    return entry[0], entry[1]


def _primitive(scenario: str) -> str:
    """The primitive CHOICES names for the scenario, as one of PRIMITIVES."""
    named, _ = _choice(scenario)
    key = _squash(named)
    if key in _LOOKUP:
        return _LOOKUP[key]
    if key in ("", "?"):
        raise AssertionError(
            f"CHOICES[{scenario!r}] names no primitive yet ({named!r}). Decide what must stay "
            f"true in the {CLASSES[scenario]} scenario and who waits for whom, then pick one of "
            f"{', '.join(PRIMITIVES)}."
        )
    if key in OTHERS:
        raise AssertionError(
            f"CHOICES[{scenario!r}] names {named!r}, which is not one of the four primitives "
            f"this kata asks you to choose from: {', '.join(PRIMITIVES)}."
        )
    near = difflib.get_close_matches(key, list(_LOOKUP), n=1, cutoff=0.6)
    hint = f" Did you mean {_LOOKUP[near[0]]!r}?" if near else ""
    raise AssertionError(
        f"CHOICES[{scenario!r}] names {named!r}, not a primitive this kata knows.{hint} Name "
        f"one of {', '.join(PRIMITIVES)}."
    )


def _expect(got: Any, expected: Any, what: str) -> None:
    assert got == expected, f"{what}: got {got!r}, expected {expected!r}. {HINT}"


# -- reading steps -------------------------------------------------------------------------------


def _explore_steps(
    scenario: Callable[[Any], Any],
    threads: Sequence[str],
    check: Callable[[list[Step]], None],
    what: str,
) -> None:
    """Run ``check`` on the steps ``threads`` took, in each of STEP_SCHEDULES random schedules.

    A check that fails is reported like any schedule failure: the steps and a replay command.
    """

    def check_outcome(outcome: Outcome) -> None:
        check([s for s in outcome.steps if s.thread in threads])

    explore(
        scenario,
        strategy="random",
        schedules=STEP_SCHEDULES,
        check_outcome=check_outcome,
        what=what,
    )


def _uses(steps: Sequence[Step], primitive: str) -> bool:
    kinds, ops = USES[primitive]
    return any(s.kind in kinds and (ops is None or s.op in ops) for s in steps)


def _kinds(steps: Sequence[Step]) -> str:
    seen = sorted({s.kind for s in steps if s.kind and s.kind != "Thread"})
    return ", ".join(seen) or "none"


# -- scenarios -----------------------------------------------------------------------------------


def _hits(threads: int, each: int) -> Callable[[Any], Any]:
    def scenario(rt):
        counter = HitCounter(rt)

        def hits() -> None:
            for _ in range(each):
                counter.hit()

        run_threads(rt, **{f"T{i + 1}": hits for i in range(threads)})
        return counter.count()

    return scenario


def _ledger(opening: int, amounts: Sequence[int], readers: int) -> Callable[[Any], Any]:
    def scenario(rt):
        ledger = Ledger(rt, opening=opening)
        results: list[Any] = [None] * len(amounts)
        seen: list[Any] = []

        def record(k: int) -> None:
            results[k] = ledger.record(amounts[k])

        def read() -> None:
            seen.append(ledger.snapshot())

        run_threads(
            rt,
            **{f"W{k + 1}": partial(record, k) for k in range(len(amounts))},
            **{f"R{i + 1}": read for i in range(readers)},
        )
        return tuple(results), ledger.snapshot(), tuple(seen)

    return scenario


def _ledger_check(opening: int, amounts: Sequence[int]) -> Callable[[Any], None]:
    serial: set[tuple[Any, ...]] = set()
    for order in permutations(range(len(amounts))):
        balance, history, results = opening, [], [False] * len(amounts)
        for k in order:
            if balance + amounts[k] >= 0:
                balance += amounts[k]
                history.append(amounts[k])
                results[k] = True
        serial.add((tuple(results), (balance, tuple(history))))

    def check(result: Any) -> None:
        results, final, seen = result
        for snap in (*seen, final):
            ok = (
                isinstance(snap, tuple)
                and len(snap) == 2
                and isinstance(snap[1], tuple)
                and snap[0] == opening + sum(snap[1])
                and snap[0] >= 0
            )
            assert ok, (
                f"ledger.snapshot() returned {snap!r}, taken "
                f"{'while the writers ran' if snap is not final else 'after they finished'}; "
                f"with opening balance {opening} it must be (balance, history) with balance == "
                f"{opening} + sum(history) and balance >= 0. The reader saw one field changed "
                f"and the other not yet: both writes, and the read of both, must be one step to "
                f"everyone else. {HINT}"
            )
            assert final[1][: len(snap[1])] == snap[1], (
                f"a reader's ledger.snapshot() returned {snap!r}, but the final history is "
                f"{final[1]!r}: a history only grows at its end."
            )
        assert (tuple(results), final) in serial, (
            f"record returned {list(results)} and the final snapshot is {final!r}, which no "
            "one-at-a-time order of these records gives: a refused record changes nothing, an "
            "accepted one changes both fields."
        )

    return check


def _handoff(capacity: int, producers: Sequence[Sequence[str]], consumers: int):
    total = sum(len(p) for p in producers)
    share = total // consumers

    def scenario(rt):
        pipe = Handoff(rt, capacity)
        flow = {"sent": 0, "received": 0, "peak": 0}
        got: list[list[Any]] = [[] for _ in range(consumers)]

        def produce(items: Sequence[str]) -> None:
            for item in items:
                pipe.send(item)
                flow["sent"] += 1  # no scheduling point between send returning and this
                flow["peak"] = max(flow["peak"], flow["sent"] - flow["received"])

        def consume(k: int) -> None:
            for _ in range(share):
                got[k].append(pipe.receive())
                flow["received"] += 1

        run_threads(
            rt,
            **{f"P{i + 1}": partial(produce, items) for i, items in enumerate(producers)},
            **{f"C{k + 1}": partial(consume, k) for k in range(consumers)},
        )
        return tuple(tuple(g) for g in got), flow["peak"]

    return scenario


def _limited(n: int, uses: Sequence[int], warm: bool = False) -> Callable[[Any], Any]:
    """User Uk calls limit.use(work) uses[k] times; work counts who is inside meanwhile.

    With ``warm``, main calls use(work) once before starting the users, so a slot given back
    twice is already spare when they arrive.
    """

    def scenario(rt):
        limit = ConnectionLimit(rt, n)
        inside = {"now": 0, "peak": 0}
        returned: list[Any] = []

        def work() -> str:
            inside["now"] += 1
            inside["peak"] = max(inside["peak"], inside["now"])
            rt.sleep(0)  # a scheduling point inside, so others may enter meanwhile
            inside["now"] -= 1
            return "done"

        def user(times: int) -> None:
            for _ in range(times):
                returned.append(limit.use(work))

        if warm:
            returned.append(limit.use(work))
        inside["peak"] = 0
        run_threads(rt, **{f"U{k + 1}": partial(user, t) for k, t in enumerate(uses)})
        return inside["peak"], tuple(returned)

    return scenario


# -- 1. hit counter ------------------------------------------------------------------------------


def test_hits_from_two_threads_are_all_counted_on_every_schedule():
    def check(count: Any) -> None:
        assert count == 4, (
            f"T1 and T2 each called hits.hit() twice; hits.count() returned {count!r}, not 4. "
            "A hit was lost: two threads read the same count and both installed count + 1. "
            "Install the new count only if the count is still the one you read, and retry "
            f"otherwise. {HINT}"
        )

    seen = explore(
        _hits(2, 2),
        strategy="dfs",
        schedules=DFS_CAP,
        check=check,
        what="T1 and T2 each called hits.hit() twice",
    )
    assert seen.exhausted, (
        f"{seen.schedules} schedules of four hits did not cover every schedule with two "
        "preemptions: does hit() retry more than it needs to? Retry only when the CAS failed."
    )


def test_three_threads_hitting_at_once_lose_no_hit():
    explore(
        _hits(3, 2),
        strategy="random",
        schedules=RANDOM_SCHEDULES,
        check=lambda count: _expect(count, 6, "T1, T2 and T3 each called hits.hit() twice"),
        what="T1, T2 and T3 each called hits.hit() twice",
    )


def test_the_hit_counter_never_blocks():
    """No step of a thread calling hit() may wait on another: no lock, no semaphore, no queue."""

    def check(steps: list[Step]) -> None:
        blocking = [s for s in steps if s.kind in BLOCKING]
        assert not blocking, (
            f"{blocking[0].thread}'s hit() took the step `{blocking[0]}` ({blocking[0].kind}), "
            "which can wait for another thread. A thread preempted while holding a lock stalls "
            "every other hit; for one integer, a CAS loop never waits: read, compute, "
            f"compare_and_set, retry if it failed. Kinds of step hit() used: {_kinds(steps)}. "
            f"{HINT}"
        )
        cells = [s for s in steps if s.kind == "SharedCell"]
        assert not cells, (
            f"{cells[0].thread}'s hit() took the step `{cells[0]}` on a plain SharedCell. If an "
            "atomic flag guards that cell, it is a spin lock: a thread preempted while holding "
            "it makes every other hit spin until it runs again, which is waiting by another "
            f"name. Keep the count itself in the AtomicRef and CAS the count. {HINT}"
        )

    _explore_steps(_hits(2, 2), ("T1", "T2"), check, "T1 and T2 each called hits.hit() twice")


# -- 2. ledger -----------------------------------------------------------------------------------


def test_a_snapshot_taken_while_a_record_runs_is_always_consistent():
    opening, amounts = 10, (30,)
    seen = explore(
        _ledger(opening, amounts, readers=1),
        strategy="dfs",
        schedules=DFS_CAP,
        check=_ledger_check(opening, amounts),
        what=f"On Ledger(opening={opening}): W1 ran record(30) while R1 called snapshot()",
    )
    assert seen.exhausted, f"{seen.schedules} schedules did not cover the scenario: does it loop?"


def test_snapshots_stay_consistent_with_two_writers_and_a_reader():
    opening, amounts = 10, (30, -20)
    explore(
        _ledger(opening, amounts, readers=1),
        strategy="random",
        schedules=RANDOM_SCHEDULES,
        check=_ledger_check(opening, amounts),
        what=f"On Ledger(opening={opening}): W1 ran record(30), W2 ran record(-20), and R1 "
        "called snapshot()",
    )


def test_two_withdrawals_that_together_overdraw_never_both_succeed():
    opening, amounts = 100, (-60, -60)
    seen = explore(
        _ledger(opening, amounts, readers=0),
        strategy="dfs",
        schedules=DFS_CAP,
        check=_ledger_check(opening, amounts),
        what=f"On Ledger(opening={opening}): W1 and W2 each ran record(-60)",
    )
    assert seen.exhausted, (
        f"{seen.schedules} schedules of two records did not cover every schedule with two "
        "preemptions: does record() loop?"
    )


# -- 3. hand-off ---------------------------------------------------------------------------------


def test_a_handoff_delivers_every_item_once_in_order_and_holds_capacity_items_at_most():
    capacity = 2
    items = ("a", "b", "c")

    peaks: list[int] = []

    def check(result: Any) -> None:
        got, peak = result
        peaks.append(peak)
        assert got == (items,), (
            f"C1 received {list(got[0])}; expected {list(items)}: every item once, in the "
            "order it was sent."
        )
        assert peak <= capacity, (
            f"at one point {peak} items had been sent and not yet received, on a hand-off of "
            f"capacity {capacity}. send must wait while {capacity} items wait: that bound is "
            "the backpressure that keeps a fast producer from filling memory. Is the channel "
            f"bounded? {HINT}"
        )

    seen = explore(
        _handoff(capacity, [items], consumers=1),
        strategy="dfs",
        schedules=DFS_CAP,
        check=check,
        what=f"On Handoff(capacity={capacity}): P1 sent 'a', 'b', 'c'; C1 received three times",
    )
    assert max(peaks) == capacity, (
        f"Over {seen.schedules} schedules, at most {max(peaks)} items ever waited in a "
        f"Handoff(capacity={capacity}); a producer ahead of its consumer should be able to get "
        f"{capacity} items ahead before it waits. Size the buffer to the capacity."
    )
    assert seen.exhausted, f"{seen.schedules} schedules did not cover the scenario: does it loop?"


def test_two_producers_and_two_consumers_lose_and_duplicate_nothing():
    producers = (("a1", "a2"), ("b1", "b2"))

    def check(result: Any) -> None:
        got, peak = result
        every = sorted(x for g in got for x in g)
        assert every == ["a1", "a2", "b1", "b2"], (
            f"C1 received {list(got[0])} and C2 {list(got[1])}; together they should hold "
            "a1, a2, b1, b2, each exactly once."
        )
        for g in got:
            for p in producers:
                mine = [x for x in g if x in p]
                assert mine == sorted(mine), (
                    f"a consumer received {list(g)}: {mine[0]} and {mine[1]} came from one "
                    "producer in the other order. A hand-off is first in, first out."
                )
        assert peak <= 1, f"{peak} items waited at once in a Handoff(capacity=1)."

    explore(
        _handoff(1, producers, consumers=2),
        strategy="random",
        schedules=RANDOM_SCHEDULES,
        check=check,
        what="On Handoff(capacity=1): P1 sent a1, a2; P2 sent b1, b2; C1 and C2 received twice",
    )


# -- 4. connection limit -------------------------------------------------------------------------


def _limit_check(n: int, calls: int, peaks: list[int]) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        peak, returned = result
        peaks.append(peak)
        assert peak <= n, (
            f"{peak} callers were inside ConnectionLimit(n={n}) at once. A slot was given back "
            "twice, or taken without waiting: each use takes one slot before work() and gives "
            f"back exactly that one after, once. {HINT}"
        )
        assert returned == ("done",) * calls, (
            f"use(work) returned {list(returned)}; it should return what work() returned."
        )

    return check


def test_never_more_than_n_callers_are_inside_at_once():
    peaks: list[int] = []
    seen = explore(
        _limited(1, (1, 1), warm=True),
        strategy="dfs",
        schedules=DFS_CAP,
        check=_limit_check(1, 3, peaks),
        what="On ConnectionLimit(n=1): main called use(work) once, then U1 and U2 called "
        "use(work) at the same time",
    )
    assert seen.exhausted, f"{seen.schedules} schedules did not cover the scenario: does it loop?"


def test_n_callers_do_get_in_at_once():
    n = 2
    peaks: list[int] = []
    seen = explore(
        _limited(n, (1, 1)),
        strategy="dfs",
        schedules=DFS_CAP,
        check=_limit_check(n, 2, peaks),
        what=f"On ConnectionLimit(n={n}): U1 and U2 called use(work) at the same time",
    )
    assert max(peaks) == n, (
        f"Over all {seen.schedules} schedules of U1 and U2 calling use(work) on "
        f"ConnectionLimit(n={n}), never more than {max(peaks)} was inside at once: {n} callers "
        f"should be able to work at the same time, or {n - 1} connection(s) sit idle while "
        f"callers queue. A mutex lets one in; the limit needs a count of n. {HINT}"
    )
    assert seen.exhausted, f"{seen.schedules} schedules did not cover the scenario: does it loop?"


def test_a_slot_is_given_back_when_the_work_raises():
    def scenario(rt):
        limit = ConnectionLimit(rt, 1)

        def fail() -> None:
            raise KeyError("query failed")

        try:
            limit.use(fail)
        except KeyError:
            pass
        else:
            raise AssertionError("use(work) returned although work() raised KeyError")
        return limit.use(lambda: "again")

    explore(
        scenario,
        schedules=1,
        check=lambda got: _expect(got, "again", "the second use(work) after a failed one"),
        what="On ConnectionLimit(n=1): use(work) where work() raises KeyError, then use() "
        "again. A slot not given back on an exception is lost for good",
    )


# -- the choices ---------------------------------------------------------------------------------


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_each_choice_names_the_primitive_that_fits_and_says_why(scenario):
    primitive = _primitive(scenario)
    _, why = _choice(scenario)
    answer = ANSWER[scenario]
    if primitive != answer:
        raise AssertionError(
            f"CHOICES[{scenario!r}] names {CHOICES[scenario][0]!r} ({primitive}) for "
            f"{CLASSES[scenario]}. {WHY_NOT[scenario][primitive]} {HINT}"
        )
    line = why.strip()
    if line in ("", "?") or "\n" in line or len(line) > 200 or len(line.split()) < 4:
        raise AssertionError(
            f"CHOICES[{scenario!r}] gives the reason {why!r}. Write one line of a few words "
            "(at most 200 characters) saying why this primitive fits this scenario."
        )
    pattern, about = REASON[scenario]
    if not re.search(pattern, line, re.IGNORECASE):
        raise AssertionError(
            f"CHOICES[{scenario!r}] gives the reason {why!r}, which does not say {about}. "
            "Say it the way you would to an interviewer."
        )


BUILT = {
    "hit_counter": (_hits(2, 1), ("T1", "T2"), "T1 and T2 each called hits.hit()"),
    "ledger": (
        _ledger(10, (5, -5), readers=1),
        ("W1", "W2", "R1"),
        "On Ledger(opening=10): W1 ran record(5), W2 record(-5), R1 snapshot()",
    ),
    "handoff": (
        _handoff(1, [("x", "y")], consumers=1),
        ("P1", "C1"),
        "On Handoff(capacity=1): P1 sent 'x', 'y'; C1 received twice",
    ),
    "connection_limit": (
        _limited(1, (1, 1)),
        ("U1", "U2"),
        "On ConnectionLimit(n=1): U1 and U2 called use(work)",
    ),
}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_each_scenario_is_built_on_the_primitive_its_choice_names(scenario):
    primitive = _primitive(scenario)
    build, threads, what = BUILT[scenario]

    def check(steps: list[Step]) -> None:
        assert _uses(steps, primitive), (
            f"CHOICES[{scenario!r}] names {primitive}, but {CLASSES[scenario]}'s methods, run "
            f"from threads {', '.join(threads)}, never used one (kinds of step they took: "
            f"{_kinds(steps)}). Build the class on the primitive you chose, or choose the one "
            f"you built on. {HINT}"
        )

    _explore_steps(build, threads, check, what)


# -- the same code on real threads ---------------------------------------------------------------


def test_the_four_classes_run_on_real_threads():
    def scenario(rt):
        hits, ledger = HitCounter(rt), Ledger(rt, opening=0)
        pipe, limit = Handoff(rt, capacity=2), ConnectionLimit(rt, n=2)
        received: list[Any] = []

        def worker(k: int) -> None:
            for i in range(20):
                hits.hit()
                ledger.record(1 if i % 2 == 0 else -1)
                limit.use(lambda: None)
                pipe.send((k, i))

        def consumer() -> None:
            for _ in range(60):
                received.append(pipe.receive())

        run_threads(rt, **{f"T{k + 1}": partial(worker, k) for k in range(3)}, C1=consumer)
        return hits.count(), ledger.snapshot(), len(set(received))

    count, (balance, history), distinct = run_real(scenario, seconds=1.5)
    assert count == 60 and balance == sum(history) >= 0 and len(history) > 0 and distinct == 60, (
        "On real threads, three workers each made 20 hits, 20 records of +1 or -1, 20 uses "
        "of the limit and 20 sends to one consumer. Got hits.count() == "
        f"{count} (expected 60), a ledger of balance {balance} over {len(history)} records "
        f"(balance must equal their sum), and {distinct} distinct items received (expected 60)."
    )
