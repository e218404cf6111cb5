"""release_read updates the reader count before taking the lock ("it is just a decrement").

The load and the store are two steps another thread can run between, so a decrement can
overwrite a concurrent increment: a lost update, and a data race on the count on every
schedule where another thread touched it.
"""

from __future__ import annotations

from solutions.stage4_concurrency.rw_lock import RWLock as _Correct

KATA = "rw-lock"


class RWLock(_Correct):
    def release_read(self) -> None:
        left = self._readers.load() - 1  # the bug: read-modify-write outside the lock
        self._readers.store(left)
        if left == 0:
            with self._lock:
                self._writer_ok.notify()
