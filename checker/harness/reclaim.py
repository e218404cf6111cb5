"""Manual memory for lock-free katas: a node pool that reuses freed nodes and catches misuse.

Python's garbage collector hides the two problems safe memory reclamation exists for: a node
is never freed while a thread still holds it, so its address is never reused (no ABA), and no
thread reads memory that was given back (no use-after-free). :class:`NodePool` brings manual
memory back, on the scheduler's runtime (:mod:`checker.harness.schedule`)::

    pool = NodePool(rt)                     # reuse=True: allocate hands out freed nodes again
    node = pool.allocate(value=1, next=None)
    node.next = other                       # one step, like rt.AtomicRef.set
    pool.free(node)                         # back to the pool; the next allocate reuses it
    node.value                              # UseAfterFree: names the node, thread and step

A :class:`Node` is a small record of named fields fixed at allocation (``node.next`` or
``node["next"]``). Every read and write of a field is one atomic step (an ``rt.AtomicRef``
underneath, so it is a scheduling point and never torn) and is checked: touching a freed node
is a use-after-free, freeing it again a double free. Both raise a :class:`MemoryFault` (an
AssertionError, so the scheduler reports it with the schedule) and are also kept in
``pool.errors``, so code that swallows exceptions cannot hide them.

Freed nodes are reused oldest first (FIFO). A node that comes back while a thread still holds
its old address is exactly the ABA setting: a compare-and-set by identity sees "the same" node.

Three memory models, chosen per pool:

- ``NodePool(rt)``: manual memory. Any read or write of a freed node is an error. Hazard
  pointers and RCU must pass here.
- ``NodePool(rt, stale_reads=True)``: type-stable memory, as under tagged pointers: freed
  nodes stay in the pool's free list and are never returned to the system, so reading a freed
  node is allowed and returns whatever it holds now (old or reused contents; the step says
  ``stale``). A tag check must then reject what was read. Writing to a freed node is still an
  error.
- ``NodePool(rt, reuse=False, stale_reads=True)``: garbage-collected memory: ``free`` only
  counts, a node is never handed out again, and a thread that still holds one reads its last
  contents.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Iterator, Mapping
from typing import Any

from checker.harness import schedule

__all__ = ["DoubleFree", "ForeignNode", "MemoryFault", "Node", "NodePool", "UseAfterFree"]

_CAUSE = (
    "Free a node only when no other thread can still reach it: in a lock-free structure a "
    "thread that read a pointer earlier may still use it. Protect it (a hazard pointer, "
    "re-checked after publishing) or wait for a grace period (RCU) before freeing."
)
_DOUBLE = (
    "Two threads each believed they had removed this node. Typically a compare-and-set "
    "succeeded on a pointer that had been popped, freed and reused in between (the ABA "
    "problem: the CAS compares identity, not history), or a node was freed twice."
)


class MemoryFault(AssertionError):
    """A node was used against the rules of manual memory; the message names who and where."""


class UseAfterFree(MemoryFault):
    """A field of a freed node was read or written."""


class DoubleFree(MemoryFault):
    """A node that was already free was freed again."""


class ForeignNode(MemoryFault):
    """``free`` was given something that is not a node of this pool."""


def _who(rt: Any) -> tuple[str, str]:
    """The calling thread's name and where it is in the schedule ("at step 12"), if scheduled."""
    here = schedule.where()
    if here is not None:
        name, step = here
        return name, f"at step {step}" if step else "before the first step"
    return getattr(rt.current_thread(), "name", "a thread"), "on real threads"


def _trace(op: str, obj: str, detail: str = "") -> None:
    """Show an allocation or a free in the schedule listing (not a scheduling point)."""
    schedule.log(op, obj, detail, kind="NodePool")


