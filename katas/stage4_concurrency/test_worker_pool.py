"""Tests for the worker-pool kata, run on explored thread schedules with virtual time.

Tasks in these tests sleep on the virtual clock (``rt.sleep``), so "two workers run four
one-second tasks in 2.0 s" is an exact statement about parallelism, checked on every explored
schedule. A worker still waiting when the scenario ends is reported as a deadlock, naming what
it waits for.
"""

from __future__ import annotations

import pytest

from checker.harness.schedule import explore, returns, run_real, run_threads
from katas.stage4_concurrency.worker_pool import WorkerPool

HINT = "Try `katas hint worker-pool`."


def _returns(expected, why: str):
    return returns(expected, f"{why} {HINT}")


def test_a_future_gives_the_value_of_its_task():
    def scenario(rt):
        pool = WorkerPool(2, rt)
        futures = [pool.submit(pow, 2, n) for n in (3, 4, 5)]
        values = [f.result() for f in futures]
        pool.shutdown()
        return values

    explore(
        scenario,
        strategy="random",
        schedules=60,
        check=_returns([8, 16, 32], "each future gives its own task's value."),
        what="Submitted pow(2, 3), pow(2, 4), pow(2, 5) to WorkerPool(2) and read each "
        "future's result()",
    )


def test_result_raises_the_very_exception_the_task_raised():
    boom = KeyError("order 17")

    def fail():
        raise boom

    def scenario(rt):
        pool = WorkerPool(1, rt)
        future = pool.submit(fail)
        try:
            future.result()
            caught = None
        except KeyError as error:
            caught = error
        pool.shutdown()
        return caught is boom, future.done()

    explore(
        scenario,
        strategy="random",
        schedules=30,
        check=_returns(
            (True, True), "catch the exception in the worker and store it in the future."
        ),
        what="A task on WorkerPool(1) raised KeyError('order 17'); the scenario returned "
        "(future.result() raised that same object, future.done())",
    )


def test_a_task_that_raises_does_not_kill_its_worker():
    def scenario(rt):
        pool = WorkerPool(1, rt)
        pool.submit(int, "not a number")
        value = pool.submit(int, "42").result()
        pool.shutdown()
        return value

    explore(
        scenario,
        strategy="random",
        schedules=30,
        check=_returns(42, "a worker must survive its tasks."),
        what="On WorkerPool(1), a task raised ValueError, then the scenario returned the "
        "result() of the next task, int('42')",
    )


def test_map_returns_results_in_the_order_of_the_items_on_every_schedule():
    def scenario(rt):
        pool = WorkerPool(3, rt)

        def slow_square(x):
            rt.sleep(4 - x)  # later items finish first
            return x * x

        values = pool.map(slow_square, [1, 2, 3])
        pool.shutdown()
        return values

    explore(
        scenario,
        strategy="random",
        schedules=80,
        check=_returns([1, 4, 9], "results follow the items, not the order tasks finish in."),
        what="Called map(square, [1, 2, 3]) on WorkerPool(3), where item 3 finishes first and "
        "item 1 last",
    )


def test_two_workers_run_four_one_second_tasks_in_exactly_two_seconds():
    def scenario(rt):
        pool = WorkerPool(2, rt)
        running = peak = 0

        def task():
            nonlocal running, peak
            running += 1
            peak = max(peak, running)
            rt.sleep(1)
            running -= 1

        futures = [pool.submit(task) for _ in range(4)]
        for f in futures:
            f.result()
        pool.shutdown()
        return rt.monotonic(), peak

    explore(
        scenario,
        strategy="random",
        schedules=80,
        check=_returns((2.0, 2), "two at a time, never more, never fewer while work is queued."),
        what="Ran four tasks of one (virtual) second on WorkerPool(2); the scenario returned "
        "(finish time, most tasks running at once)",
    )


def test_shutdown_runs_every_task_already_submitted_and_ends_every_worker():
    def scenario(rt):
        pool = WorkerPool(2, rt)
        ran: list[int] = []

        def task(i):
            rt.sleep(1)
            ran.append(i)

        futures = [pool.submit(task, i) for i in range(5)]
        pool.shutdown()
        return sorted(ran), all(f.done() for f in futures), rt.monotonic()

    explore(
        scenario,
        strategy="random",
        schedules=80,
        check=_returns(
            ([0, 1, 2, 3, 4], True, 3.0),
            "shutdown lets every accepted task run and returns once the workers have ended.",
        ),
        what="Submitted five one-second tasks to WorkerPool(2) and called shutdown() at once; "
        "the scenario returned (tasks that ran, every future done, time when shutdown() "
        "returned)",
    )


def test_submit_after_shutdown_raises_runtime_error():
    def scenario(rt):
        pool = WorkerPool(1, rt)
        pool.shutdown()
        try:
            pool.submit(abs, -1)
        except RuntimeError:
            return "RuntimeError"
        return "accepted"

    explore(
        scenario,
        strategy="random",
        schedules=10,
        check=_returns("RuntimeError", "no worker is left to run the task."),
        what="Called submit(abs, -1) after shutdown() on WorkerPool(1); the scenario returned "
        "'RuntimeError' if submit raised it, else 'accepted'",
    )


def test_a_submit_racing_shutdown_is_either_refused_or_run_never_lost():
    def scenario(rt):
        pool = WorkerPool(1, rt)
        accepted = []

        def submitter():
            for i in range(2):
                try:
                    accepted.append(pool.submit(abs, -i))
                except RuntimeError:
                    return

        run_threads(rt, submitter=submitter, closer=pool.shutdown)
        lost = [f for f in accepted if not f.done()]
        assert not lost, (
            f"{len(lost)} of {len(accepted)} accepted tasks never ran: submit() accepted them "
            f"after shutdown() had already told the workers to stop. Check for shutdown and "
            f"queue the task under the same lock. {HINT}"
        )

    explore(
        scenario,
        strategy="dfs",
        schedules=120,
        what="A thread submitted two tasks while another called shutdown()",
    )


def test_every_thread_waiting_on_one_future_wakes():
    def scenario(rt):
        pool = WorkerPool(1, rt)

        def task():
            rt.sleep(1)
            return "ready"

        future = pool.submit(task)
        got = []
        run_threads(
            rt,
            **{
                "waiter-1": lambda: got.append(future.result()),
                "waiter-2": lambda: got.append(future.result()),
            },
        )
        pool.shutdown()
        return got

    explore(
        scenario,
        strategy="dfs",
        schedules=120,
        check=_returns(["ready", "ready"], "every waiter gets the task's value."),
        what="Two threads called result() on the same future; the scenario returned what they got",
    )


def test_result_with_a_timeout_raises_timeout_error_at_the_deadline():
    def scenario(rt):
        pool = WorkerPool(1, rt)
        future = pool.submit(rt.sleep, 5)
        try:
            future.result(timeout=2)
            outcome = "returned"
        except TimeoutError:
            outcome = "TimeoutError"
        at = rt.monotonic()
        pool.shutdown()
        return outcome, at

    explore(
        scenario,
        strategy="random",
        schedules=30,
        check=_returns(("TimeoutError", 2.0), "wait at most `timeout`, then raise TimeoutError."),
        what="Called result(timeout=2) on a five-second task; the scenario returned (what "
        "result did, the virtual time then)",
    )


@pytest.mark.parametrize("workers", [1, 3])
def test_the_pool_runs_on_real_threads(workers):
    def scenario(rt):
        pool = WorkerPool(workers, rt)
        try:
            return pool.map(abs, range(-5, 0))
        finally:
            pool.shutdown()

    assert run_real(scenario) == [5, 4, 3, 2, 1]
