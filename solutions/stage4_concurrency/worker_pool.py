"""Worker pool with futures: a fixed set of threads runs submitted tasks; shutdown loses nothing.

``concurrent.futures.ThreadPoolExecutor``, Java's ``ExecutorService`` and every job runner in a
backend share one design: callers ``submit`` a task and get a ``Future`` at once; a fixed
number of worker threads take tasks from a queue and run them; the future carries the result,
or the exception, back to whoever asks. Build it:

- ``WorkerPool(workers, rt)`` starts ``workers`` threads with ``rt.Thread``.
- ``submit(fn, *args)`` queues ``fn(*args)`` and returns a ``Future``; after ``shutdown`` it
  raises ``RuntimeError``. A submit that returns a future has promised to run the task.
- ``Future.result(timeout=None)`` waits for the task and returns its value, or raises the
  exception the task raised (the same object), or ``TimeoutError`` after ``timeout`` seconds.
  ``Future.done()`` says whether it has finished. Any number of threads may wait on one future.
- ``map(fn, items)`` returns ``[fn(x) for x in items]`` computed by the workers, in the order
  of ``items``, whatever order they finish in; the first exception is raised.
- ``shutdown()`` stops taking tasks, lets the workers finish every task already submitted,
  and returns when every worker thread has ended (join them). A task that raises must not kill
  its worker.

Use only the primitives of the runtime ``rt`` (``rt.Queue`` is ``queue.Queue`` on real
threads, ``rt.Condition``/``rt.Event`` for futures): the tests run your pool on explored thread
schedules, and a worker left waiting when the scenario ends is reported as a deadlock.

Docs: docs/stage4_concurrency.md#worker-pool
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from checker.harness.schedule import Runtime

_STOP = object()  # one per worker, queued behind every real task


class Future:
    """The pending result of one submitted task.

    >>> from checker.harness.schedule import REAL
    >>> pool = WorkerPool(2, REAL)
    >>> pool.submit(pow, 2, 10).result()
    1024
    >>> pool.shutdown()
    """

    # Key idea: the result and its "done" flag change together under one condition, and
    # every waiter is woken (notify_all): any number of threads may wait on one future.

    def __init__(self, rt: Runtime) -> None:
        self._cond = rt.Condition(rt.Lock(name="future"), name="future.done")
        self._done = False
        self._value: Any = None
        self._error: BaseException | None = None

    def _finish(self, value: Any = None, error: BaseException | None = None) -> None:
        with self._cond:
            self._value, self._error, self._done = value, error, True
            self._cond.notify_all()

    def done(self) -> bool:
        """True once the task has returned or raised."""
        with self._cond:
            return self._done

    def result(self, timeout: float | None = None) -> Any:
        """The task's value; re-raises its exception; ``TimeoutError`` after ``timeout`` s."""
        with self._cond:
            if not self._cond.wait_for(lambda: self._done, timeout):
                raise TimeoutError(f"the task did not finish within {timeout} s")
            if self._error is not None:
                raise self._error
            return self._value


class WorkerPool:
    """``workers`` threads running submitted tasks in submission order.

    >>> from checker.harness.schedule import REAL
    >>> pool = WorkerPool(2, REAL)
    >>> pool.map(abs, [-1, 2, -3])
    [1, 2, 3]
    >>> pool.shutdown()
    """

    # Key idea: graceful shutdown is a message in the queue, not a flag the workers poll.
    # Under the lock that submit also takes, shutdown marks the pool closed and queues one
    # stop marker per worker *behind* every task already accepted; a worker ends only when
    # it takes a marker, so every accepted task runs, and no submit can slip in after them.

    def __init__(self, workers: int, rt: Runtime) -> None:
        """Start ``workers`` worker threads."""
        if workers < 1:
            raise ValueError(f"a pool needs at least one worker, not {workers}")
        self._rt = rt
        self._tasks = rt.Queue(name="tasks")
        self._lock = rt.Lock(name="pool")
        self._closed = False
        self._threads = [
            rt.Thread(target=self._work, name=f"worker-{i}") for i in range(1, workers + 1)
        ]
        for thread in self._threads:
            thread.start()

    def _work(self) -> None:
        while True:
            task = self._tasks.get()
            if task is _STOP:
                return
            future, fn, args = task
            try:
                value = fn(*args)
            except Exception as error:  # the caller sees it through the future
                future._finish(error=error)
            else:
                future._finish(value=value)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        """Queue ``fn(*args)``; ``RuntimeError`` after ``shutdown``."""
        future = Future(self._rt)
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot submit to a pool that is shut down")
            self._tasks.put((future, fn, args))
        return future

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
        """``[fn(x) for x in items]`` run on the workers, in the order of ``items``."""
        futures = [self.submit(fn, item) for item in items]
        return [future.result() for future in futures]

    def shutdown(self) -> None:
        """Refuse new tasks, finish every queued one, and join every worker."""
        with self._lock:
            if not self._closed:
                self._closed = True
                for _ in self._threads:
                    self._tasks.put(_STOP)
        for thread in self._threads:
            thread.join()