class Node:
    """One node of a :class:`NodePool`: named fields, each read or written in one checked step.

    ``node.next`` and ``node["next"]`` read the field ``next``; ``node.next = x`` and
    ``node["next"] = x`` write it. ``node.fields()`` lists the names, ``"next" in node`` asks,
    ``node.get(key, default)`` reads like a dict's ``get``.
    The node's identity is its address: the pool hands the same object out again after a free.
    """

    __slots__ = ("_cells", "_free", "_freed", "_generation", "_name", "_pool")

    def __init__(self, pool: NodePool, name: str) -> None:
        object.__setattr__(self, "_pool", pool)
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_cells", {})
        object.__setattr__(self, "_free", False)
        object.__setattr__(self, "_freed", ("", ""))  # who freed it last, and where
        object.__setattr__(self, "_generation", 0)

    def __repr__(self) -> str:
        return self._name

    # -- fields ---------------------------------------------------------------------------

    # Each public entry re-raises a fault from its own frame, so the report's last lines are
    # the caller's code (the learner's pop), not this module's internals.

    def fields(self) -> tuple[str, ...]:
        """The names of this node's fields (checked like a read, but not a scheduling point)."""
        try:
            self._check("read the fields of")
        except MemoryFault as fault:
            raise fault.with_traceback(None) from None
        return tuple(self._cells)

    def __contains__(self, key: object) -> bool:
        return key in self.fields()

    def get(self, key: str, default: Any = None) -> Any:
        """The field's value (one step), or ``default`` if the node has no such field."""
        try:
            self._check("read the fields of")
            return self._read(key) if key in self._cells else default
        except MemoryFault as fault:
            raise fault.with_traceback(None) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self.fields())

    def __getitem__(self, key: str) -> Any:
        try:
            return self._read(key)
        except MemoryFault as fault:
            raise fault.with_traceback(None) from None

    def __setitem__(self, key: str, value: Any) -> None:
        try:
            self._write(key, value)
        except MemoryFault as fault:
            raise fault.with_traceback(None) from None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._read(name)
        except MemoryFault as fault:
            raise fault.with_traceback(None) from None
        except KeyError as error:
            raise AttributeError(error.args[0]) from None

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_"):
            raise AttributeError(f"{self._name}: {name!r} is not a field (fields are public)")
        try:
            self._write(name, value)
        except MemoryFault as fault:
            raise fault.with_traceback(None) from None
        except KeyError as error:
            raise AttributeError(error.args[0]) from None

    def _cell(self, key: str) -> Any:
        cells = self._cells
        if key not in cells:
            names = ", ".join(map(str, cells)) or "none"
            raise KeyError(
                f"node {self._name} has no field {key!r}; its fields are {names} (fixed when "
                "it was allocated)"
            )
        return cells[key]

    def _read(self, key: str) -> Any:
        cell = self._cell(key)
        generation = self._generation
        value = cell.get()  # the scheduling point: other threads may free or reuse us here
        if self._generation != generation:  # reused meanwhile: memory now holds the new contents
            value = self._cells[key].value if key in self._cells else None
            schedule.annotate(f"-> {schedule.brief(value)} ({self._name} was reused meanwhile)")
        if self._free:
            if not self._pool.stale_reads:
                self._fault("read", key)
            schedule.annotate(f"(stale: {self._name} is free)", append=True)
        return value

    def _write(self, key: str, value: Any) -> None:
        cell = self._cell(key)
        generation = self._generation
        cell.set(value)
        if self._free:
            self._fault("wrote", key)
        if self._generation != generation and key in self._cells:
            self._cells[key].set(value)  # the stale pointer writes into the reused node

    def _check(self, what: str) -> None:
        if self._free and not self._pool.stale_reads:
            self._fault(what, None)

    def _fault(self, verb: str, key: str | None) -> None:
        pool = self._pool
        thread, where = _who(pool._rt)
        by, when = self._freed
        target = f"{self._name}.{key}" if key is not None else self._name
        message = (
            f"Use after free: {thread} {verb} {target} {where}, but {self._name} was freed by "
            f"{by} {when} and not allocated again since. {_CAUSE}"
        )
        raise pool._record(UseAfterFree(message))


