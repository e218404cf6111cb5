"""Go-style channel: send, receive, close and select, built from a lock and a condition.

Build ``Channel(capacity, rt)``, Go's ``chan``: the way goroutines "share memory by
communicating", and the shape of every pipeline, fan-out and worker pool in a Go backend.

- ``capacity > 0``: a buffered channel. ``send(v)`` blocks while ``capacity`` values wait in
  the buffer; ``recv()`` blocks while it is empty.
- ``capacity == 0``: an unbuffered channel. ``send(v)`` completes only when a receiver takes
  the value: the two threads meet (a rendezvous), so after ``send`` returns, the value is in a
  receiver's hands, not in a buffer.
- ``recv()`` returns ``(value, True)`` for a value sent, in the order the values were sent,
  and ``(None, False)`` once the channel is closed and every buffered value has been received.
  ``for value in channel`` receives until then (Go's ``for v := range ch``).
- ``close()`` wakes every blocked receiver (they get ``(None, False)``) and every blocked sender
  (they raise). ``send`` on a closed channel raises ``ClosedChannelError`` (Go panics), and so
  does a second ``close``. Values already buffered stay receivable after close; the value of a
  sender still blocked at close is never received.
- ``select(cases, default=False)`` waits on several channels at once, like Go's ``select``.
  A case is ``("recv", ch)`` or ``("send", ch, value)``. It takes one ready case and returns
  ``(index, value, ok)``: for a recv case what ``recv`` would return, for a send case
  ``(index, None, True)``. A recv case is ready when a value can be received or the channel is
  closed; a send case when the value can go into the buffer or to a receiver blocked in
  ``recv`` (or the channel is closed: then select raises, as send would). With
  ``default=True`` it never blocks: nothing ready returns ``(-1, None, False)``. Without, it
  waits until a case is ready, and it must really wait (for a notification from the channels),
  not poll in a loop. Which ready case wins is up to you; taking a ready one is not.

The rules: use only ``rt.Lock``, ``rt.Condition`` and ``rt.Event`` (or ``rt.Semaphore``) to
wait and to protect the channel's state: not ``rt.Queue``. Keep the state (the buffer, the
waiting senders and receivers, the closed flag) in plain Python objects that you touch only
while holding the channel's lock; the harness sees only the primitives. Keep ``rt`` from the
constructor: the tests pass a scheduled runtime whose every primitive call is a point where
another thread may run, explore the schedules of several senders and receivers, and show a
lost wake-up as a Deadlock and a polling loop as a livelock; one test passes real
:mod:`threading`.

Why it matters: channels are Go's main tool for concurrency, and the semantics here (an
unbuffered hand-off, close as a broadcast to every waiter, select over many sources with or
without a default) are what a Go engineer reasons about daily, and what a Python backend
rebuilds when it fans work out to threads.

Docs: docs/stage4_concurrency.md#go-channel
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from checker.harness.schedule import Runtime


class ClosedChannelError(Exception):
    """Raised by ``send`` on a closed channel and by closing a channel twice (Go panics).

    >>> str(ClosedChannelError("send on closed channel"))
    'send on closed channel'
    """


class Channel:
    """A Go-style channel: buffered when ``capacity > 0``, a rendezvous when it is 0.

    >>> from checker.harness.schedule import REAL
    >>> ch = Channel(2, REAL)
    >>> ch.send("a"); ch.close()
    >>> ch.recv(), ch.recv()
    (('a', True), (None, False))
    """

    def __init__(self, capacity: int, rt: Runtime, name: str = "channel") -> None:
        """An open, empty channel; ``capacity < 0`` is a ValueError.

        Create the lock and condition here from ``rt`` and keep ``rt`` (``select`` needs it to
        make its own Event or Condition); name the primitives after ``name``
        (``f"{name}.lock"``): the names appear in the schedules the tests print.

        >>> from checker.harness.schedule import REAL
        >>> Channel(0, REAL, name="jobs").close()
        """
        raise NotImplementedError

    def send(self, value: Any) -> None:
        """Send ``value``: wait for room (buffered) or for a receiver to take it (unbuffered).

        Raise ``ClosedChannelError`` if the channel is closed, or is closed while this send
        waits.

        >>> from checker.harness.schedule import REAL
        >>> ch = Channel(1, REAL)
        >>> ch.send(42)
        >>> ch.recv()
        (42, True)
        """
        raise NotImplementedError

    def recv(self) -> tuple[Any, bool]:
        """The next value as ``(value, True)``, waiting for one; ``(None, False)`` once closed
        and drained.

        >>> from checker.harness.schedule import REAL
        >>> ch = Channel(1, REAL)
        >>> ch.close()
        >>> ch.recv()
        (None, False)
        """
        raise NotImplementedError

    def close(self) -> None:
        """Close the channel and wake every blocked sender and receiver; raise
        ``ClosedChannelError`` if it is already closed.

        >>> from checker.harness.schedule import REAL
        >>> ch = Channel(1, REAL)
        >>> ch.close()
        >>> try:
        ...     ch.close()
        ... except ClosedChannelError:
        ...     print("closed twice")
        closed twice
        """
        raise NotImplementedError

    def __iter__(self) -> Iterator[Any]:
        """Receive values until the channel is closed and drained (Go's ``range``).

        >>> from checker.harness.schedule import REAL
        >>> ch = Channel(3, REAL)
        >>> for x in (1, 2, 3):
        ...     ch.send(x)
        >>> ch.close()
        >>> list(ch)
        [1, 2, 3]
        """
        raise NotImplementedError


def select(cases: Sequence[tuple[Any, ...]], default: bool = False) -> tuple[int, Any, bool]:
    """Take one ready case of ``cases`` and return ``(index, value, ok)``; see the module doc.

    Cases are ``("recv", channel)`` and ``("send", channel, value)``. With ``default=True`` and
    no case ready, return ``(-1, None, False)`` at once; without, wait until a case is ready.

    >>> from checker.harness.schedule import REAL
    >>> a, b = Channel(1, REAL), Channel(1, REAL)
    >>> b.send("hi")
    >>> select([("recv", a), ("recv", b)])
    (1, 'hi', True)
    >>> select([("recv", a)], default=True)
    (-1, None, False)
    """
    raise NotImplementedError
