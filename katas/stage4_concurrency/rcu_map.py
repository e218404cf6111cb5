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
        raise NotImplementedError

    def read_lock(self) -> None:
        """Enter a read-side section: announce it in this thread's slot. Never blocks.

        >>> m = RcuMap(rt, NodePool(rt), {"x": 1}); m.read_lock(); m.read_unlock()
        """
        raise NotImplementedError

    def read_unlock(self) -> None:
        """Leave the read-side section: clear this thread's slot. Never blocks.

        >>> m = RcuMap(rt, NodePool(rt), {"x": 1}); m.read_lock(); m.read_unlock()
        """
        raise NotImplementedError

    def snapshot(self) -> Node:
        """The published version (one atomic read); read its keys only inside the section.

        >>> m = RcuMap(rt, NodePool(rt), {"x": 1, "y": 2}); m.read_lock()
        >>> version = m.snapshot(); version["x"], version["y"]
        (1, 2)
        >>> m.read_unlock()
        """
        raise NotImplementedError

    def get(self, key: str, default: Any = None) -> Any:
        """``key``'s value in the published version, or ``default``; call inside a section.

        >>> m = RcuMap(rt, NodePool(rt), {"x": 1}); m.read_lock()
        >>> m.get("x"), m.get("nope", 0)
        (1, 0)
        >>> m.read_unlock()
        """
        raise NotImplementedError

    def update(self, changes: Mapping[str, Any]) -> None:
        """Copy the current version, apply ``changes``, publish, wait a grace period, free the old.

        >>> m = RcuMap(rt, NodePool(rt), {"x": 1}); m.update({"x": 5})
        >>> m.read_lock(); m.get("x"); m.read_unlock()
        5
        """
        raise NotImplementedError

    def synchronize(self) -> None:
        """Return once every reader inside a read-side section at the call has left it.

        >>> m = RcuMap(rt, NodePool(rt), {"x": 1}); m.synchronize()  # no reader: at once
        """
        raise NotImplementedError
