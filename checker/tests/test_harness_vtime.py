"""The virtual-time event loop and its blocking-call guard (checker/harness/vtime.py).

Plain sync tests: each calls ``vtime.run``, which starts and closes its own loop.
"""

from __future__ import annotations

import asyncio
import builtins
import contextlib
import random
import select
import selectors
import socket
import subprocess
import sys
import threading
import time
import types

import pytest

from checker.harness import vtime
from checker.harness.vtime import (
    BlockingCallError,
    DeadlockError,
    Recorder,
    RunawayError,
    ThreadWaitError,
    now,
    run,
)

# -- the clock --------------------------------------------------------------------------------


@pytest.fixture
def selector_timeouts(monkeypatch) -> list[float | None]:
    """Every timeout the loop passes to its real selector: only 0 means it never waited."""
    timeouts: list[float | None] = []

    class Recording(selectors.DefaultSelector):  # type: ignore[misc,valid-type]
        def select(self, timeout=None):
            timeouts.append(timeout)
            return super().select(timeout)

    monkeypatch.setattr(selectors, "DefaultSelector", Recording)
    return timeouts


def test_ten_sequential_one_second_sleeps_take_exactly_ten_virtual_seconds_and_no_real_wait(
    selector_timeouts,
):
    async def main():
        for _ in range(10):
            await asyncio.sleep(1)
        return now()

    outcome = run(main)
    assert (outcome.result, outcome.elapsed) == (10.0, 10.0)
    assert outcome.real_waits == 0, "the loop waited in real time with no thread work"
    assert selector_timeouts and set(selector_timeouts) == {0}, selector_timeouts


def test_ten_gathered_one_second_sleeps_take_exactly_one_virtual_second(selector_timeouts):
    async def main():
        await asyncio.gather(*(asyncio.sleep(1) for _ in range(10)))

    outcome = run(main)
    assert outcome.elapsed == 1.0
    assert outcome.real_waits == 0
    assert selector_timeouts and set(selector_timeouts) == {0}, selector_timeouts


def test_decimal_delays_add_up_exactly_and_equal_instants_coincide():
    async def main():
        for _ in range(10):
            await asyncio.sleep(0.1)
        loop = asyncio.get_running_loop()
        a = loop.call_later(0.1 + 0.2, lambda: None)
        b = loop.call_later(0.3, lambda: None)
        same = a.when() == b.when()
        a.cancel()
        b.cancel()
        return now(), same

    outcome = run(main)
    assert outcome.result == (1.0, True)
    assert outcome.elapsed == 1.0


def test_asyncio_timeout_fires_at_the_exact_virtual_time():
    async def main():
        await asyncio.sleep(0.25)
        try:
            async with asyncio.timeout(2):
                await asyncio.sleep(5)
        except TimeoutError:
            return now()
        return None

    outcome = run(main)
    assert outcome.result == 2.25
    assert outcome.elapsed == 2.25


def test_wait_for_times_out_at_the_exact_virtual_time_and_cancels_the_inner_call_then():
    seen = []

    async def slow():
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            seen.append(now())
            raise

    async def main():
        try:
            await asyncio.wait_for(slow(), 1.5)
        except TimeoutError:
            return now()
        return None

    outcome = run(main)
    assert (outcome.result, seen, outcome.elapsed) == (1.5, [1.5], 1.5)


def test_call_later_and_call_at_run_in_time_order_at_their_virtual_times():
    async def main():
        loop = asyncio.get_running_loop()
        fired = []
        done = loop.create_future()

        def note(name):
            fired.append((name, now()))
            if len(fired) == 4:
                done.set_result(None)

        loop.call_later(2, note, "a")
        loop.call_later(1, note, "b")
        loop.call_at(1.5, note, "c")
        loop.call_later(0.5, note, "d")
        await done
        return fired

    outcome = run(main)
    assert outcome.result == [("d", 0.5), ("b", 1.0), ("c", 1.5), ("a", 2.0)]


def test_the_same_program_gives_the_same_times_on_every_run():
    async def main(recorder: Recorder):
        gate = asyncio.Semaphore(3)
        rng = random.Random(7)

        async def call(i: int):
            async with gate:
                with recorder.track(i):
                    await asyncio.sleep(rng.choice([0.1, 0.25, 0.7, 1.3]))

        await asyncio.gather(*(call(i) for i in range(20)))

    timelines = set()
    for _ in range(3):
        recorder = Recorder()
        outcome = run(main, recorder)
        timelines.add((outcome.elapsed, recorder.timeline(limit=100)))
    assert len(timelines) == 1, "\n\n".join(t for _, t in timelines)


# -- deadlocks and runaways -------------------------------------------------------------------


