"""Releases the connection only when the with-body finishes normally: an exception leaks it."""

from contextlib import contextmanager

from solutions.stage4_concurrency.connection_pool import *  # noqa: F403
from solutions.stage4_concurrency.connection_pool import ConnectionPool as _Pool

KATA = "connection-pool"


class ConnectionPool(_Pool):
    @contextmanager
    def connection(self, timeout=None):
        conn = self.acquire(timeout)
        yield conn
        self.release(conn)
