"""release_write wakes one waiting reader (notify) instead of all of them (notify_all).

Every waiting reader was let in, but only one hears about it; the others sleep on the
condition until some later writer happens to notify again, and with no later writer they
never wake: a deadlock.
"""

from __future__ import annotations

from solutions.stage4_concurrency.rw_lock import RWLock as _Correct

KATA = "rw-lock"


class RWLock(_Correct):
    def release_write(self) -> None:
        with self._lock:
            self._writing.store(False)
            waiting = self._readers_waiting.load()
            if waiting:
                self._readers.store(waiting)
                self._readers_waiting.store(0)
                self._batch.store(self._batch.load() + 1)
                self._readers_ok.notify()  # the bug: wakes one reader of the batch
            else:
                self._writer_ok.notify()
