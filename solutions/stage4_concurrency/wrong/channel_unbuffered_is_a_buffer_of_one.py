"""An unbuffered channel is built as a buffer of one: send drops the value in the slot and
returns before any receiver has come for it, so there is no rendezvous.
"""

from __future__ import annotations

from checker.harness.schedule import Runtime
from solutions.stage4_concurrency.channel import Channel as _Correct
from solutions.stage4_concurrency.channel import ClosedChannelError, select

KATA = "go-channel"
__all__ = ["Channel", "ClosedChannelError", "select"]


class Channel(_Correct):
    def __init__(self, capacity: int, rt: Runtime, name: str = "channel") -> None:
        super().__init__(capacity, rt, name)
        self._capacity = max(capacity, 1)  # the bug: "unbuffered" gets a one-value buffer
