"""Tests for the connection-pool kata, run on explored thread schedules.

Each concurrent test is a scenario: a function of the runtime ``rt`` that builds a pool, starts
threads and asserts. ``explore`` runs it under many schedules (depth-first with at most two
preemptions, or seeded random walks) and stops at the first that breaks, printing that schedule
step by step and a command that replays it. Time is virtual: ``rt.sleep(5)`` takes no real time
and a timeout ends exactly at its deadline.
"""

from __future__ import annotations

from functools import partial

import pytest

from checker.harness.schedule import REAL, explore, run_real, run_threads
from katas.stage4_concurrency.connection_pool import ConnectionPool, PoolClosed, PoolTimeout

HINT = "Try `katas hint connection-pool`."


class FakeConnection:
    """A connection whose use is two steps on a shared cell: sharing one is a data race."""

    def __init__(self, rt, number: int) -> None:
        self.number = number
        self.cell = rt.SharedCell(0, name=f"conn{number}.state")
        self.closed = False

    def query(self) -> None:
        assert not self.closed, f"{self} was used after it was closed"
        self.cell.store(self.cell.load() + 1)

    def close(self) -> None:
        self.closed = True

    def __repr__(self) -> str:
        return f"conn{self.number}"


class Made(list):
    """The factory: makes numbered connections and remembers every one it made."""

    def __init__(self, rt) -> None:
        super().__init__()
        self.rt = rt

    def __call__(self) -> FakeConnection:
        conn = FakeConnection(self.rt, len(self) + 1)
        self.append(conn)
        return conn


def _sharing(threads: int, size: int):
    """``threads`` threads each acquire, query twice and release; returns (made, peak out)."""

    def scenario(rt):
        made = Made(rt)
        pool = ConnectionPool(made, size, rt)
        out: list[FakeConnection] = []  # the test's own bookkeeping: which connections are out
        peak = 0

        def worker(name: str) -> None:
            nonlocal peak
            conn = pool.acquire()
            assert not any(c is conn for c in out), (
                f"{name} was handed {conn}, which another thread still holds. A connection "
                f"must go to one holder at a time. {HINT}"
            )
            out.append(conn)
            peak = max(peak, len(out))
            assert len(out) <= size, (
                f"{len(out)} connections are out at once from a pool of size {size}. {HINT}"
            )
            conn.query()
            conn.query()
            out.remove(conn)
            pool.release(conn)

        run_threads(rt, **{f"T{i}": partial(worker, f"T{i}") for i in range(1, threads + 1)})
        assert len(made) <= size, (
            f"The factory was called {len(made)} times for a pool of size {size}: a pool must "
            f"never make more than `size` connections. {HINT}"
        )
        return len(made), peak

    return scenario


# -- one thread ------------------------------------------------------------------------------


def test_a_released_connection_is_handed_out_again_instead_of_making_a_new_one():
    made = Made(REAL)
    pool = ConnectionPool(made, 2, REAL)
    first = pool.acquire()
    pool.release(first)
    again = pool.acquire()
    assert again is first and len(made) == 1, (
        f"Called acquire(), release(conn1), acquire() on a pool of 2: got {again} and the "
        f"factory ran {len(made)} times; expected conn1 again and one call. Keep released "
        f"connections and hand them out before making new ones. {HINT}"
    )


def test_connections_are_made_only_when_needed():
    made = Made(REAL)
    pool = ConnectionPool(made, 3, REAL)
    assert len(made) == 0, (
        f"Creating ConnectionPool(factory, 3) called the factory {len(made)} times; a pool "
        f"makes connections lazily, on the first acquire that finds none idle. {HINT}"
    )
    a, b = pool.acquire(), pool.acquire()
    assert a is not b and len(made) == 2, (
        f"Two acquire() calls with nothing released returned {a} and {b} after "
        f"{len(made)} factory calls; expected two different connections from two calls."
    )


