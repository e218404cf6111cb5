"""Shutdown queues a single stop marker: one worker ends, the others wait for work forever."""

from solutions.stage4_concurrency.worker_pool import *  # noqa: F403
from solutions.stage4_concurrency.worker_pool import _STOP
from solutions.stage4_concurrency.worker_pool import WorkerPool as _Pool

KATA = "worker-pool"


class WorkerPool(_Pool):
    def shutdown(self):
        with self._lock:
            self._closed = True
            self._tasks.put(_STOP)
        for thread in self._threads:
            thread.join()
