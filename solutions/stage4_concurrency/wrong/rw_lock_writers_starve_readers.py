"""Strict writer preference: a leaving writer hands the lock to the next writer if one waits.

Readers get in only when no writer waits at all, so writers that keep coming starve them: a
waiting reader sits through every writer's turn instead of at most one.
"""

from __future__ import annotations

from solutions.stage4_concurrency.rw_lock import RWLock as _Correct

KATA = "rw-lock"


class RWLock(_Correct):
    def release_write(self) -> None:
        with self._lock:
            self._writing.store(False)
            waiting = self._readers_waiting.load()
            if waiting and self._writers_waiting.load() == 0:  # the bug: writers always first
                self._readers.store(waiting)
                self._readers_waiting.store(0)
                self._batch.store(self._batch.load() + 1)
                self._readers_ok.notify_all()
            else:
                self._writer_ok.notify()
