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

from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any

from checker.harness.schedule import Runtime

# The key idea, Go's own (runtime/chan.go): besides the buffer, the channel keeps a queue of
# blocked receivers and one of blocked senders, each a small record that the other side fills
# in. A send first hands its value straight to the oldest blocked receiver, else puts it in the
# buffer if there is room, else queues itself and waits until a receiver has taken its value.
# A receive takes from the buffer (and moves the oldest blocked sender's value in behind), else
# straight from a blocked sender, else queues itself and waits to be handed a value. Capacity 0
# is then just a buffer that never has room: every send waits for a receiver, a rendezvous.
# Each waiter waits in a `while` loop on the channel's one condition for ITS record to be done
# or the channel closed, and every change notifies all, so no wake-up is lost; close marks the
# channel closed, forgets the queued records (those senders raise, those receivers get
# (None, False)) and notifies all.
#
# select cannot wait on several conditions at once, so it waits on an Event of its own: it
# registers the Event with every channel in its cases, and each channel sets every registered
# Event whenever a case could have become ready (a value buffered or taken, a sender or
# receiver starting to wait, close). Registering before the last look at the cases, and
# clearing the Event before each new look, means a change can never fall between the look and
# the wait.


class ClosedChannelError(Exception):
    """Raised by ``send`` on a closed channel and by closing a channel twice (Go panics).

    >>> str(ClosedChannelError("send on closed channel"))
    'send on closed channel'
    """


class _Waiter:
    """A blocked sender or receiver: the value it carries or was handed, and whether it was."""

    __slots__ = ("done", "value")

    def __init__(self, value: Any = None) -> None:
        self.value = value
        self.done = False


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
        if capacity < 0:
            raise ValueError(f"capacity must be 0 (unbuffered) or more, got {capacity!r}")
        self._capacity = capacity
        self._rt = rt
        self._name = name
        self._lock = rt.Lock(name=f"{name}.lock")
        self._changed = rt.Condition(self._lock, name=f"{name}.changed")
        self._buffer: deque[Any] = deque()
        self._receivers: deque[_Waiter] = deque()  # blocked in recv, oldest first
        self._senders: deque[_Waiter] = deque()  # blocked in send, oldest first
        self._selectors: list[Any] = []  # Events of selects waiting on this channel
        self._closed = False

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
        with self._lock:
            if self._closed:
                raise ClosedChannelError(f"send on closed channel {self._name!r}")
            if self._offer(value):
                return
            me = _Waiter(value)
            self._senders.append(me)
            self._changed_state()  # a select with a recv case here can now take the value
            while not me.done and not self._closed:
                self._changed.wait()
            if not me.done:
                raise ClosedChannelError(
                    f"send on closed channel {self._name!r}: it was closed while send waited"
                )

    def recv(self) -> tuple[Any, bool]:
        """The next value as ``(value, True)``, waiting for one; ``(None, False)`` once closed
        and drained.

        >>> from checker.harness.schedule import REAL
        >>> ch = Channel(1, REAL)
        >>> ch.close()
        >>> ch.recv()
        (None, False)
        """
        with self._lock:
            got = self._take()
            if got is not None:
                return got
            me = _Waiter()
            self._receivers.append(me)
            self._changed_state()  # a select with a send case here can now hand us a value
            while not me.done and not self._closed:
                self._changed.wait()
            if me.done:
                return me.value, True
            return None, False

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
        with self._lock:
            if self._closed:
                raise ClosedChannelError(f"close of closed channel {self._name!r}")
            self._closed = True
            # Blocked senders' values are never delivered (they raise); blocked receivers get
            # (None, False). Buffered values stay for later receivers.
            self._senders.clear()
            self._receivers.clear()
            self._changed_state()

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
        while True:
            value, ok = self.recv()
            if not ok:
                return
            yield value

    # -- helpers, called with the lock held (except _try, _watch and _unwatch) ---------------

    def _offer(self, value: Any) -> bool:
        """Hand ``value`` to a blocked receiver or buffer it; False if it must wait."""
        if self._receivers:
            receiver = self._receivers.popleft()
            receiver.value, receiver.done = value, True
        elif len(self._buffer) < self._capacity:
            self._buffer.append(value)
        else:
            return False
        self._changed_state()
        return True

    def _take(self) -> tuple[Any, bool] | None:
        """The next value as (value, True), (None, False) if closed and drained, or None."""
        if self._buffer:
            value = self._buffer.popleft()
            if self._senders:  # the oldest blocked sender's value moves in behind: FIFO
                sender = self._senders.popleft()
                self._buffer.append(sender.value)
                sender.done = True
        elif self._senders:
            sender = self._senders.popleft()
            value, sender.done = sender.value, True
        elif self._closed:
            return None, False
        else:
            return None
        self._changed_state()
        return value, True

    def _changed_state(self) -> None:
        self._changed.notify_all()
        for waker in self._selectors:
            waker.set()

    def _try(self, op: str, value: Any) -> tuple[Any, bool] | None:
        """One select case, without waiting: what it gives, or None if it is not ready."""
        with self._lock:
            if op == "recv":
                return self._take()
            if self._closed:
                raise ClosedChannelError(f"send on closed channel {self._name!r} (in select)")
            return (None, True) if self._offer(value) else None

    def _watch(self, waker: Any) -> None:
        with self._lock:
            self._selectors.append(waker)

    def _unwatch(self, waker: Any) -> None:
        with self._lock:
            self._selectors.remove(waker)


def _parse(cases: Sequence[tuple[Any, ...]]) -> list[tuple[str, Channel, Any]]:
    """Check every case's shape; return (op, channel, value) triples."""
    parsed: list[tuple[str, Channel, Any]] = []
    for case in cases:
        shape = (case[0], len(case)) if isinstance(case, tuple) and case else None
        if shape == ("recv", 2) and isinstance(case[1], Channel):
            parsed.append(("recv", case[1], None))
        elif shape == ("send", 3) and isinstance(case[1], Channel):
            parsed.append(("send", case[1], case[2]))
        else:
            raise ValueError(
                f"select case {case!r}: use ('recv', channel) or ('send', channel, value)"
            )
    return parsed


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
    chosen = _parse(cases)
    if not chosen and not default:
        raise ValueError("select with no cases and no default would wait forever")
    waker = None
    try:
        while True:
            for index, (op, channel, value) in enumerate(chosen):
                got = channel._try(op, value)
                if got is not None:
                    return (index, *got)
            if default:
                return -1, None, False
            if waker is None:
                # Register, then look once more: a change after this point sets the Event.
                waker = chosen[0][1]._rt.Event(name="select")
                for _, channel, _ in chosen:
                    channel._watch(waker)
                continue
            waker.wait()
            waker.clear()  # before the next look, so a change during it wakes the next wait
    finally:
        if waker is not None:
            for _, channel, _ in chosen:
                channel._unwatch(waker)
