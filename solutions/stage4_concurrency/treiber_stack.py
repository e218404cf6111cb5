"""Treiber stack, ABA and hazard pointers: a lock-free stack over manual memory, made safe twice.

Build three stacks of values, each a linked list whose head ``top`` is changed only by
compare-and-set (CAS): no locks, no conditions, no semaphores. Nodes come from a ``NodePool``
(``checker.harness.reclaim``) that brings back manual memory, which Python's garbage collector
normally hides:

- ``node = pool.allocate(value=v, next=None)`` hands out a node, reusing the oldest freed one;
- ``node.value``, ``node.next`` read a field and ``node.next = x`` writes one: each is one
  atomic step the scheduler can interleave, checked for use-after-free;
- ``pool.free(node)`` gives it back: a later ``allocate`` may return the very same object.

The stacks, from naive to safe:

1. ``TreiberStack``: ``top`` is an ``rt.AtomicRef`` and CAS compares by identity. ``pop``
   frees the node it removed. Correct while the pool never reuses nodes; with reuse it suffers
   ABA: a thread reads ``top = A`` and ``A.next = B``, others pop A and B and push A again,
   and its ``compare_and_set(A, B)`` still succeeds, installing a node that was freed.
2. ``TaggedStack``: ``top`` is an ``rt.AtomicStampedRef`` (a reference and a stamp changed
   together by one double-width CAS). Change the stamp on every successful CAS, so a node that
   came back no longer matches. Its pool is type-stable (``stale_reads=True``): reading
   ``next`` of a node another thread freed is allowed, but your CAS must then fail.
3. ``HazardStack``: ``top`` is an ``rt.AtomicRef`` again, and memory is strict: touching a
   freed node is an error. Each thread owns a hazard slot (an ``rt.AtomicRef``). ``pop``
   publishes the node it is about to dereference in its slot, re-reads ``top`` and retries if
   it moved, and only then reads ``next``. A popped node is retired to the thread's own list;
   when that list holds ``scan_threshold`` nodes, a scan reads every hazard slot and frees each
   retired node no slot names, keeping the rest for a later scan.

What the tests check, on explored schedules of two or three threads, then a drain: every
pushed value is popped at most once and none is lost; one thread alone pops in LIFO order;
``pop`` on an empty stack returns None (values are never None); no step is a Lock,
Condition, Semaphore, Event or Queue step, and ``top`` changes by ``compare_and_set``; the
tagged and hazard stacks stay correct while the pool reuses nodes; no thread touches a node
the hazard stack freed; and retired nodes are reclaimed, so memory stays bounded however many
operations run. Keep shared state in ``rt`` primitives and node fields; plain Python
attributes are invisible to the scheduler (a thread's own retire list may be plain).

Why it matters: lock-free structures (Java's ``ConcurrentLinkedQueue``, allocators, kernel and
database free lists) never block, but with manual memory (C, C++, Rust) reclamation is the
hard part. ABA, tagged pointers and hazard pointers are the standard answers.

Docs: docs/stage4_concurrency.md#treiber-stack-aba-and-hazard-pointers
"""

from __future__ import annotations

from typing import Any

from checker.harness.reclaim import NodePool
from checker.harness.schedule import Runtime

# The key idea: CAS compares identity, so it cannot tell "top never changed" from "top changed
# and came back" (ABA), which manual memory makes routine: a popped node is freed and the next
# push gets the same address. A stamp that grows with every change tells the two apart; hazard
# pointers make sure a node cannot come back (be freed, then reused) while any thread may still
# compare against it or read it.


class TreiberStack:
    """A lock-free stack: ``top`` is an ``rt.AtomicRef`` moved by CAS; ``pop`` frees its node.

    >>> stack = TreiberStack(rt, NodePool(rt, reuse=False, stale_reads=True))
    >>> stack.push(1); stack.push(2)
    >>> stack.pop(), stack.pop(), stack.pop()
    (2, 1, None)
    """

    def __init__(self, rt: Runtime, pool: NodePool) -> None:
        """An empty stack whose nodes come from ``pool``.

        >>> TreiberStack(rt, NodePool(rt)).pop() is None
        True
        """
        self._pool = pool
        self._top = rt.AtomicRef(None, name="top")

    def push(self, value: Any) -> None:
        """Allocate a node for ``value`` (never None) and link it on top with a CAS retry loop.

        >>> stack = TreiberStack(rt, NodePool(rt)); stack.push(7)
        >>> stack.pop()
        7
        """
        node = self._pool.allocate(value=value, next=None)
        while True:
            old = self._top.get()
            node.next = old  # the node is still ours: nobody else can see it before the CAS
            if self._top.compare_and_set(old, node):
                return

    def pop(self) -> Any:
        """Unlink the top node with a CAS, free it, and return its value; None when empty.

        >>> TreiberStack(rt, NodePool(rt)).pop() is None
        True
        """
        while True:
            old = self._top.get()
            if old is None:
                return None
            nxt = old.next
            # Identity only: if `old` was popped, freed and pushed again meanwhile, this still
            # succeeds and installs a stale `nxt` (ABA). Safe only while nodes are never reused.
            if self._top.compare_and_set(old, nxt):
                value = old.value  # ours now: our CAS removed it
                self._pool.free(old)
                return value


