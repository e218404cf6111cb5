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

    def __init__(self, factory: Callable[[], Any], size: int, rt: Runtime) -> None:
        """Make no connection yet: connections are made on first need, up to ``size``."""
        raise NotImplementedError

    def acquire(self, timeout: float | None = None) -> Any:
        """An idle or new connection; wait for one if ``size`` are out.

        Raises ``PoolTimeout`` after ``timeout`` seconds, ``PoolClosed`` once closed.
        """
        raise NotImplementedError

    def release(self, conn: Any) -> None:
        """Give ``conn`` back; ``ValueError`` if it is not out from this pool."""
        raise NotImplementedError

    @contextmanager
    def connection(self, timeout: float | None = None) -> Iterator[Any]:
        """``with pool.connection() as conn:``; the connection goes back even on an exception."""
        raise NotImplementedError
        yield  # pragma: no cover  (makes this a generator, as @contextmanager needs)

    def close(self) -> None:
        """Close idle connections now and each out connection when it comes back."""
        raise NotImplementedError