def test_tasks_that_all_wait_forever_are_reported_as_a_deadlock_naming_what_each_awaits():
    async def waiter(event: asyncio.Event):
        await event.wait()

    async def main():
        await asyncio.sleep(1)
        task = asyncio.create_task(waiter(asyncio.Event()), name="waiter")
        await task

    with pytest.raises(DeadlockError) as caught:
        run(main)
    message = str(caught.value)
    assert "Deadlock at virtual time 1.000000 s" in message
    assert "'main' (test_tasks_that_all_wait" in message
    assert "waiting for task 'waiter'" in message
    assert "`await event.wait()`, inside asyncio's Event.wait" in message
    assert len(caught.value.tasks) == 2


def test_two_tasks_taking_two_locks_in_opposite_orders_are_reported_as_a_deadlock():
    async def main():
        first, second = asyncio.Lock(), asyncio.Lock()

        async def take(a: asyncio.Lock, b: asyncio.Lock):
            async with a:
                await asyncio.sleep(1)
                async with b:
                    pass

        await asyncio.gather(
            asyncio.create_task(take(first, second), name="t1"),
            asyncio.create_task(take(second, first), name="t2"),
        )

    with pytest.raises(DeadlockError) as caught:
        run(main)
    message = str(caught.value)
    assert "at virtual time 1.000000 s" in message
    assert "waiting for asyncio.gather of 2: 't1', 't2'" in message
    assert message.count("inside asyncio's Lock.acquire") == 2


def test_a_loop_that_never_lets_time_pass_is_stopped_at_the_step_limit():
    async def main():
        while True:
            await asyncio.sleep(0)

    with pytest.raises(RunawayError, match="ran 500 iterations"):
        run(main, step_limit=500)


def test_a_program_that_sleeps_past_the_time_limit_is_stopped():
    async def main():
        while True:
            await asyncio.sleep(60)

    with pytest.raises(RunawayError) as caught:
        run(main, time_limit=600)
    assert "next timer is at 660.000000 s, past this run's limit of 600 s" in str(caught.value)


# -- threads ----------------------------------------------------------------------------------


def test_to_thread_work_completes_in_real_time_and_takes_no_virtual_time():
    def blocking_work(x: int) -> tuple[int, bool]:
        time.sleep(0.01)  # allowed: a worker thread, not the loop's
        return x * 2, threading.current_thread() is threading.main_thread()

    async def main():
        await asyncio.sleep(1)
        got = await asyncio.to_thread(blocking_work, 21)
        loop = asyncio.get_running_loop()
        also = await loop.run_in_executor(None, blocking_work, 1)
        return got, also, now()

    outcome = run(main)
    assert outcome.result == ((42, False), (2, False), 1.0)
    assert outcome.real_waits >= 1


def test_the_clock_does_not_jump_past_a_timer_while_a_thread_is_working():
    async def main():
        order = []

        async def timer():
            await asyncio.sleep(0.5)
            order.append(("timer", now()))

        async def threaded():
            await asyncio.to_thread(time.sleep, 0.05)
            order.append(("thread", now()))

        await asyncio.gather(timer(), threaded())
        return order

    assert run(main).result == [("thread", 0.0), ("timer", 0.5)]


def test_thread_work_that_never_finishes_is_reported_after_the_real_time_allowance():
    release = threading.Event()

    async def main():
        await asyncio.to_thread(release.wait)

    try:
        with pytest.raises(ThreadWaitError, match=r"still running after 0\.1 real seconds"):
            run(main, thread_wait=0.1)
    finally:
        release.set()


# -- the guard --------------------------------------------------------------------------------


def _sockets():
    a, b = socket.socketpair()
    return a, b


GUARDED = [
    ("time.sleep", lambda: time.sleep(0.25), "time.sleep(0.25)", "`await asyncio.sleep(0.25)`"),
    (
        "socket.connect",
        lambda s: s.connect(("127.0.0.1", 9)),
        "socket.connect(('127.0.0.1', 9)) on a blocking socket",
        "asyncio.open_connection",
    ),
    ("socket.recv", lambda s: s.recv(1024), "socket.recv(1024) on a blocking socket", "streams"),
    ("socket.send", lambda s: s.send(b"hi"), "socket.send(b'hi') on a blocking socket", "drain"),
    (
        "socket.sendall",
        lambda s: s.sendall(b"hi"),
        "socket.sendall(b'hi') on a blocking socket",
        "drain",
    ),
    ("socket.accept", lambda s: s.accept(), "socket.accept() on a blocking socket", "streams"),
    (
        "socket.create_connection",
        lambda: socket.create_connection(("example.invalid", 80)),
        "socket.create_connection(('example.invalid', 80))",
        "await asyncio.open_connection(host, port)",
    ),
    (
        "socket.getaddrinfo",
        lambda: socket.getaddrinfo("localhost", 80),
        "socket.getaddrinfo('localhost', 80)",
        "getaddrinfo(host, port)`",
    ),
    (
        "select.select",
        lambda: select.select([], [], [], 1.0),
        "select.select([], [], [], 1.0)",
        "loop.add_reader",
    ),
    (
        "subprocess.run",
        lambda: subprocess.run(["true"], check=True),
        "subprocess.run(['true'], check=True)",
        "asyncio.create_subprocess_exec",
    ),
    (
        "subprocess.call",
        lambda: subprocess.call(["true"]),
        "subprocess.call(['true'])",
        "asyncio.to_thread(subprocess.run",
    ),
    (
        "subprocess.check_output",
        lambda: subprocess.check_output(["true"]),
        "subprocess.check_output(['true'])",
        "proc.communicate()",
    ),
    ("input", lambda: input("name? "), "input('name? ')", "asyncio.to_thread(input, prompt)"),
]


