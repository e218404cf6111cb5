"""Tests for the connection-pool kata, run on explored thread schedules.

Each concurrent test is a scenario: a function of the runtime ``rt`` that builds a pool, starts
threads and asserts. ``explore`` runs it under many schedules (depth-first with at most two
preemptions, or seeded random walks) and stops at the first that breaks, printing that schedule
step by step and a command that replays it. Time is virtual: ``rt.sleep(5)`` takes no real time
and a timeout ends exactly at its deadline.
"""

from __future__ import annotations

import pytest

from checker.harness.schedule import REAL, explore, run_once, run_real
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

        workers = [
            rt.Thread(target=worker, args=(f"T{i}",), name=f"T{i}") for i in range(1, threads + 1)
        ]
        for t in workers:
            t.start()
        for t in workers:
            t.join()
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
    seen = explore(
        _sharing(threads=3, size=2),
        strategy="random",
        schedules=200,
        what="Three threads each ran conn = pool.acquire(); conn.query(); pool.release(conn) "
        "on ConnectionPool(factory, 2)",
    )
    assert seen.schedules > 1


def test_two_connections_are_really_used_at_once_on_some_schedule():
    seen = explore(_sharing(threads=2, size=2), strategy="dfs", schedules=100)
    peaks = {eval(outcome)[1] for outcome in seen.outcomes}
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

        threads = [rt.Thread(target=holder, name="holder"), rt.Thread(target=waiter, name="waiter")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return log

    return scenario


def test_a_waiting_acquire_times_out_at_exactly_its_deadline():
    seen = explore(_holder_and_waiter(2.0), strategy="dfs", schedules=200)
    expected = repr([("PoolTimeout", 3.0)])
    assert set(seen.outcomes) == {expected}, (
        f"A holder keeps the only connection from t=0 to t=5; at t=1 a waiter calls "
        f"acquire(timeout=2). Expected PoolTimeout at t=3.0 on every schedule; saw "
        f"{sorted(seen.outcomes)}. Pass the timeout on to the semaphore's acquire. {HINT}"
    )


def test_a_waiting_acquire_gets_the_connection_the_moment_it_comes_back():
    seen = explore(_holder_and_waiter(10.0), strategy="dfs", schedules=200)
    expected = repr([("got it", 5.0)])
    assert set(seen.outcomes) == {expected}, (
        f"A holder keeps the only connection until t=5; at t=1 a waiter calls "
        f"acquire(timeout=10). Expected it to get the connection at t=5.0; saw "
        f"{sorted(seen.outcomes)}. {HINT}"
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

        threads = [rt.Thread(target=failing, name=f"T{i}") for i in (1, 2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        with pool.connection() as conn:
            return conn.number, len(made)

    seen = explore(
        scenario,
        strategy="dfs",
        schedules=200,
        what="Two threads each ran `with pool.connection() as conn: raise KeyError` on a pool "
        "of size 1, then main asked for the connection",
    )
    assert set(seen.outcomes) == {"(1, 1)"}, (
        f"Expected main to get conn1 back and the factory to have run once; saw "
        f"{sorted(seen.outcomes)}. Release in a `finally`. {HINT}"
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

    seen = explore(
        scenario,
        strategy="dfs",
        schedules=200,
        what="main held the only connection while `waiter` called acquire(); main then called "
        "close() and release(conn)",
    )
    assert set(seen.outcomes) == {"(['PoolClosed'], True)"}, (
        f"Expected the waiter to get PoolClosed and conn1 to be closed on every schedule; saw "
        f"{sorted(seen.outcomes)}. {HINT}"
    )


def test_the_pool_waits_on_a_semaphore():
    out = run_once(_sharing(threads=3, size=2), seed=1)
    kinds = {step.kind for step in out.steps if step.op == "acquire"}
    assert kinds & {"Semaphore", "BoundedSemaphore"}, (
        f"Three threads used a pool of two and no thread ever acquired a semaphore (acquired: "
        f"{sorted(kinds) or 'nothing'}). This kata is about the counting semaphore: one permit "
        f"per connection that may be out. {HINT}"
    )


def test_the_pool_runs_on_real_threads():
    made, peak = run_real(_sharing(threads=4, size=2))
    assert made <= 2 and peak <= 2
