"""The deterministic scheduler: strategies, races, deadlocks, replay, virtual time, real threads."""

from __future__ import annotations

import queue
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings

from checker.harness import schedule
from checker.harness.schedule import (
    REAL,
    Deadlock,
    ScheduleFailure,
    choices,
    explore,
    replay,
    run_once,
    run_real,
    run_threads,
)
from checker.tests.schedule_scenarios import buffer_scenario, counting, expect_all

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]


# -- scenarios ---------------------------------------------------------------------------------


def opposite_order(rt):
    a, b = rt.Lock(name="a"), rt.Lock(name="b")

    def one():
        with a, b:
            pass

    def two():
        with b, a:
            pass

    t1, t2 = rt.Thread(target=one, name="T1"), rt.Thread(target=two, name="T2")
    t1.start()
    t2.start()
    t1.join()
    t2.join()


# -- finding lost updates ------------------------------------------------------------------------


@pytest.mark.parametrize("strategy", ["random", "pct", "dfs"])
def test_every_strategy_finds_the_lost_update(strategy):
    with pytest.raises(ScheduleFailure) as caught:
        explore(counting(False), strategy=strategy, races=False, check=expect_all(3))
    assert caught.value.kind == "check"
    assert "count is 2" in str(caught.value) or "count is 1" in str(caught.value)


@pytest.mark.parametrize("strategy", ["random", "pct", "dfs"])
def test_a_locked_counter_passes_every_explored_schedule(strategy):
    seen = explore(counting(True), strategy=strategy, schedules=100, check=expect_all(3))
    assert seen.schedules == 100
    assert seen.outcomes == {"3": 100}


def test_dfs_with_a_bound_explores_a_small_program_completely():
    seen = explore(counting(True, threads=2), strategy="dfs", schedules=10_000)
    assert seen.exhausted
    assert 1 < seen.schedules < 10_000


def test_dfs_enumerates_every_outcome_of_two_racy_increments():
    seen = explore(counting(False, threads=2), strategy="dfs", schedules=10_000, races=False)
    assert set(seen.outcomes) == {"1", "2"}


# -- data races ----------------------------------------------------------------------------------


def test_a_race_is_reported_on_the_first_schedule_even_when_the_count_is_right():
    with pytest.raises(ScheduleFailure) as caught:
        explore(counting(False, threads=2), strategy="random", schedules=1)
    failure = caught.value
    assert failure.kind == "race"
    assert "Data race on SharedCell 'count'" in str(failure)
    assert "schedule 1 of 1" in str(failure)


def _ordered_by(kind: str):
    """Two threads write one cell, ordered by one happens-before edge of ``kind``."""

    def scenario(rt):
        cell = rt.SharedCell(0, name="x")
        lock, event, q = rt.Lock(), rt.Event(), rt.Queue()
        sem, ref = rt.Semaphore(0), rt.AtomicRef(None)
        first_done = rt.SharedCell(False)

        def first():
            if kind == "lock":
                with lock:
                    cell.store(1)
            else:
                cell.store(1)
            if kind == "event":
                event.set()
            elif kind == "queue":
                q.put("go")
            elif kind == "semaphore":
                sem.release()
            elif kind == "atomic":
                ref.set("go")

        def second():
            if kind == "lock":
                with lock:
                    cell.store(2)
                return
            if kind == "event":
                event.wait()
            elif kind == "queue":
                q.get()
            elif kind == "semaphore":
                sem.acquire()
            elif kind == "atomic":
                while ref.get() is None:
                    pass
            cell.store(2)

        t1 = rt.Thread(target=first, name="T1")
        t1.start()
        if kind == "join":
            t1.join()
            cell.store(3)
            return first_done
        t2 = rt.Thread(target=second, name="T2")
        t2.start()
        t1.join()
        t2.join()

    return scenario


@pytest.mark.parametrize("kind", ["lock", "event", "queue", "semaphore", "atomic", "join"])
def test_no_race_is_reported_when_happens_before_orders_the_writes(kind):
    explore(_ordered_by(kind), strategy="dfs", schedules=300)


