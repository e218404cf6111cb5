"""close wakes only one waiter with notify(), not all of them: every other receiver or sender
blocked on the channel sleeps on forever (a Deadlock with no wait-for cycle).
"""

from __future__ import annotations

from solutions.stage4_concurrency.channel import Channel as _Correct
from solutions.stage4_concurrency.channel import ClosedChannelError, select

KATA = "go-channel"
__all__ = ["Channel", "ClosedChannelError", "select"]


class Channel(_Correct):
    def close(self) -> None:
        with self._lock:
            if self._closed:
                raise ClosedChannelError(f"close of closed channel {self._name!r}")
            self._closed = True
            self._senders.clear()
            self._receivers.clear()
            self._changed.notify()  # the bug: close is a broadcast, and this wakes just one
            for waker in self._selectors:
                waker.set()
