"""Bounded blocking queue: a lock, two conditions, and a ``while`` around every wait.

Build ``BoundedQueue(capacity, rt)``, the structure behind ``queue.Queue(maxsize=n)``, Java's
``ArrayBlockingQueue`` and every producer/consumer hand-off with backpressure:

- ``put(item)`` adds at the tail and blocks while the queue holds ``capacity`` items;
  ``get()`` removes from the head and blocks while it is empty. Items come out in the order
  they went in (FIFO), and the queue never holds more than ``capacity`` items.
- ``put(item, timeout=t)`` / ``get(timeout=t)`` wait at most ``t`` seconds in all, then raise
  ``queue.Full`` / ``queue.Empty`` (the standard library's exceptions). A waiter woken early
  that finds it still cannot go on waits only for what is left of its ``t`` seconds, so it
  gives up exactly ``t`` seconds after it was called. ``timeout=0`` never waits.
- With any number of producers and consumers, every item put is got exactly once: none lost,
  none duplicated, and no thread left waiting while it could go on.

The rules: use only ``rt.Lock`` and ``rt.Condition`` to wait and to protect the items (not
``rt.Queue``: that is the thing you are building; the tests check that no Queue step runs).
Keep the items in a plain ``collections.deque`` and touch it only while holding the lock; the
harness sees only the primitives, so state changed outside the lock is a bug it may not show
you. Read the clock with ``rt.monotonic()`` (virtual time in the tests: it moves only when
every thread waits, so a timeout lands on an exact number). Keep ``rt`` from the constructor:
the tests pass a scheduled runtime whose every primitive call is a point where another thread
may run, and explore the schedules of two producers and two consumers; one test passes real
:mod:`threading` (``rt.Lock`` is then ``threading.Lock``).

Why it matters: a bounded queue is how a backend pushes back instead of running out of memory
(a worker pool's inbox, a log shipper's buffer), and the two mistakes it teaches, an ``if``
where a ``while`` belongs and a notify that wakes the wrong waiter, are the most common
condition-variable bugs in production code.

Docs: docs/stage4_concurrency.md#bounded-queue
"""

from __future__ import annotations

from typing import Any

from checker.harness.schedule import Runtime


class BoundedQueue:
    """A FIFO queue of at most ``capacity`` items; ``put`` and ``get`` block, with timeouts.

    >>> from checker.harness.schedule import REAL
    >>> q = BoundedQueue(2, REAL)
    >>> q.put("a"); q.put("b")
    >>> q.get(), q.qsize()
    ('a', 1)
    """

    def __init__(self, capacity: int, rt: Runtime) -> None:
        """An empty queue that holds up to ``capacity`` items; ``capacity < 1`` is a ValueError.

        Create the lock and the conditions here, from ``rt`` (name them: the names appear in
        the schedules the tests print), and keep ``rt`` for ``rt.monotonic()``.

        >>> from checker.harness.schedule import REAL
        >>> BoundedQueue(3, REAL).qsize()
        0
        """
        raise NotImplementedError

    def put(self, item: Any, timeout: float | None = None) -> None:
        """Add ``item`` at the tail, waiting while the queue is full.

        ``timeout=None`` waits as long as it takes; ``timeout=t`` raises ``queue.Full`` once
        ``t`` seconds have passed since the call without room for the item.

        >>> import queue
        >>> from checker.harness.schedule import REAL
        >>> q = BoundedQueue(1, REAL)
        >>> q.put(1)
        >>> try:
        ...     q.put(2, timeout=0)
        ... except queue.Full:
        ...     print("full")
        full
        """
        raise NotImplementedError

    def get(self, timeout: float | None = None) -> Any:
        """Remove and return the item at the head, waiting while the queue is empty.

        ``timeout=None`` waits as long as it takes; ``timeout=t`` raises ``queue.Empty`` once
        ``t`` seconds have passed since the call without an item to take.

        >>> from checker.harness.schedule import REAL
        >>> q = BoundedQueue(2, REAL)
        >>> q.put("x")
        >>> q.get(timeout=1.0)
        'x'
        """
        raise NotImplementedError

    def qsize(self) -> int:
        """How many items the queue holds now (read under the lock).

        >>> from checker.harness.schedule import REAL
        >>> q = BoundedQueue(2, REAL)
        >>> q.put(0)
        >>> q.qsize()
        1
        """
        raise NotImplementedError