def test_a_race_between_a_write_and_a_later_read_under_a_different_lock_is_reported():
    def scenario(rt):
        cell, a, b = rt.SharedCell(0, name="x"), rt.Lock(name="a"), rt.Lock(name="b")

        def write():
            with a:
                cell.store(1)

        def read():
            with b:
                cell.load()

        ts = [rt.Thread(target=write, name="W"), rt.Thread(target=read, name="R")]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    with pytest.raises(ScheduleFailure) as caught:
        explore(scenario, schedules=1)
    assert caught.value.kind == "race"


# -- deadlock, livelock, crashes ----------------------------------------------------------


def test_a_lock_order_deadlock_is_reported_as_the_wait_for_cycle():
    with pytest.raises(Deadlock) as caught:
        explore(opposite_order, strategy="dfs")
    text = str(caught.value)
    assert "T1 waits to acquire Lock 'b', held by T2" in text
    assert "T2 waits to acquire Lock 'a', held by T1" in text
    assert "Wait-for cycle: T1 -> T2 -> T1." in text
    assert "main waits for thread T1 to finish" in text
    assert caught.value.cycle == ("T1", "T2")
    assert caught.value.waits["T1"] == ("to acquire Lock 'b'", ("T2",))


def test_random_walks_find_the_lock_order_deadlock_within_a_few_schedules():
    with pytest.raises(Deadlock) as caught:
        explore(opposite_order, strategy="random", schedules=200, seed=0)
    assert "of 200, seed" in str(caught.value)


def test_a_wait_that_no_thread_will_signal_is_a_deadlock_without_a_cycle():
    def scenario(rt):
        ready = rt.Event(name="ready")
        t = rt.Thread(target=ready.wait, name="waiter")
        t.start()
        t.join()

    with pytest.raises(Deadlock) as caught:
        explore(scenario, schedules=1)
    text = str(caught.value)
    assert "waiter waits for Event 'ready' to be set" in text
    assert "no running thread will send" in text


def test_an_if_instead_of_while_around_wait_is_caught_by_exploration():
    with pytest.raises(ScheduleFailure) as caught:
        explore(buffer_scenario(loop=False), strategy="dfs", schedules=2_000)
    assert caught.value.kind == "crash"
    assert "IndexError" in str(caught.value)
    assert "self.items.pop(0)" in str(caught.value)


def test_the_while_loop_buffer_passes_every_schedule_within_the_bound():
    seen = explore(buffer_scenario(loop=True), strategy="dfs", schedules=1_000)
    assert seen.outcomes == {"[1, 2]": seen.schedules}


def test_a_notify_between_registering_and_releasing_is_never_lost():
    def scenario(rt):
        cond = rt.Condition(name="cond")
        flag = []

        def waiter():
            with cond:
                while not flag:
                    cond.wait()

        def notifier():
            with cond:
                flag.append(1)
                cond.notify()

        ts = [rt.Thread(target=waiter, name="W"), rt.Thread(target=notifier, name="N")]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    seen = explore(scenario, strategy="dfs", schedules=5_000)
    assert seen.exhausted


def test_a_spin_on_a_flag_nobody_sets_is_reported_as_livelock_by_the_step_bound():
    def scenario(rt):
        flag = rt.AtomicRef(False, name="flag")
        t = rt.Thread(target=lambda: [None for _ in iter(flag.get, True)], name="spinner")
        t.start()
        t.join()

    with pytest.raises(ScheduleFailure) as caught:
        explore(scenario, schedules=1, max_steps=300)
    assert caught.value.kind == "livelock"
    assert "No schedule should need more than 300 steps" in str(caught.value)
    assert "spinner:" in str(caught.value)


def test_a_crash_names_the_thread_the_exception_and_the_learner_line():
    def scenario(rt):
        def boom():
            {}["missing"]

        t = rt.Thread(target=boom, name="T1")
        t.start()
        t.join()

    with pytest.raises(ScheduleFailure) as caught:
        explore(scenario, schedules=1)
    text = str(caught.value)
    assert "Thread T1 raised KeyError: 'missing'" in text
    assert '{}["missing"]' in text


