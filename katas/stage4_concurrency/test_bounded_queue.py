"""Tests for the bounded-queue kata: every schedule of producers and consumers, on virtual time.

Each test writes a scenario, a function of the runtime ``rt`` that builds a ``BoundedQueue``,
starts named threads and asserts, and hands it to the scheduler in
``checker/harness/schedule.py``: a systematic search runs the schedules with the fewest
preemptions first (all of them, for the smallest scenarios), a random walk samples longer runs.
A failure prints the schedule step by step (thread, operation, object) and a ``--katas-replay``
command that runs exactly that schedule again. Time is virtual: ``rt.sleep`` and timed waits move a
clock that jumps only when every thread waits, so a timeout is checked to the exact second.
One test runs the same code once on real threads.
"""

from __future__ import annotations

import queue
from collections import Counter

from checker.harness.schedule import explore, join_threads, run_real, run_threads, start_threads
from katas.stage4_concurrency.bounded_queue import BoundedQueue

HINT = "Try `katas hint bounded-queue`."
# Steps of these kinds show that a thread blocked (or could have) inside the queue.
WAITING_OPS = {("Condition", "wait"), ("Condition", "wake")}


def _outcome(call):
    """What a call gave: ('ok', value) or ('raised', exception type name)."""
    try:
        return ("ok", call())
    except (queue.Full, queue.Empty) as error:
        return ("raised", type(error).__name__)


# -- one thread ---------------------------------------------------------------------------------


def test_items_come_out_in_the_order_they_went_in():
    def scenario(rt):
        q = BoundedQueue(3, rt)
        for item in ("a", "b", "c"):
            q.put(item)
        size = q.qsize()
        got = [q.get() for _ in range(3)]
        assert (size, got, q.qsize()) == (3, ["a", "b", "c"], 0), (
            "put 'a', 'b', 'c' into BoundedQueue(3, rt), then qsize(), three get()s and "
            f"qsize() again gave {size}, {got}, {q.qsize()}; expected 3, ['a', 'b', 'c'], 0: "
            "a queue is first in, first out."
        )

    explore(scenario, schedules=1, what="One thread used BoundedQueue(3, rt)")


def test_a_capacity_below_one_is_refused_with_value_error():
    def scenario(rt):
        for capacity in (0, -1):
            try:
                BoundedQueue(capacity, rt)
            except ValueError:
                continue
            raise AssertionError(
                f"BoundedQueue({capacity}, rt) returned a queue; it should raise ValueError: "
                "a queue that can never hold an item would block every put forever."
            )

    explore(scenario, schedules=1, what="Called BoundedQueue(0, rt) and BoundedQueue(-1, rt)")


# -- blocking -----------------------------------------------------------------------------------


def test_put_on_a_full_queue_waits_until_a_get_makes_room():
    def scenario(rt):
        q = BoundedQueue(1, rt)
        q.put("first")
        log = {}

        def producer():
            q.put("second")
            log["put returned at"] = rt.monotonic()

        def consumer():
            rt.sleep(2.0)
            log["consumer got"] = q.get()

        run_threads(rt, producer=producer, consumer=consumer)
        assert log == {"put returned at": 2.0, "consumer got": "first"}, (
            "The queue held 'first' (capacity 1); producer called put('second') at t=0 and "
            f"consumer called get() at t=2. They gave {log}; expected put to return at t=2.0, "
            "when the get made room, and the consumer to get 'first'. A put on a full queue "
            "must wait on a condition that get notifies. " + HINT
        )
        assert q.get() == "second", "After both threads finished, get() should give 'second'."

    explore(scenario, strategy="dfs", schedules=200, what="put on a full BoundedQueue(1, rt)")


def test_get_on_an_empty_queue_waits_until_a_put_brings_an_item():
    def scenario(rt):
        q = BoundedQueue(2, rt)
        log = {}

        def consumer():
            item = q.get()
            log["consumer got"] = (item, rt.monotonic())

        def producer():
            rt.sleep(1.5)
            q.put("late")

        run_threads(rt, consumer=consumer, producer=producer)
        assert log == {"consumer got": ("late", 1.5)}, (
            "consumer called get() on an empty queue at t=0; producer called put('late') at "
            f"t=1.5. The consumer's (item, time) was {log.get('consumer got')}; expected "
            "('late', 1.5): get must wait for the put, then return its item. " + HINT
        )

    explore(scenario, strategy="dfs", schedules=200, what="get on an empty BoundedQueue(2, rt)")


