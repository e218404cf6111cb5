"""The future wakes one waiter with notify(): a second thread waiting on it sleeps forever."""

from solutions.stage4_concurrency.worker_pool import *  # noqa: F403
from solutions.stage4_concurrency.worker_pool import Future as _Future

KATA = "worker-pool"


class Future(_Future):
    def _finish(self, value=None, error=None):
        with self._cond:
            self._value, self._error, self._done = value, error, True
            self._cond.notify()


import solutions.stage4_concurrency.worker_pool as _solution  # noqa: E402

_solution.Future = Future  # the pool makes its futures from the module's name