def test_time_sleep_inside_a_scheduled_thread_is_refused_with_advice():
    import time

    def scenario(rt):
        time.sleep(0.01)

    with pytest.raises(ScheduleFailure) as caught:
        explore(scenario, schedules=1)
    assert "Use rt.sleep(seconds)" in str(caught.value)
    assert time.sleep is schedule._real_sleep


def test_a_primitive_made_outside_the_scenario_is_refused():
    lock = schedule.Lock(name="stale")

    def scenario(rt):
        with lock:
            pass

    with pytest.raises(ScheduleFailure) as caught:
        explore(scenario, schedules=1)
    assert "created outside this schedule" in str(caught.value)


def test_a_thread_that_never_reaches_a_scheduling_point_is_reported_not_hung(monkeypatch):
    monkeypatch.setattr(schedule, "HANG_SECONDS", 0.2)
    stop = threading.Event()

    def scenario(rt):
        while not stop.is_set():  # a real Event: invisible to the scheduler
            pass

    try:
        with pytest.raises(schedule.Runaway) as caught:
            explore(scenario, schedules=1)
    finally:
        stop.set()
    assert "without reaching a scheduling point" in str(caught.value)


def test_aborting_a_schedule_leaves_no_scheduled_thread_behind():
    with pytest.raises(Deadlock):
        explore(opposite_order, strategy="dfs")
    for t in threading.enumerate():
        if t.name == "katas-sim":
            t.join(timeout=2)
    assert not [t for t in threading.enumerate() if t.name == "katas-sim"]


# -- replay and determinism ---------------------------------------------------------------------


def test_the_replay_token_in_a_failure_reproduces_the_same_schedule(monkeypatch):
    with pytest.raises(ScheduleFailure) as first:
        explore(counting(False), races=False, check=expect_all(3), seed=7)
    token = first.value.token
    assert f"--katas-replay={token}" in str(first.value)
    monkeypatch.setattr(schedule, "_replay_token", token)
    monkeypatch.setattr(schedule, "_calls", {})
    with pytest.raises(ScheduleFailure) as again:
        explore(counting(False), races=False, check=expect_all(3), seed=7)
    assert again.value.steps == first.value.steps
    assert "replaying --katas-replay" in str(again.value)


def test_the_replay_command_names_the_test_and_the_implementation(monkeypatch):
    monkeypatch.setattr(schedule, "_impl", "solution")
    with pytest.raises(ScheduleFailure) as caught:
        explore(opposite_order, strategy="dfs")
    command = str(caught.value).rsplit("\n", 1)[1].strip()
    here = "checker/tests/test_harness_schedule.py::"
    assert command.startswith(f'python -m pytest "{here}test_the_replay_command_names')
    assert command.endswith("--katas-impl=solution")


def test_the_same_seed_gives_the_same_schedule_in_one_process():
    one = run_once(counting(False), seed=11, races=False)
    two = run_once(counting(False), seed=11, races=False)
    assert one.steps == two.steps
    assert one.steps != run_once(counting(False), seed=12, races=False).steps


DIGEST_SCRIPT = textwrap.dedent(
    """
    import hashlib, sys
    sys.path.insert(0, {root!r})
    from checker.tests.schedule_scenarios import counting, buffer_scenario
    from checker.harness.schedule import run_once
    text = []
    for seed in range(20):
        for strategy in ("random", "pct"):
            for scenario in (counting(False), buffer_scenario(True)):
                out = run_once(scenario, seed=seed, strategy=strategy, races=False)
                text.append(" ".join(str(s) for s in out.steps))
    print(hashlib.sha256("\\n".join(text).encode()).hexdigest())
    """
)

# The schedules of DIGEST_SCRIPT, pinned: the same on Python 3.11, 3.12 and 3.13.
PINNED_DIGEST = "22391ca05fe4e92bed390ad856e9fec98d2cdfd88d05642a60b4df8e5641f0cb"


def _digest(busy: bool = False) -> str:
    script = DIGEST_SCRIPT.format(root=str(ROOT))
    spinner = None
    if busy:  # the other core busy with a spinning process
        spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
        )
    finally:
        if spinner is not None:
            spinner.kill()
            spinner.wait()
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_same_seed_gives_the_same_schedules_in_a_fresh_process_on_every_python():
    assert _digest() == PINNED_DIGEST


