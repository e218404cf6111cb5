"""map collects results as tasks finish, so a slow first item lands at the end of the list."""

from solutions.stage4_concurrency.worker_pool import *  # noqa: F403
from solutions.stage4_concurrency.worker_pool import WorkerPool as _Pool

KATA = "worker-pool"


class WorkerPool(_Pool):
    def map(self, fn, items):
        done = self._rt.Queue(name="finished")
        items = list(items)
        for item in items:
            self.submit(lambda x=item: done.put(fn(x)))
        return [done.get() for _ in items]
