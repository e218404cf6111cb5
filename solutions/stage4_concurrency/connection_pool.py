"""Connection pool: at most ``size`` connections, handed out one holder at a time, on a semaphore.

Every backend talks to its database through a pool: opening a connection costs a TCP and TLS
handshake and a login, and the server allows only so many. Build ``ConnectionPool``:

- ``acquire(timeout=None)`` returns an idle connection, or makes a new one with ``factory()``
  while fewer than ``size`` exist, or waits until a holder gives one back. With a timeout it
  raises ``PoolTimeout`` once ``timeout`` seconds pass without one.
- ``release(conn)`` gives a connection back. Releasing a connection this pool did not hand out,
  or one that is already back, raises ``ValueError``: it is a bug in the caller, and a pool that
  accepts it ends up handing one connection to two threads.
- ``connection()`` is a context manager around the two, releasing even when the body raises.
- ``close()`` closes every idle connection and makes later ``acquire`` calls raise
  ``PoolClosed``; a connection released after ``close()`` is closed instead of kept.

Use the primitives of the runtime ``rt`` you are given (the tests pass a scheduler that explores
thread interleavings; ``rt.Semaphore`` is ``threading.Semaphore`` on real threads). A counting
semaphore with ``size`` permits is the natural gate: a thread holds a permit exactly while it
holds a connection. Guard the list of idle connections with a lock. Time is virtual in the
tests: timeouts are exact, and ``rt.monotonic()`` tells the time.

The tests check, on every explored schedule with more threads than connections: never more
than ``size`` connections made or out at once, never one connection held by two threads, waits
that end exactly at their timeout, and a pool that is not left blocked after ``close()``.

Docs: docs/stage4_concurrency.md#connection-pool
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from checker.harness.schedule import Runtime


class PoolTimeout(Exception):
    """No connection became free within the timeout."""


class PoolClosed(Exception):
    """The pool was closed: no more connections are handed out."""


class ConnectionPool:
    """Up to ``size`` connections made by ``factory``, each held by one thread at a time.

    >>> from checker.harness.schedule import REAL
    >>> pool = ConnectionPool(lambda: object(), 2, REAL)
    >>> conn = pool.acquire()
    >>> pool.release(conn)
    >>> pool.acquire() is conn
    True
    """

    # Key idea: a permit of the semaphore *is* the right to hold a connection. acquire takes a
    # permit first (waiting, with the timeout, while all `size` are out), and only then looks
    # at the idle list under the lock; release puts the connection back on the list *before*
    # it returns the permit. Give the permit back first and the next thread may find the list
    # empty and make connection size + 1.

    def __init__(self, factory: Callable[[], Any], size: int, rt: Runtime) -> None:
        """Make no connection yet: connections are made on first need, up to ``size``."""
        if size < 1:
            raise ValueError(f"a pool needs at least one connection, not {size}")
        self._factory = factory
        self._permits = rt.BoundedSemaphore(size, name="permits")
        self._lock = rt.Lock(name="pool")
        self._idle: list[Any] = []
        self._out: list[Any] = []  # identity matters: connections need not be hashable
        self._closed = False

    def acquire(self, timeout: float | None = None) -> Any:
        """An idle or new connection; wait for one if ``size`` are out.

        Raises ``PoolTimeout`` after ``timeout`` seconds, ``PoolClosed`` once closed.
        """
        if not self._permits.acquire(timeout=timeout):
            raise PoolTimeout(f"no connection became free within {timeout} s")
        try:
            with self._lock:
                if self._closed:
                    raise PoolClosed("the pool is closed")
                conn = self._idle.pop() if self._idle else self._factory()
                self._out.append(conn)
                return conn
        except BaseException:
            self._permits.release()
            raise

    def release(self, conn: Any) -> None:
        """Give ``conn`` back; ``ValueError`` if it is not out from this pool."""
        with self._lock:
            for i, held in enumerate(self._out):
                if held is conn:
                    del self._out[i]
                    break
            else:
                raise ValueError(
                    f"{conn!r} is not out from this pool: released twice, or never acquired here"
                )
            if self._closed:
                conn.close()
            else:
                self._idle.append(conn)
        self._permits.release()

    @contextmanager
    def connection(self, timeout: float | None = None) -> Iterator[Any]:
        """``with pool.connection() as conn:``; the connection goes back even on an exception."""
        conn = self.acquire(timeout)
        try:
            yield conn
        finally:
            self.release(conn)

    def close(self) -> None:
        """Close idle connections now and each out connection when it comes back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()