def test_releasing_a_connection_twice_raises_value_error():
    pool = ConnectionPool(Made(REAL), 2, REAL)
    conn = pool.acquire()
    pool.release(conn)
    with pytest.raises(ValueError):
        pool.release(conn)
        pytest.fail(
            f"release({conn}) a second time returned normally. A pool that accepts it would "
            f"keep the connection twice and later hand it to two threads: raise ValueError. "
            f"{HINT}"
        )


def test_releasing_a_connection_from_elsewhere_raises_value_error():
    pool = ConnectionPool(Made(REAL), 2, REAL)
    stranger = FakeConnection(REAL, 99)
    with pytest.raises(ValueError):
        pool.release(stranger)
        pytest.fail(
            f"release({stranger}) of a connection this pool never handed out returned "
            f"normally; expected ValueError. {HINT}"
        )


# -- many threads ----------------------------------------------------------------------------


def test_three_threads_sharing_two_connections_never_hold_one_together_or_make_a_third():
    explore(
        _sharing(threads=3, size=2),
        strategy="random",
        schedules=200,
        what="Three threads each ran conn = pool.acquire(); conn.query(); pool.release(conn) "
        "on ConnectionPool(factory, 2)",
    )


def test_two_connections_are_really_used_at_once_on_some_schedule():
    peaks: set[int] = set()
    seen = explore(
        _sharing(threads=2, size=2),
        strategy="dfs",
        schedules=100,
        check=lambda result: peaks.add(result[1]),
        what="Two threads each ran conn = pool.acquire(); conn.query(); pool.release(conn) on "
        "ConnectionPool(factory, 2)",
    )
    assert 2 in peaks, (
        f"Two threads shared ConnectionPool(factory, 2) on {seen.schedules} schedules and "
        f"never held two connections at once (peaks seen: {sorted(peaks)}). The pool "
        f"serializes its users: hold the pool's lock only to pick a connection, not while the "
        f"caller uses it. {HINT}"
    )


def _holder_and_waiter(timeout: float):
    def scenario(rt):
        pool = ConnectionPool(Made(rt), 1, rt)
        log: list[tuple[str, float]] = []

        def holder() -> None:
            conn = pool.acquire()
            rt.sleep(5)
            pool.release(conn)

        def waiter() -> None:
            rt.sleep(1)  # the holder has the only connection by now
            try:
                pool.acquire(timeout=timeout)
                log.append(("got it", rt.monotonic()))
            except PoolTimeout:
                log.append(("PoolTimeout", rt.monotonic()))

        run_threads(rt, holder=holder, waiter=waiter)
        return log

    return scenario


def test_a_waiting_acquire_times_out_at_exactly_its_deadline():
    def check(log: list[tuple[str, float]]) -> None:
        assert log == [("PoolTimeout", 3.0)], (
            f"the waiter's (outcome, time) was {log}; expected [('PoolTimeout', 3.0)]. Pass "
            f"the timeout on to the semaphore's acquire. {HINT}"
        )

    explore(
        _holder_and_waiter(2.0),
        strategy="dfs",
        schedules=200,
        check=check,
        what="A holder keeps the only connection of ConnectionPool(factory, 1) from t=0 to "
        "t=5; at t=1 a waiter calls acquire(timeout=2)",
    )


def test_a_waiting_acquire_gets_the_connection_the_moment_it_comes_back():
    def check(log: list[tuple[str, float]]) -> None:
        assert log == [("got it", 5.0)], (
            f"the waiter's (outcome, time) was {log}; expected [('got it', 5.0)]: the "
            f"connection the moment the holder gives it back. {HINT}"
        )

    explore(
        _holder_and_waiter(10.0),
        strategy="dfs",
        schedules=200,
        check=check,
        what="A holder keeps the only connection of ConnectionPool(factory, 1) until t=5; at "
        "t=1 a waiter calls acquire(timeout=10)",
    )