def test_the_same_seed_gives_the_same_schedules_with_the_other_core_busy():
    assert _digest(busy=True) == PINNED_DIGEST


# -- hypothesis chooses the steps ----------------------------------------------------------------


def test_hypothesis_shrinks_a_failing_schedule_to_few_choices():
    found: list[list[int]] = []

    @settings(max_examples=200, database=None, derandomize=True)
    @given(choices())
    def lost_update(schedule_choices):
        try:
            replay(counting(False, threads=2), schedule_choices, races=False, check=expect_all(2))
        except ScheduleFailure:
            found.append(schedule_choices)
            raise

    with pytest.raises(ScheduleFailure):
        lost_update()
    assert found
    assert len(found[-1]) <= 4 and max(found[-1]) <= 1


# -- the rest of the API ---------------------------------------------------------------------------


def test_virtual_time_orders_sleepers_and_times_out_waits_exactly():
    def scenario(rt):
        log = []
        lock = rt.Lock(name="held")
        lock.acquire()

        def sleeper(name, seconds):
            rt.sleep(seconds)
            log.append((name, rt.monotonic()))

        def impatient():
            got = lock.acquire(timeout=2.5)
            log.append(("acquire", got, rt.monotonic()))

        ts = [
            rt.Thread(target=sleeper, args=("late", 3.0)),
            rt.Thread(target=sleeper, args=("early", 1.0)),
            rt.Thread(target=impatient),
        ]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        return log

    seen = explore(scenario, schedules=30)
    assert seen.outcomes == {"[('early', 1.0), ('acquire', False, 2.5), ('late', 3.0)]": 30}


def test_condition_wait_with_a_timeout_returns_false_and_holds_the_lock_again():
    def scenario(rt):
        cond = rt.Condition(name="c")
        with cond:
            notified = cond.wait(timeout=1.0)
            return notified, rt.monotonic(), cond._lock._held

    assert explore(scenario, schedules=1).outcomes == {"(False, 1.0, True)": 1}


def test_rlock_reenters_and_bounded_semaphore_refuses_an_extra_release():
    def scenario(rt):
        r = rt.RLock()
        with r, r:
            pass
        s = rt.BoundedSemaphore(1)
        s.acquire()
        s.release()
        s.release()

    with pytest.raises(ScheduleFailure) as caught:
        explore(scenario, schedules=1)
    assert "ValueError: Semaphore released too many times" in str(caught.value)


def test_queue_raises_full_and_empty_and_join_waits_for_task_done():
    def scenario(rt):
        q = rt.Queue(maxsize=1)
        q.put_nowait(1)
        try:
            q.put_nowait(2)
        except queue.Full:
            full = True
        item = q.get_nowait()
        try:
            q.get_nowait()
        except queue.Empty:
            empty = True

        def worker():
            q.task_done()

        t = rt.Thread(target=worker)
        t.start()
        q.join()
        t.join()
        return full, empty, item

    assert explore(scenario, schedules=20).outcomes == {"(True, True, 1)": 20}


def test_compare_and_set_compares_identity_not_equality():
    def scenario(rt):
        a, b = [1], [1]
        ref = rt.AtomicRef(a)
        return ref.compare_and_set(b, "new"), ref.compare_and_set(a, "new"), ref.get()

    assert explore(scenario, schedules=1).outcomes == {"(False, True, 'new')": 1}


def test_the_same_scenario_runs_on_real_threads():
    assert run_real(counting(True)) == 3
    assert REAL.SharedCell(5, name="x").load() == 5


def test_run_real_reports_a_hang_instead_of_hanging():
    def scenario(rt):
        rt.Event(name="never").wait(0.5)
        return "late"

    with pytest.raises(AssertionError, match=r"did not finish within 0\.1 s"):
        run_real(scenario, seconds=0.1)