# -- many producers and consumers -------------------------------------------------------------


def _producers_and_consumers(capacity: int, per_thread: int):
    """P1 and P2 put ``per_thread`` items each, C1 and C2 get as many; every item checked."""

    def scenario(rt):
        q = BoundedQueue(capacity, rt)
        sent = {name: [f"{name[1]}{i}" for i in range(per_thread)] for name in ("P1", "P2")}
        got: dict[str, list[str]] = {"C1": [], "C2": []}
        sizes: list[int] = []

        def producer(name):
            for item in sent[name]:
                q.put(item)
                sizes.append(q.qsize())

        def consumer(name):
            for _ in range(per_thread):
                got[name].append(q.get())

        threads = start_threads(
            rt,
            P1=lambda: producer("P1"),
            P2=lambda: producer("P2"),
            C1=lambda: consumer("C1"),
            C2=lambda: consumer("C2"),
        )
        join_threads(threads)
        return capacity, sent, got, sizes

    return scenario


def _no_item_lost_or_duplicated(result) -> None:
    capacity, sent, got, sizes = result
    over = [n for n in sizes if not (isinstance(n, int) and 0 <= n <= capacity)]
    assert not over, (
        f"Each producer called qsize() right after each put; it returned {sizes}, but the "
        f"queue holds 0 to {capacity} items. A producer woken from a wait must check again "
        "that there is room before it adds. " + HINT
    )
    # Counted by repr, so an item of any type (hashable or not) is reported, not crashed on.
    want = Counter(repr(item) for items in sent.values() for item in items)
    have = Counter(repr(item) for items in got.values() for item in items)
    lost, extra = sorted((want - have).elements()), sorted((have - want).elements())
    assert not lost and not extra, (
        f"Producers put {dict(sent)}; consumers got {dict(got)}. Lost: {lost or 'none'}; got "
        f"more often than put: {extra or 'none'}. Every item must be got exactly once. " + HINT
    )
    for consumer, items in got.items():
        for producer, order in sent.items():
            mine = [item for item in items if item in order]
            assert mine == sorted(mine, key=order.index), (
                f"{consumer} got {producer}'s items in the order {mine}, but {producer} put "
                f"them in the order {order}: a queue hands out items first in, first out."
            )


def test_two_producers_and_two_consumers_lose_and_duplicate_nothing():
    """On every explored schedule, the items got are exactly the items put, each in FIFO order."""
    explore(
        _producers_and_consumers(capacity=1, per_thread=2),
        strategy="dfs",
        schedules=60,
        check=_no_item_lost_or_duplicated,
        what="P1 and P2 each put 2 items into BoundedQueue(1, rt); C1 and C2 each got 2",
    )


def test_two_producers_and_two_consumers_on_random_schedules_lose_nothing():
    """Longer runs than depth-first search can cover, sampled by seeded random walks."""
    explore(
        _producers_and_consumers(capacity=2, per_thread=4),
        strategy="random",
        schedules=30,
        check=_no_item_lost_or_duplicated,
        what="P1 and P2 each put 4 items into BoundedQueue(2, rt); C1 and C2 each got 4",
    )


def test_the_queue_never_holds_more_than_its_capacity():
    """The schedule for put: P1 waits on a full queue; at t=1 C makes room and notifies P1, but
    P2 fills the room before P1 runs. P1 must find the queue full again and wait, not add."""

    def scenario(rt):
        q = BoundedQueue(1, rt)
        q.put("first")
        sizes: list[tuple[str, int]] = []
        got: list[str] = []

        def producer(name, delay):
            rt.sleep(delay)
            q.put(name)
            sizes.append((name, q.qsize()))

        def consumer():
            rt.sleep(1.0)
            for _ in range(3):
                got.append(q.get())

        join_threads(
            start_threads(
                rt,
                P1=lambda: producer("P1", 0.0),
                C=consumer,
                P2=lambda: producer("P2", 1.0),
            )
        )
        over = [(name, n) for name, n in sizes if not (isinstance(n, int) and 0 <= n <= 1)]
        assert not over, (
            "The queue (capacity 1) held 'first'; P1 called put at t=0, and at t=1 C began "
            "three get()s while P2 called put. Right after its put, (producer, qsize()) was "
            f"{over}: more than the capacity of 1. A producer woken from a wait must check "
            "again that there is room before it adds: `while`, not `if`. " + HINT
        )
        assert sorted(got) == ["P1", "P2", "first"], (
            f"C got {got}; expected 'first', 'P1' and 'P2' once each."
        )

    explore(
        scenario,
        strategy="dfs",
        schedules=60,
        what="P1 and P2 called put on a full BoundedQueue(1, rt) while C got three items",
    )