@pytest.mark.parametrize(("name", "call", "shown", "advice"), GUARDED, ids=[g[0] for g in GUARDED])
def test_each_blocking_call_in_a_coroutine_fails_naming_the_call_the_task_and_the_fix(
    name, call, shown, advice
):
    a, b = _sockets()
    needs_socket = call.__code__.co_argcount == 1

    async def blocker():
        await asyncio.sleep(0.5)
        if needs_socket:
            call(a)
        else:
            call()

    async def main():
        await asyncio.create_task(blocker(), name="fetcher-3")

    try:
        with pytest.raises(BlockingCallError) as caught:
            run(main)
    finally:
        a.close()
        b.close()
    message = str(caught.value)
    assert message.startswith(f"{shown} blocks the event loop."), message
    assert "It was called in `<lambda>` at checker/tests/test_harness_vtime.py:" in message, message
    assert "inside task 'fetcher-3' (coroutine `test_each_blocking_call" in message, message
    assert "at virtual time 0.500000 s" in message, message
    assert advice in message, message
    assert caught.value.call == shown
    assert isinstance(caught.value, AssertionError)


def test_a_blocking_call_in_a_plain_callback_is_caught_too():
    async def main():
        loop = asyncio.get_running_loop()
        loop.call_later(1, time.sleep, 2)
        await asyncio.sleep(3)

    with pytest.raises(BlockingCallError) as caught:
        run(main)
    assert "time.sleep(2) blocks the event loop" in str(caught.value)
    assert "inside a callback the event loop ran (not inside a task)" in str(caught.value)


def test_a_blocking_call_the_code_catches_and_ignores_is_still_reported():
    async def main():
        with contextlib.suppress(Exception):
            time.sleep(1)
        await asyncio.sleep(1)
        return "carried on"

    with pytest.raises(BlockingCallError, match=r"time\.sleep\(1\) blocks the event loop"):
        run(main)


def test_a_blocking_call_inside_a_task_group_comes_out_bare_not_in_an_exception_group():
    async def child():
        await asyncio.sleep(1)
        time.sleep(0.1)

    async def main():
        async with asyncio.TaskGroup() as group:
            group.create_task(child())
            group.create_task(asyncio.sleep(5))

    with pytest.raises(BlockingCallError) as caught:
        run(main)
    assert caught.value.__suppress_context__ and caught.value.__cause__ is None


def test_a_blocking_call_swallowed_before_another_error_is_raised_with_that_error_as_cause():
    async def main():
        with contextlib.suppress(BlockingCallError):
            time.sleep(1)
        raise KeyError("later")

    with pytest.raises(BlockingCallError) as caught:
        run(main)
    assert isinstance(caught.value.__cause__, KeyError)


def test_non_blocking_sockets_and_asyncio_streams_are_allowed():
    async def main():
        a, b = socket.socketpair()
        a.setblocking(False)
        b.setblocking(False)
        a.send(b"ping")
        await asyncio.sleep(0)
        direct = b.recv(16)
        reader, writer = await asyncio.open_connection(sock=a)
        b.send(b"pong\n")
        line = await reader.readline()
        writer.close()
        await writer.wait_closed()
        b.close()
        return direct, line

    assert run(main).result == (b"ping", b"pong\n")


def test_blocking_calls_from_worker_threads_are_allowed_while_the_loop_runs():
    results = []

    def in_a_thread():
        time.sleep(0.01)
        a, b = socket.socketpair()
        with a, b:
            a.sendall(b"x")
            results.append(b.recv(1))

    async def main():
        await asyncio.to_thread(in_a_thread)
        thread = threading.Thread(target=in_a_thread)
        thread.start()
        await asyncio.to_thread(thread.join)

    run(main)
    assert results == [b"x", b"x"]


