"""RCU read-mostly map: readers never block, writers publish copies, reclaim after a grace period.

Build ``RcuMap``, the read-copy-update pattern behind the Linux kernel's routing tables and
many configuration caches: reads are far more frequent than writes, so reads must cost almost
nothing and never wait. Each version of the map is one node of a ``NodePool``
(``checker.harness.reclaim``) with one field per key: ``pool.allocate({"x": 1, "y": 2})``
makes one, ``node["x"]`` reads a field in one atomic step, ``node.fields()`` lists the keys,
and ``pool.free(node)`` gives it back (a later ``allocate`` may hand out the same node). The
pool stops any thread that touches a freed node.

- The current version is published in an ``rt.AtomicRef``. A reader enters a read-side
  section with ``read_lock()``, announcing itself in its own slot (one ``rt.AtomicRef`` per
  reader thread, claimed on first use), takes ``snapshot()`` once, reads the keys it needs
  from that node, and leaves with ``read_unlock()``. Readers never take a lock, wait on a
  condition or a semaphore, or retry because of a writer.
- A writer (writers may serialize on an ``rt.Lock`` of their own) copies the current version
  into a new node, applies its changes there, publishes the new node with one atomic ``set``,
  then waits for a grace period (``synchronize()``) and only then frees the old version.
- ``synchronize()`` returns once every reader that was inside a read-side section when it was
  called has left it. Readers that enter later already see the new version; do not wait for
  them (they would keep a busy writer waiting forever).

What the tests check, on explored schedules of a writer and two readers: a reader that reads
two keys from one snapshot sees them from one version, never a mix of old and new; no reader
ever reads a version after it was freed, though freed nodes are reused at once; readers take
no Lock, Condition, Semaphore, Event or Queue step; ``synchronize()`` does not return while a
reader that entered before it is still inside; old versions are freed, so memory stays
bounded; and ``get`` returns the latest value, or the default for a missing key.

Why it matters: a read-mostly structure behind a lock serializes every reader on one cache
line; RCU lets reads scale with cores, paying instead with copies and delayed reclamation.

Docs: docs/stage4_concurrency.md#rcu-read-mostly-map
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checker.harness.reclaim import Node, NodePool
from checker.harness.schedule import Runtime

# The key idea: never change what a reader may be looking at. A writer builds the next version
# beside the current one and swaps one pointer, so a reader sees all of the old version or all
# of the new. The old version is freed only after a grace period: every reader that might
# hold it (it was inside a read-side section when the pointer moved) has left. Readers pay one
# announcement and one pointer read; writers pay the copy and the wait.


class RcuMap:
    """A map whose readers never block: versions are published copies, freed after a grace period.

    ``readers`` is how many threads may read (one announcement slot each, claimed by a thread
    on its first ``read_lock``).

    >>> m = RcuMap(rt, NodePool(rt), {"x": 1}, readers=2)
    >>> m.update({"x": 2, "y": 3})
    >>> m.read_lock(); m.get("x"), m.get("y"), m.get("z", 0); m.read_unlock()
    (2, 3, 0)
    """

    def __init__(
        self, rt: Runtime, pool: NodePool, initial: Mapping[str, Any], readers: int = 4
    ) -> None:
        """Publish a first version holding ``initial``; every reader slot starts empty.

        >>> m = RcuMap(rt, NodePool(rt), {"x": 1})
        >>> m.read_lock(); m.get("x"); m.read_unlock()
        1
        """
        self._rt = rt
        self._pool = pool
        self._current = rt.AtomicRef(pool.allocate(dict(initial)), name="current")
        # The grace-period clock: synchronize() moves it on; a reader records the value it saw
        # on entry in its slot (None: outside any read-side section).
        self._epoch = rt.AtomicRef(0, name="epoch")
        self._slots = [rt.AtomicRef(None, name=f"reader{i}") for i in range(readers)]
        self._claimed = rt.AtomicRef(0, name="slots claimed")
        self._mine = rt.local()
        self._writer = rt.Lock(name="writer lock")  # writers only: readers never touch it

    def read_lock(self) -> None:
        """Enter a read-side section: announce it in this thread's slot. Never blocks.

        >>> m = RcuMap(rt, NodePool(rt), {"x": 1}); m.read_lock(); m.read_unlock()
        """
        # Announce first, read the pointer after (in snapshot): a writer that does not see
        # this announcement swapped the pointer before we read it, so we hold the new version.
        self._slot().set(self._epoch.get())

    def read_unlock(self) -> None:
        """Leave the read-side section: clear this thread's slot. Never blocks.

        >>> m = RcuMap(rt, NodePool(rt), {"x": 1}); m.read_lock(); m.read_unlock()
        """
        self._slot().set(None)

    def snapshot(self) -> Node:
        """The published version (one atomic read); read its keys only inside the section.

        >>> m = RcuMap(rt, NodePool(rt), {"x": 1, "y": 2}); m.read_lock()
        >>> version = m.snapshot(); version["x"], version["y"]
        (1, 2)
        >>> m.read_unlock()
        """
        return self._current.get()

    def get(self, key: str, default: Any = None) -> Any:
        """``key``'s value in the published version, or ``default``; call inside a section.

        >>> m = RcuMap(rt, NodePool(rt), {"x": 1}); m.read_lock()
        >>> m.get("x"), m.get("nope", 0)
        (1, 0)
        >>> m.read_unlock()
        """
        version = self._current.get()
        return version.get(key, default)

    def update(self, changes: Mapping[str, Any]) -> None:
        """Copy the current version, apply ``changes``, publish, wait a grace period, free the old.

        >>> m = RcuMap(rt, NodePool(rt), {"x": 1}); m.update({"x": 5})
        >>> m.read_lock(); m.get("x"); m.read_unlock()
        5
        """
        with self._writer:
            old = self._current.get()
            fresh = {key: old[key] for key in old.fields()}  # copy ...
            fresh.update(changes)  # ... update the copy, never the published version ...
            self._current.set(self._pool.allocate(fresh))  # ... publish it in one step
            self.synchronize()  # readers that may still hold `old` leave ...
            self._pool.free(old)  # ... and only then is it safe to free

    def synchronize(self) -> None:
        """Return once every reader inside a read-side section at the call has left it.

        >>> m = RcuMap(rt, NodePool(rt), {"x": 1}); m.synchronize()  # no reader: at once
        """
        # Move the epoch on; a reader that entered before (its slot holds a smaller epoch) may
        # hold the old version, so wait until it leaves. One that entered after read the
        # pointer after it was swapped: it holds the new version and need not be waited for.
        while True:
            epoch = self._epoch.get()
            if self._epoch.compare_and_set(epoch, epoch + 1):
                break
        for slot in self._slots:
            while True:
                seen = slot.get()
                if seen is None or seen > epoch:
                    break
                # Poll, do not spin: a grace period is long next to a read, and the writer
                # (never a reader) may wait. On the scheduler this runs the readers first.
                self._rt.sleep(0.001)

    def _slot(self) -> Any:
        """This thread's announcement slot, claiming a free one on first use."""
        mine = self._mine
        if not hasattr(mine, "slot"):
            while True:
                n = self._claimed.get()
                if n >= len(self._slots):
                    raise RuntimeError(
                        f"RcuMap has {len(self._slots)} reader slots and a thread more wants "
                        "one: pass readers= at least the number of threads that read"
                    )
                if self._claimed.compare_and_set(n, n + 1):
                    break
            mine.slot = self._slots[n]
        return mine.slot
