"""Guards the idle list with a lock but has no limit: with none idle it always makes another."""

from solutions.stage4_concurrency.connection_pool import *  # noqa: F403
from solutions.stage4_concurrency.connection_pool import ConnectionPool as _Pool
from solutions.stage4_concurrency.connection_pool import PoolClosed

KATA = "connection-pool"


class ConnectionPool(_Pool):
    def acquire(self, timeout=None):
        with self._lock:
            if self._closed:
                raise PoolClosed("the pool is closed")
            conn = self._idle.pop() if self._idle else self._factory()
            self._out.append(conn)
            return conn

    def release(self, conn):
        with self._lock:
            if not any(held is conn for held in self._out):
                raise ValueError(f"{conn!r} is not out from this pool")
            self._out = [held for held in self._out if held is not conn]
            if self._closed:
                conn.close()
            else:
                self._idle.append(conn)
