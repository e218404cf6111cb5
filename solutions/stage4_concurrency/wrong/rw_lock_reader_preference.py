"""Reader preference: a reader goes in whenever no writer is inside, even while a writer waits.

As long as readers keep overlapping, the count of readers inside never reaches zero and a
waiting writer starves.
"""

from __future__ import annotations

from solutions.stage4_concurrency.rw_lock import RWLock as _Correct

KATA = "rw-lock"


class RWLock(_Correct):
    def acquire_read(self) -> None:
        with self._lock:
            if not self._writing.load():  # the bug: ignores the writers already waiting
                self._readers.store(self._readers.load() + 1)
                return
            batch = self._batch.load()
            self._readers_waiting.store(self._readers_waiting.load() + 1)
            while self._batch.load() == batch:
                self._readers_ok.wait()