def test_the_connection_goes_back_when_the_with_body_raises():
    def scenario(rt):
        made = Made(rt)
        pool = ConnectionPool(made, 1, rt)

        def failing() -> None:
            try:
                with pool.connection() as conn:
                    conn.query()
                    raise KeyError("boom")
            except KeyError:
                pass

        run_threads(rt, T1=failing, T2=failing)
        with pool.connection() as conn:
            return conn.number, len(made)

    def check(got: tuple[int, int]) -> None:
        assert got == (1, 1), (
            f"main got conn{got[0]} after the factory ran {got[1]} times; expected conn1 back "
            f"and one factory call. Release in a `finally`. {HINT}"
        )

    explore(
        scenario,
        strategy="dfs",
        schedules=200,
        check=check,
        what="Two threads each ran `with pool.connection() as conn: raise KeyError` on a pool "
        "of size 1, then main asked for the connection",
    )


def test_close_closes_idle_connections_and_refuses_new_acquires():
    made = Made(REAL)
    pool = ConnectionPool(made, 2, REAL)
    a, b = pool.acquire(), pool.acquire()
    pool.release(a)
    pool.close()
    assert a.closed and not b.closed, (
        f"After acquiring conn1 and conn2, releasing conn1 and calling close(): conn1.closed is "
        f"{a.closed} (expected True: it was idle), conn2.closed is {b.closed} (expected False: "
        f"it is still in use). {HINT}"
    )
    with pytest.raises(PoolClosed):
        pool.acquire()
        pytest.fail("acquire() after close() returned a connection; expected PoolClosed.")
    pool.release(b)
    assert b.closed, f"conn2 was released after close() and stayed open; close it. {HINT}"


def test_a_waiter_is_not_left_blocked_when_the_pool_closes():
    def scenario(rt):
        made = Made(rt)
        pool = ConnectionPool(made, 1, rt)
        result: list[str] = []
        conn = pool.acquire()

        def waiter() -> None:
            try:
                pool.acquire()
                result.append("got a connection")
            except PoolClosed:
                result.append("PoolClosed")

        t = rt.Thread(target=waiter, name="waiter")
        t.start()
        pool.close()
        pool.release(conn)
        t.join()
        return result, made[0].closed

    def check(got: tuple[list[str], bool]) -> None:
        result, closed = got
        assert got == (["PoolClosed"], True), (
            f"the waiter's acquire() gave {result} and conn1.closed is {closed}; expected "
            "['PoolClosed'] and True: a waiter must not get a connection from a closed pool, "
            f"and the connection released after close() is closed. {HINT}"
        )

    explore(
        scenario,
        strategy="dfs",
        schedules=200,
        check=check,
        what="main held the only connection while `waiter` called acquire(); main then called "
        "close() and release(conn)",
    )


def test_the_pool_waits_on_a_semaphore():
    def check(outcome) -> None:
        kinds = {step.kind for step in outcome.steps if step.op == "acquire"}
        assert kinds & {"Semaphore", "BoundedSemaphore"}, (
            f"no thread ever acquired a semaphore (acquired: {sorted(kinds) or 'nothing'}). "
            f"This kata is about the counting semaphore: one permit per connection that may be "
            f"out. {HINT}"
        )

    # The default schedule (no preemption): this test reads how the pool is built, and leaves
    # the interleavings to the tests above.
    explore(
        _sharing(threads=3, size=2),
        strategy="dfs",
        schedules=1,
        check_outcome=check,
        what="Three threads each ran conn = pool.acquire(); conn.query(); pool.release(conn) "
        "on ConnectionPool(factory, 2)",
    )


def test_the_pool_runs_on_real_threads():
    made, peak = run_real(_sharing(threads=4, size=2))
    assert made <= 2 and peak <= 2, (
        "On real threads, four threads each acquired, queried and released a connection of "
        f"ConnectionPool(factory, 2): the factory ran {made} times and {peak} connections were "
        f"out at once; expected at most 2 of each. {HINT}"
    )
