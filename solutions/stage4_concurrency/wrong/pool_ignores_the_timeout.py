"""Waits for a permit with no timeout, so acquire(timeout=2) waits as long as it takes."""

from solutions.stage4_concurrency.connection_pool import *  # noqa: F403
from solutions.stage4_concurrency.connection_pool import ConnectionPool as _Pool

KATA = "connection-pool"


class ConnectionPool(_Pool):
    def acquire(self, timeout=None):
        return super().acquire(timeout=None)