class NodePool:
    """Nodes with manual memory: ``allocate`` reuses freed nodes (oldest first), ``free`` checks.

    ``reuse=False`` never hands a freed node out again; ``stale_reads=True`` lets a thread read
    a freed node (type-stable memory, see the module docstring). ``name`` prefixes node names
    (``n1``, ``n2``, ...). Counters: ``created`` (distinct nodes ever made: the memory
    footprint), ``live`` (allocated and not freed), ``allocations``, ``frees``; ``errors``
    lists every fault found, even one the code under test caught.
    """

    def __init__(
        self, rt: Any, *, reuse: bool = True, stale_reads: bool = False, name: str = "n"
    ) -> None:
        self._rt = rt
        self.reuse = reuse
        self.stale_reads = stale_reads
        self.name = name
        self.nodes: list[Node] = []
        self.errors: list[str] = []
        self.allocations = 0
        self.frees = 0
        self._free_list: deque[Node] = deque()
        self._numbers = itertools.count(1)
        # Bookkeeping only: on real threads allocate and free must be atomic, like malloc's.
        # Under the scheduler one thread runs at a time, so this lock is never contended.
        self._guard = threading.Lock()

    def __repr__(self) -> str:
        return f"<NodePool {self.name!r}: {self.live} live, {len(self._free_list)} free>"

    @property
    def created(self) -> int:
        return len(self.nodes)

    @property
    def live(self) -> int:
        return self.allocations - self.frees

    def is_free(self, node: Node) -> bool:
        """Whether ``node`` is free now (no scheduling point: for checks after the threads)."""
        return node._free

    def allocate(self, fields: Mapping[str, Any] | None = None, /, **more: Any) -> Node:
        """A node with these fields and initial values, reusing the oldest freed node if any.

        >>> node = pool.allocate(value=1, next=None)   # inside a scenario
        """
        initial = {**(fields or {}), **more}
        with self._guard:
            reused = self.reuse and bool(self._free_list)
            if reused:
                node = self._free_list.popleft()
            else:
                node = Node(self, f"{self.name}{next(self._numbers)}")
                self.nodes.append(node)
            # Fresh cells: creating a primitive is not a scheduling point, and the node is not
            # shared yet. A thread still holding the old address reads these (see _read).
            cells = {
                key: self._rt.AtomicRef(value, name=f"{node._name}.{key}")
                for key, value in initial.items()
            }
            object.__setattr__(node, "_cells", cells)
            object.__setattr__(node, "_generation", node._generation + 1)
            object.__setattr__(node, "_free", False)
            self.allocations += 1
        _trace("allocate", node._name, "(reused)" if reused else "")
        return node

    def free(self, node: Node) -> None:
        """Give ``node`` back; a later ``allocate`` may hand it out again. Checks double frees."""
        if not isinstance(node, Node) or node._pool is not self:
            thread, where = _who(self._rt)
            raise self._record(
                ForeignNode(
                    f"{thread} called free({node!r}) {where}, but that is not a node of this "
                    "pool: free only nodes that allocate() returned."
                )
            )
        with self._guard:  # test and set as one, so two real threads cannot both free it
            again = node._free
            if not again:
                object.__setattr__(node, "_free", True)
                self.frees += 1
                if self.reuse:
                    self._free_list.append(node)
        _trace("free", node._name, "(already free!)" if again else "")
        thread, where = _who(self._rt)
        if again:
            by, when = node._freed
            raise self._record(
                DoubleFree(
                    f"Double free: {thread} freed {node._name} {where}, but {by} had already "
                    f"freed it {when} and nobody allocated it since. {_DOUBLE}"
                )
            )
        object.__setattr__(node, "_freed", (thread, where))

    def _record(self, fault: MemoryFault) -> MemoryFault:
        with self._guard:
            self.errors.append(str(fault))
        return fault
