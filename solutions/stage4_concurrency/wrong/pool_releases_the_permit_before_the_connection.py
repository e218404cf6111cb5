"""Gives the permit back before putting the connection on the idle list.

Between the two steps another thread takes the permit, finds no idle connection and makes a
new one: a pool of size 2 ends up with three connections.
"""

from solutions.stage4_concurrency.connection_pool import *  # noqa: F403
from solutions.stage4_concurrency.connection_pool import ConnectionPool as _Pool

KATA = "connection-pool"


class ConnectionPool(_Pool):
    def release(self, conn):
        with self._lock:
            if not any(held is conn for held in self._out):
                raise ValueError(f"{conn!r} is not out from this pool")
            self._out = [held for held in self._out if held is not conn]
        self._permits.release()
        with self._lock:
            self._idle.append(conn)
