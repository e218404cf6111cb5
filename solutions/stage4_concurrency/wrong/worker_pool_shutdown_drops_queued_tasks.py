"""Shutdown sets a flag that workers check before each task: tasks still queued never run."""

from solutions.stage4_concurrency.worker_pool import *  # noqa: F403
from solutions.stage4_concurrency.worker_pool import _STOP
from solutions.stage4_concurrency.worker_pool import WorkerPool as _Pool

KATA = "worker-pool"


class WorkerPool(_Pool):
    def _work(self):
        while True:
            task = self._tasks.get()
            if task is _STOP or self._closed:
                return
            future, fn, args = task
            try:
                future._finish(value=fn(*args))
            except Exception as error:
                future._finish(error=error)

    def shutdown(self):
        with self._lock:
            self._closed = True
            for _ in self._threads:
                self._tasks.put(_STOP)
        for thread in self._threads:
            thread.join()
