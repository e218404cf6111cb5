"""Readers hold the internal mutex for the whole read, so the lock is a plain mutex.

It is safe, but readers exclude each other, which is the one thing a reader-writer lock is for.
"""

from __future__ import annotations

from solutions.stage4_concurrency.rw_lock import RWLock as _Correct

KATA = "rw-lock"


class RWLock(_Correct):
    def acquire_read(self) -> None:
        self._lock.acquire()  # the bug: kept until release_read

    def release_read(self) -> None:
        self._lock.release()

    def acquire_write(self) -> None:
        self._lock.acquire()

    def release_write(self) -> None:
        self._lock.release()
