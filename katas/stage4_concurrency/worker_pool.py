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


class Future:
    """The pending result of one submitted task.

    >>> from checker.harness.schedule import REAL
    >>> pool = WorkerPool(2, REAL)
    >>> pool.submit(pow, 2, 10).result()
    1024
    >>> pool.shutdown()
    """

    def done(self) -> bool:
        """True once the task has returned or raised."""
        raise NotImplementedError

    def result(self, timeout: float | None = None) -> Any:
        """The task's value; re-raises its exception; ``TimeoutError`` after ``timeout`` s."""
        raise NotImplementedError


class WorkerPool:
    """``workers`` threads running submitted tasks in submission order.

    >>> from checker.harness.schedule import REAL
    >>> pool = WorkerPool(2, REAL)
    >>> pool.map(abs, [-1, 2, -3])
    [1, 2, 3]
    >>> pool.shutdown()
    """

    def __init__(self, workers: int, rt: Runtime) -> None:
        """Start ``workers`` worker threads."""
        raise NotImplementedError

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        """Queue ``fn(*args)``; ``RuntimeError`` after ``shutdown``."""
        raise NotImplementedError

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
        """``[fn(x) for x in items]`` run on the workers, in the order of ``items``."""
        raise NotImplementedError

    def shutdown(self) -> None:
        """Refuse new tasks, finish every queued one, and join every worker."""
        raise NotImplementedError