def test_names_imported_with_from_in_kata_modules_are_guarded_and_restored():
    probe = types.ModuleType("katas._vtime_probe")
    probe.sleep = time.sleep
    probe.run_process = subprocess.run
    sys.modules[probe.__name__] = probe
    try:

        async def main():
            probe.sleep(0.5)

        with pytest.raises(BlockingCallError, match=r"time\.sleep\(0\.5\)"):
            run(main)
        assert probe.sleep is time.sleep and probe.run_process is subprocess.run
    finally:
        del sys.modules[probe.__name__]


def test_the_guard_is_removed_after_each_run_even_when_it_fails():
    originals = (time.sleep, socket.getaddrinfo, select.select, subprocess.run, builtins.input)
    own = set(vars(socket.socket))

    async def fails():
        raise ValueError("boom")

    async def sleeps():
        time.sleep(1)

    for main, error in ((fails, ValueError), (sleeps, BlockingCallError)):
        with pytest.raises(error):
            run(main)
        now_there = (time.sleep, socket.getaddrinfo, select.select, subprocess.run, builtins.input)
        assert now_there == originals
        assert set(vars(socket.socket)) == own
    time.sleep(0)  # works again, outside any loop


def test_a_guard_that_fails_half_way_through_installing_is_removed_again(monkeypatch):
    missing = vtime._Target(types.SimpleNamespace(), "nothing", "nothing", lambda a, k: "")
    monkeypatch.setattr(vtime, "_TARGETS", (*vtime._TARGETS, missing))  # after time.sleep
    original = time.sleep

    async def main():
        return None

    with pytest.raises(AttributeError, match="nothing"):
        run(main)
    assert time.sleep is original and vtime._patch_users == 0


def test_with_the_guard_off_nothing_is_patched():
    async def main():
        return not hasattr(time.sleep, "__wrapped__")

    assert run(main, guard=False).result is True


# -- running ----------------------------------------------------------------------------------


def test_tasks_left_pending_are_reported_then_cancelled():
    cancelled = []

    async def background():
        try:
            await asyncio.sleep(100)
        except asyncio.CancelledError:
            cancelled.append(now())
            raise

    async def main():
        main.keep = asyncio.create_task(background(), name="forgotten")
        await asyncio.sleep(2)
        return "done"

    outcome = run(main)
    assert outcome.result == "done" and outcome.elapsed == 2.0
    assert len(outcome.leftover) == 1
    assert outcome.leftover[0].startswith("'forgotten' (")
    assert "`await asyncio.sleep(100)`" in outcome.leftover[0]
    assert cancelled == [2.0]


def test_an_exception_from_main_is_raised_by_run():
    async def main():
        await asyncio.sleep(1)
        raise KeyError("missing")

    with pytest.raises(KeyError, match="missing"):
        run(main)


def test_an_exception_no_task_retrieved_is_listed_in_loop_errors():
    async def fails():
        raise OSError("lost")

    async def main():
        orphan = asyncio.create_task(fails())  # never awaited: its error is never retrieved
        await asyncio.sleep(1)
        return orphan.get_name()

    outcome = run(main)
    assert any(
        "Task exception was never retrieved: OSError: lost" in e for e in outcome.loop_errors
    ), outcome.loop_errors


def test_run_refuses_to_start_inside_a_running_loop():
    async def inner():
        return None

    async def main():
        run(inner)

    with pytest.raises(RuntimeError, match="cannot be called from a coroutine"):
        run(main)


def test_run_wants_an_async_function():
    def not_async():
        return 1

    with pytest.raises(TypeError, match="needs an async function"):
        run(not_async)


def test_the_recorder_keeps_virtual_start_end_outcome_and_peak_of_each_call():
    recorder = Recorder()

    async def call(key: str, delay: float, fail: bool = False):
        with recorder.track(key):
            await asyncio.sleep(delay)
            if fail:
                raise ValueError(key)

    async def main():
        gate = asyncio.Semaphore(2)

        async def limited(key, delay, fail=False):
            async with gate:
                await call(key, delay, fail)

        slow = asyncio.create_task(limited("c", 5))
        await asyncio.gather(limited("a", 1), limited("b", 2, fail=True), return_exceptions=True)
        slow.cancel()
        await asyncio.gather(slow, return_exceptions=True)

    run(main)
    got = [(c.key, c.start, c.end, c.outcome) for c in recorder.calls]
    assert got == [
        ("c", 0.0, 3.0, "cancelled"),
        ("a", 0.0, 1.0, "returned"),
        ("b", 1.0, 3.0, "raised"),
    ]
    assert recorder.peak == 2 and recorder.in_flight == 0 and recorder.unfinished == []
    assert isinstance(recorder.of("b")[0].error, ValueError)
    assert recorder.timeline().splitlines() == [
        "  c    0.000 ->   3.000  cancelled",
        "  a    0.000 ->   1.000  returned",
        "  b    1.000 ->   3.000  raised ValueError",
    ]