def test_one_producer_and_one_consumer_pass_every_item_in_order():
    """Every schedule of a two-thread pipeline is explored (the search is exhaustive here)."""

    def scenario(rt):
        q = BoundedQueue(1, rt)
        got: list[int] = []
        join_threads(
            start_threads(
                rt,
                P=lambda: [q.put(i) for i in range(3)],
                C=lambda: [got.append(q.get()) for _ in range(3)],
            )
        )
        assert got == [0, 1, 2], (
            f"P put 0, 1, 2 into BoundedQueue(1, rt) while C called get() three times; C got "
            f"{got}, expected [0, 1, 2]. " + HINT
        )

    explore(
        scenario,
        strategy="dfs",
        schedules=400,
        what="P put 0, 1, 2 into BoundedQueue(1, rt); C called get() three times",
    )


def test_a_woken_consumer_that_finds_the_queue_empty_waits_again():
    """The schedule the issue names: C1 is notified, C2 takes the item first, C1 finds none."""

    def scenario(rt):
        q = BoundedQueue(1, rt)
        got: list[str] = []
        join_threads(
            start_threads(
                rt,
                C1=lambda: got.append(q.get()),
                C2=lambda: got.append(q.get()),
                P=lambda: [q.put(item) for item in ("x", "y")],
            )
        )
        assert sorted(got) == ["x", "y"], (
            f"P put 'x' and 'y'; C1 and C2 got {got} between them, expected both items once. "
            "A consumer woken by a notify must check again that the queue has an item: another "
            "consumer may have taken it first. " + HINT
        )

    explore(
        scenario,
        strategy="dfs",
        schedules=60,
        what="C1 and C2 each called get() on BoundedQueue(1, rt) while P put 'x' and 'y'",
    )


# -- timeouts, on virtual time ------------------------------------------------------------------


def test_put_with_a_timeout_raises_full_exactly_at_the_deadline():
    def scenario(rt):
        q = BoundedQueue(1, rt)
        q.put("kept")
        now = _outcome(lambda: q.put("never", timeout=0)), rt.monotonic()
        later = _outcome(lambda: q.put("never", timeout=2.5)), rt.monotonic()
        expected = ((("raised", "Full"), 0.0), (("raised", "Full"), 2.5))
        assert (now, later) == expected, (
            "On a full BoundedQueue(1, rt), put(x, timeout=0) at t=0 and then put(x, "
            f"timeout=2.5) gave (outcome, time) {now} and {later}; expected {expected}: "
            "queue.Full at once, then queue.Full exactly 2.5 virtual seconds later. " + HINT
        )
        assert q.get(timeout=0) == "kept" and q.qsize() == 0, (
            "A put that timed out must leave the queue as it was: only 'kept' in it."
        )

    explore(scenario, schedules=1, what="put with a timeout on a full BoundedQueue(1, rt)")


def test_get_with_a_timeout_raises_empty_exactly_at_the_deadline():
    def scenario(rt):
        q = BoundedQueue(2, rt)
        now = _outcome(lambda: q.get(timeout=0)), rt.monotonic()
        later = _outcome(lambda: q.get(timeout=1.5)), rt.monotonic()
        expected = ((("raised", "Empty"), 0.0), (("raised", "Empty"), 1.5))
        assert (now, later) == expected, (
            "On an empty BoundedQueue(2, rt), get(timeout=0) at t=0 and then get(timeout=1.5) "
            f"gave (outcome, time) {now} and {later}; expected {expected}: queue.Empty at "
            "once, then queue.Empty exactly 1.5 virtual seconds later. " + HINT
        )

    explore(scenario, schedules=1, what="get with a timeout on an empty BoundedQueue(2, rt)")


def test_a_timed_get_returns_an_item_that_arrives_before_the_deadline():
    def scenario(rt):
        q = BoundedQueue(1, rt)
        log = {}

        def consumer():
            log["consumer"] = _outcome(lambda: q.get(timeout=4.0)), rt.monotonic()

        def producer():
            rt.sleep(1.0)
            q.put("in time")

        run_threads(rt, consumer=consumer, producer=producer)
        expected = (("ok", "in time"), 1.0)
        assert log["consumer"] == expected, (
            "consumer called get(timeout=4.0) at t=0; producer put 'in time' at t=1. The "
            f"consumer's (outcome, time) was {log['consumer']}; expected {expected}. " + HINT
        )

    explore(scenario, strategy="dfs", schedules=200, what="get(timeout=4.0) with a put at t=1")