def test_the_pytest_option_replays_a_printed_schedule(pytester):
    pytester.makepyfile(
        test_replay=textwrap.dedent(
            """
            from checker.harness.schedule import explore
            from checker.tests.schedule_scenarios import counting, expect_all

            def test_lost_update():
                explore(counting(False), races=False, check=expect_all(3), seed=3)
            """
        )
    )
    first = pytester.runpytest_subprocess("-p", "checker.plugin", "-p", "no:cacheprovider", "-q")
    text = first.stdout.str()
    token = text.split("--katas-replay=")[1].split()[0]
    again = pytester.runpytest_subprocess(
        "-p", "checker.plugin", "-p", "no:cacheprovider", "-q", f"--katas-replay={token}"
    )
    assert "replaying --katas-replay" in again.stdout.str()
    steps = lambda out: [line for line in out.splitlines() if line[:6].strip().isdigit()]  # noqa: E731
    assert steps(again.stdout.str())[-5:] == steps(text)[-5:]


def test_a_malformed_replay_token_is_a_usage_error(pytester):
    pytester.makepyfile(test_x="def test_x(): pass")
    result = pytester.runpytest_subprocess("-p", "checker.plugin", "--katas-replay=oops")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "paste the token from the failure message" in result.stderr.str()


def test_a_stamped_reference_fails_a_cas_whose_stamp_moved_on_even_if_the_object_is_back():
    def scenario(rt):
        node = object()
        top = rt.AtomicStampedRef(node, 0, name="top")
        ref, stamp = top.get()
        top.set(None, 1)
        top.set(node, 2)  # the same object is back: ABA on identity alone
        return top.compare_and_set(ref, "x", stamp, stamp + 1), top.get()[1]

    assert explore(scenario, schedules=1).outcomes == {"(False, 2)": 1}
    assert run_real(scenario) == (False, 2)


def test_each_step_names_the_kind_of_primitive_so_tests_can_tell_blocking_from_atomic():
    out = run_once(counting(True, threads=1))
    kinds = {(s.op, s.kind) for s in out.steps}
    assert ("acquire", "Lock") in kinds
    assert ("load", "SharedCell") in kinds
    assert ("start", "Thread") in kinds


def test_check_outcome_sees_the_steps_of_every_schedule_and_a_failure_is_replayable():
    def no_lock_in_t1(outcome):
        held = [str(s) for s in outcome.steps if s.thread == "T1" and s.kind == "Lock"]
        assert not held, f"T1 took lock steps: {held[:2]}"

    with pytest.raises(ScheduleFailure) as caught:
        explore(counting(True, threads=2), schedules=5, check_outcome=no_lock_in_t1)
    assert "T1 took lock steps: ['T1: acquire lock'" in str(caught.value)
    assert "--katas-replay=" in str(caught.value)


def test_run_real_raises_the_first_exception_of_any_thread_instead_of_hanging():
    def scenario(rt):
        never = rt.Event(name="never")

        def dies():
            raise ValueError("worker died")

        waiter = rt.Thread(target=never.wait, daemon=True, name="waiter")
        worker = rt.Thread(target=dies, name="worker")
        waiter.start()
        worker.start()
        waiter.join()

    with pytest.raises(AssertionError, match="thread worker raised ValueError: worker died"):
        run_real(scenario, seconds=1.0)


def test_a_compare_and_set_that_keeps_failing_counts_as_spinning_and_yields():
    def scenario(rt):
        flag = rt.AtomicRef(None, name="flag")
        token = object()

        def spin_lock():
            while not flag.compare_and_set(token, None):  # waits for the other to set it
                pass

        def setter():
            flag.set(token)

        ts = [rt.Thread(target=spin_lock, name="spinner"), rt.Thread(target=setter, name="S")]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    assert explore(scenario, strategy="dfs", schedules=200, max_steps=200).schedules > 1


def test_run_threads_starts_named_threads_and_joins_them_all():
    def scenario(rt):
        seen = []
        run_threads(rt, A=lambda: seen.append(rt.current_thread().name), B=lambda: seen.append("b"))
        return sorted(seen)

    assert explore(scenario, strategy="dfs", schedules=50).outcomes.keys() == {"['A', 'b']"}


def test_alone_returns_the_result_itself_and_returns_names_what_was_expected():
    assert schedule.alone(lambda rt: [rt.SharedCell(3).load()]) == [3]
    with pytest.raises(ScheduleFailure) as caught:
        explore(counting(False, threads=2), races=False, check=schedule.returns(2, "count both."))
    assert "it returned 1; expected 2: count both." in str(caught.value)
