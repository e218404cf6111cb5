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

import queue
from collections import deque
from collections.abc import Callable
from typing import Any

from checker.harness.schedule import Runtime

# The key idea: every wait sits in a loop that re-checks the state under the lock,
#
#     while not ready():
#         condition.wait(what is left of the timeout)
#
# because a notify only says "the state changed", not "the state is what you want": between the
# notify and the woken thread getting the lock back, another thread may take the item (or the
# room). Producers and consumers wait on two different conditions, so a notify() always wakes a
# thread that can use what just changed; one condition shared by both would let a producer's
# notify wake another producer and leave a consumer asleep. A timed wait computes one deadline at
# the start and waits only for the time left after each wake-up.


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
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity!r}")
        self._capacity = capacity
        self._rt = rt
        self._items: deque[Any] = deque()
        self._lock = rt.Lock(name="queue.lock")
        self._not_full = rt.Condition(self._lock, name="not_full")
        self._not_empty = rt.Condition(self._lock, name="not_empty")

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
        with self._lock:
            self._wait_until(self._not_full, self._has_room, timeout, queue.Full)
            self._items.append(item)
            self._not_empty.notify()

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
        with self._lock:
            self._wait_until(self._not_empty, self._has_items, timeout, queue.Empty)
            item = self._items.popleft()
            self._not_full.notify()
            return item

    def qsize(self) -> int:
        """How many items the queue holds now (read under the lock).

        >>> from checker.harness.schedule import REAL
        >>> q = BoundedQueue(2, REAL)
        >>> q.put(0)
        >>> q.qsize()
        1
        """
        with self._lock:
            return len(self._items)

    # -- helpers (called with the lock held) -------------------------------------------------

    def _has_room(self) -> bool:
        return len(self._items) < self._capacity

    def _has_items(self) -> bool:
        return bool(self._items)

    def _wait_until(
        self,
        condition: Any,
        ready: Callable[[], bool],
        timeout: float | None,
        error: type[Exception],
    ) -> None:
        """Wait on ``condition`` until ``ready()``; raise ``error`` once ``timeout`` has passed."""
        if timeout is None:
            while not ready():
                condition.wait()
            return
        if timeout < 0:
            raise ValueError(f"timeout must be a non-negative number, got {timeout!r}")
        deadline = self._rt.monotonic() + timeout
        while not ready():
            remaining = deadline - self._rt.monotonic()
            if remaining <= 0:
                raise error
            condition.wait(remaining)
