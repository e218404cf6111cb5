"""submit checks the closed flag, then queues the task, without holding the pool's lock: a
shutdown in between puts the stop markers first, and the task is accepted but never run."""

from solutions.stage4_concurrency.worker_pool import *  # noqa: F403
from solutions.stage4_concurrency.worker_pool import Future
from solutions.stage4_concurrency.worker_pool import WorkerPool as _Pool

KATA = "worker-pool"


class WorkerPool(_Pool):
    def submit(self, fn, *args):
        with self._lock:
            closed = self._closed
        if closed:
            raise RuntimeError("cannot submit to a pool that is shut down")
        future = Future(self._rt)
        self._tasks.put((future, fn, args))
        return future
