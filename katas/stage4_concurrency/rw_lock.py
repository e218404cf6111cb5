"""Reader-writer lock: many readers or one writer, writers first, and no reader waits forever.

Build ``RWLock`` from one ``rt.Lock`` and ``rt.Condition`` objects on it. Readers share the
lock; a writer has it alone. The tests run your lock on explored thread schedules (see
``checker/harness/schedule.py``) and check four rules on every one of them:

- **Exclusion**: a writer is never inside together with anyone else, reader or writer.
- **Sharing**: readers do not exclude each other: a reader that arrives while only readers
  are inside, and no writer waits, goes straight in.
- **Writer preference**: once a writer waits, a reader that arrives later waits behind it, so
  a steady stream of overlapping readers cannot keep a writer out forever.
- **Bounded wait for readers** (phase-fair hand-off): when a writer releases the lock, every
  reader already waiting gets in, as one batch, before the next writer. So a waiting reader
  lets at most one writer in ahead of it, however many writers keep coming.

Keep the lock's state (readers inside, a writer inside, who waits) in ``rt.SharedCell``
objects and touch them only while holding your ``rt.Lock``: the harness checks every access
to a ``SharedCell`` for data races. Plain attributes are invisible to it. Wait on a condition
in a ``while`` loop, and wake everyone who may now go in.

Why it matters: read-mostly data (a routing table, a config, a cache index) is everywhere in a
backend. A plain mutex serializes the readers; a reader-preferring lock starves the writer
that must publish the new config; a writer-preferring one can starve readers under a burst of
writes. Java's ``ReentrantReadWriteLock``, Go's ``sync.RWMutex`` and the phase-fair locks of
real-time systems each pick a policy; here you implement one and see the others fail on a
schedule.

Docs: docs/stage4_concurrency.md#reader-writer-lock
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from checker.harness.schedule import Runtime


class RWLock:
    """A reader-writer lock with writer preference and a bounded wait for readers.

    >>> from checker.harness.schedule import REAL
    >>> lock = RWLock(REAL)
    >>> with lock.reading():
    ...     pass
    >>> with lock.writing():
    ...     pass
    """

    def __init__(self, rt: Runtime) -> None:
        """An unlocked lock whose parts come from ``rt`` (``rt.Lock``, ``rt.Condition``, ...).

        >>> from checker.harness.schedule import REAL
        >>> RWLock(REAL).acquire_read()
        """
        raise NotImplementedError

    def acquire_read(self) -> None:
        """Return once this thread may read: no writer inside, and none waiting before it.

        >>> from checker.harness.schedule import REAL
        >>> lock = RWLock(REAL)
        >>> lock.acquire_read(); lock.acquire_read()  # two readers at once
        """
        raise NotImplementedError

    def release_read(self) -> None:
        """Leave as a reader; the last reader out lets a waiting writer in.

        >>> from checker.harness.schedule import REAL
        >>> lock = RWLock(REAL)
        >>> lock.acquire_read(); lock.release_read()
        """
        raise NotImplementedError

    def acquire_write(self) -> None:
        """Return once this thread is alone inside: no reader and no other writer.

        >>> from checker.harness.schedule import REAL
        >>> lock = RWLock(REAL)
        >>> lock.acquire_write(); lock.release_write()
        """
        raise NotImplementedError

    def release_write(self) -> None:
        """Leave as the writer: let every waiting reader in at once, else the next writer.

        >>> from checker.harness.schedule import REAL
        >>> lock = RWLock(REAL)
        >>> lock.acquire_write(); lock.release_write(); lock.acquire_read()
        """
        raise NotImplementedError

    @contextmanager
    def reading(self) -> Iterator[None]:
        """``with lock.reading():`` acquires for reading and releases, even on an exception.

        >>> from checker.harness.schedule import REAL
        >>> with RWLock(REAL).reading():
        ...     pass
        """
        raise NotImplementedError

    @contextmanager
    def writing(self) -> Iterator[None]:
        """``with lock.writing():`` acquires for writing and releases, even on an exception.

        >>> from checker.harness.schedule import REAL
        >>> with RWLock(REAL).writing():
        ...     pass
        """
        raise NotImplementedError