def test_a_timed_get_woken_for_an_item_another_took_gives_up_at_its_first_deadline():
    """C waits with timeout=3 from t=0; at t=1 P puts one item and T grabs at it with timeout=0.

    If T wins, C was woken for nothing and must wait only for the 2 seconds left, so queue.Empty
    comes at t=3, not t=4: the deadline is fixed once, when the call starts.
    """

    def scenario(rt):
        q = BoundedQueue(1, rt)
        log = {}

        def patient():
            log["C"] = _outcome(lambda: q.get(timeout=3.0)), rt.monotonic()

        def producer():
            rt.sleep(1.0)
            q.put("only")

        def grabber():
            rt.sleep(1.0)
            log["T"] = _outcome(lambda: q.get(timeout=0)), rt.monotonic()

        run_threads(rt, C=patient, P=producer, T=grabber)
        allowed = (
            {"C": (("ok", "only"), 1.0), "T": (("raised", "Empty"), 1.0)},
            {"C": (("raised", "Empty"), 3.0), "T": (("ok", "only"), 1.0)},
        )
        assert log in allowed, (
            "C called get(timeout=3.0) at t=0; at t=1 P put 'only' and T called "
            f"get(timeout=0). They gave (outcome, time): {log}. Expected one of them to get "
            "'only' at t=1 and the other to raise queue.Empty: T at once, or C at t=3.0. "
            "Compute the deadline once, before the loop, and after every wake-up wait only for "
            "the time left (deadline - rt.monotonic()). " + HINT
        )

    explore(
        scenario,
        strategy="dfs",
        schedules=60,
        what="get(timeout=3.0) woken at t=1 for an item another consumer took",
    )


# -- how it is built ------------------------------------------------------------------------------


def test_the_queue_is_built_from_a_lock_and_conditions_not_from_rt_queue():
    def scenario(rt):
        q = BoundedQueue(1, rt)

        def producer():
            rt.sleep(1.0)  # C is waiting by now, whatever the schedule
            q.put("item")

        run_threads(rt, C=q.get, P=producer)

    def check(outcome):
        queued = [s for s in outcome.steps if s.kind == "Queue" and s.thread in ("C", "P")]
        assert not queued, (
            f"{queued[0].thread} took the step `{queued[0]}` on an rt.Queue: BoundedQueue must "
            "be built from rt.Lock and rt.Condition, not wrap the queue it is meant to "
            "replace. " + HINT
        )
        waits = [s for s in outcome.steps if (s.kind, s.op) in WAITING_OPS and s.thread == "C"]
        assert waits, (
            "C should wait on an rt.Condition until the put notifies it, but its steps show no "
            "Condition wait. " + HINT
        )

    # The default schedule (no preemption) is enough: on every schedule C waits until t=1.
    explore(
        scenario,
        strategy="dfs",
        schedules=1,
        check_outcome=check,
        what="C called get() on an empty BoundedQueue(1, rt) and P put one item at t=1",
    )


def test_the_bounded_queue_runs_on_real_threads():
    def scenario(rt):
        q = BoundedQueue(2, rt)
        got: list[str] = []
        guard = rt.Lock()

        def producer(prefix):
            for i in range(50):
                q.put(f"{prefix}{i}")

        def consumer():
            for _ in range(50):
                item = q.get()
                with guard:
                    got.append(item)

        run_threads(
            rt,
            P1=lambda: producer("a"),
            P2=lambda: producer("b"),
            C1=consumer,
            C2=consumer,
        )
        return sorted(got)

    what = (
        "On real threads, two producers put 50 items each into BoundedQueue(2, rt) and two "
        "consumers called get() 50 times each"
    )
    try:
        # The guard only stops a hang (a lost wake-up the scheduled tests did not reach).
        got = run_real(scenario, seconds=1.5)
    except AssertionError as hang:  # a thread raised, or the run hung
        raise AssertionError(f"{what}. {hang} " + HINT) from None
    sent = sorted(f"{p}{i}" for p in "ab" for i in range(50))
    assert got == sent, (
        f"{what}; {len(got)} items came out and they differ from the 100 put. " + HINT
    )
