"""A receiver woken by close returns (None, True), as if a value had arrived, instead of
(None, False): its caller cannot tell "closed" from "received None".
"""

from __future__ import annotations

from typing import Any

from solutions.stage4_concurrency.channel import Channel as _Correct
from solutions.stage4_concurrency.channel import ClosedChannelError, _Waiter, select

KATA = "go-channel"
__all__ = ["Channel", "ClosedChannelError", "select"]


class Channel(_Correct):
    def recv(self) -> tuple[Any, bool]:
        with self._lock:
            got = self._take()
            if got is not None:
                return got
            me = _Waiter()
            self._receivers.append(me)
            self._changed_state()
            while not me.done and not self._closed:
                self._changed.wait()
            return me.value, True  # the bug: woken by close, not by a value, and says ok
