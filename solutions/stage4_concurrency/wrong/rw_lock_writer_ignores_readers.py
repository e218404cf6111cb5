"""acquire_write waits only for another writer, not for the readers still inside.

A writer then changes the data under a reader's feet: exclusion is broken.
"""

from __future__ import annotations

from solutions.stage4_concurrency.rw_lock import RWLock as _Correct

KATA = "rw-lock"


class RWLock(_Correct):
    def acquire_write(self) -> None:
        with self._lock:
            self._writers_waiting.store(self._writers_waiting.load() + 1)
            while self._writing.load():  # the bug: forgets `or self._readers.load() > 0`
                self._writer_ok.wait()
            self._writers_waiting.store(self._writers_waiting.load() - 1)
            self._writing.store(True)
