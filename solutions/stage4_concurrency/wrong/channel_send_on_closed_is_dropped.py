"""send on a closed channel returns quietly, dropping the value, instead of raising
ClosedChannelError (Go panics): the sender never learns its value went nowhere.
"""

from __future__ import annotations

from typing import Any

from solutions.stage4_concurrency.channel import Channel as _Correct
from solutions.stage4_concurrency.channel import ClosedChannelError, _Waiter, select

KATA = "go-channel"
__all__ = ["Channel", "ClosedChannelError", "select"]


class Channel(_Correct):
    def send(self, value: Any) -> None:
        with self._lock:
            if self._closed:
                return  # the bug: the value is dropped without a word
            if self._offer(value):
                return
            me = _Waiter(value)
            self._senders.append(me)
            self._changed_state()
            while not me.done and not self._closed:
                self._changed.wait()
            # the bug again: closed while waiting, the value is dropped without a word