class TaggedStack:
    """The Treiber stack on ``rt.AtomicStampedRef``: every change bumps the stamp, so no ABA.

    >>> stack = TaggedStack(rt, NodePool(rt, stale_reads=True))
    >>> stack.push(1); stack.push(2)
    >>> stack.pop(), stack.pop(), stack.pop()
    (2, 1, None)
    """

    def __init__(self, rt: Runtime, pool: NodePool) -> None:
        """An empty stack: ``top`` holds (None, stamp 0).

        >>> TaggedStack(rt, NodePool(rt, stale_reads=True)).pop() is None
        True
        """
        self._pool = pool
        self._top = rt.AtomicStampedRef(None, 0, name="top")

    def push(self, value: Any) -> None:
        """Link a new node on top with ``compare_and_set(old, node, stamp, new_stamp)``.

        >>> stack = TaggedStack(rt, NodePool(rt, stale_reads=True)); stack.push(7)
        >>> stack.pop()
        7
        """
        node = self._pool.allocate(value=value, next=None)
        while True:
            old, stamp = self._top.get()  # one read of the pair: reference and stamp together
            node.next = old
            if self._top.compare_and_set(old, node, stamp, stamp + 1):
                return

    def pop(self) -> Any:
        """Unlink the top node only if reference and stamp are both unchanged; free it.

        >>> TaggedStack(rt, NodePool(rt, stale_reads=True)).pop() is None
        True
        """
        while True:
            old, stamp = self._top.get()
            if old is None:
                return None
            # `old` may be freed (even reused) by now; reading it is allowed in type-stable
            # memory, and whatever we read is used only if the CAS below proves `top` never
            # changed: the stamp grows on every change, so a node that came back has a new one.
            nxt = old.next
            if self._top.compare_and_set(old, nxt, stamp, stamp + 1):
                value = old.value
                self._pool.free(old)
                return value


class HazardStack:
    """The Treiber stack made safe by hazard pointers: nothing is freed while a slot names it.

    ``threads`` is how many threads may use the stack (one hazard slot each, claimed by a
    thread on its first ``pop``); a thread retires popped nodes to its own list and scans once
    it holds ``scan_threshold`` of them.

    >>> stack = HazardStack(rt, NodePool(rt), threads=2, scan_threshold=1)
    >>> stack.push(1); stack.push(2)
    >>> stack.pop(), stack.pop(), stack.pop()
    (2, 1, None)
    """

    def __init__(
        self, rt: Runtime, pool: NodePool, threads: int = 4, scan_threshold: int = 2
    ) -> None:
        """An empty stack with ``threads`` hazard slots, all empty.

        >>> HazardStack(rt, NodePool(rt)).pop() is None
        True
        """
        self._pool = pool
        self._top = rt.AtomicRef(None, name="top")
        self._hazards = [rt.AtomicRef(None, name=f"hazard{i}") for i in range(threads)]
        self._claimed = rt.AtomicRef(0, name="slots claimed")
        self._mine = rt.local()  # this thread's slot and retire list
        self._threshold = max(1, scan_threshold)

    def push(self, value: Any) -> None:
        """Link a new node on top with a CAS retry loop (push dereferences no shared node).

        >>> stack = HazardStack(rt, NodePool(rt)); stack.push(7)
        >>> stack.pop()
        7
        """
        node = self._pool.allocate(value=value, next=None)
        while True:
            old = self._top.get()
            node.next = old  # writes our own node; `old` is compared, never dereferenced
            if self._top.compare_and_set(old, node):
                return

    def pop(self) -> Any:
        """Protect top in this thread's slot, re-check, unlink by CAS, retire; None when empty.

        >>> HazardStack(rt, NodePool(rt)).pop() is None
        True
        """
        me = self._me()
        hazard = me.hazard
        while True:
            old = self._top.get()
            if old is None:
                return None
            # Publish, then re-check: once `top` is seen still holding `old` after the slot
            # names it, any thread that unlinks `old` later will see the slot when it scans,
            # so `old` cannot be freed (nor reused) while we read it.
            hazard.set(old)
            if self._top.get() is not old:
                continue
            nxt = old.next
            if self._top.compare_and_set(old, nxt):
                break
        hazard.set(None)
        value = old.value  # unlinked by our CAS: only we retire it, so it is still allocated
        me.retired.append(old)
        if len(me.retired) >= self._threshold:
            self._scan(me)
        return value

    def _me(self) -> Any:
        """This thread's hazard slot and retire list, claiming a free slot on first use."""
        mine = self._mine
        if not hasattr(mine, "hazard"):
            while True:
                n = self._claimed.get()
                if n >= len(self._hazards):
                    raise RuntimeError(
                        f"HazardStack has {len(self._hazards)} hazard slots and a thread more "
                        "wants one: pass threads= at least the number of threads that pop"
                    )
                if self._claimed.compare_and_set(n, n + 1):
                    break
            mine.hazard = self._hazards[n]
            mine.retired = []
        return mine

    def _scan(self, me: Any) -> None:
        """Free every retired node that no hazard slot names; keep the rest for next time."""
        protected = {slot.get() for slot in self._hazards}
        keep = []
        for node in me.retired:
            if node in protected:
                keep.append(node)
            else:
                self._pool.free(node)
        me.retired = keep
