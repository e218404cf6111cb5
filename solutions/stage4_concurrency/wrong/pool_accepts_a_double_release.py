"""Takes back whatever it is given on a plain Semaphore, so a double release goes unnoticed.

The connection then sits on the idle list twice and the semaphore has a permit too many: two
threads can be handed the same connection.
"""

from solutions.stage4_concurrency.connection_pool import *  # noqa: F403
from solutions.stage4_concurrency.connection_pool import ConnectionPool as _Pool

KATA = "connection-pool"


class ConnectionPool(_Pool):
    def __init__(self, factory, size, rt):
        super().__init__(factory, size, rt)
        self._permits = rt.Semaphore(size, name="permits")

    def release(self, conn):
        with self._lock:
            self._out = [held for held in self._out if held is not conn]
            self._idle.append(conn)
        self._permits.release()
