"""Runs each task bare: the first task that raises ends its worker thread, and its future
never finishes."""

from solutions.stage4_concurrency.worker_pool import *  # noqa: F403
from solutions.stage4_concurrency.worker_pool import _STOP
from solutions.stage4_concurrency.worker_pool import WorkerPool as _Pool

KATA = "worker-pool"


class WorkerPool(_Pool):
    def _work(self):
        while True:
            task = self._tasks.get()
            if task is _STOP:
                return
            future, fn, args = task
            future._finish(value=fn(*args))
