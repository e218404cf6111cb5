"""select without a default loops over its cases again and again instead of waiting for a
notification: a busy spin that burns a core while nothing is ready (a livelock).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from solutions.stage4_concurrency.channel import Channel, ClosedChannelError, _parse

KATA = "go-channel"
__all__ = ["Channel", "ClosedChannelError", "select"]


def select(cases: Sequence[tuple[Any, ...]], default: bool = False) -> tuple[int, Any, bool]:
    chosen = _parse(cases)
    while True:  # the bug: nothing ready, so look again at once; nothing ever waits
        for index, (op, channel, value) in enumerate(chosen):
            got = channel._try(op, value)
            if got is not None:
                return (index, *got)
        if default:
            return -1, None, False
