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
        raise NotImplementedError

    def push(self, value: Any) -> None:
        """Allocate a node for ``value`` (never None) and link it on top with a CAS retry loop.

        >>> stack = TreiberStack(rt, NodePool(rt)); stack.push(7)
        >>> stack.pop()
        7
        """
        raise NotImplementedError

    def pop(self) -> Any:
        """Unlink the top node with a CAS, free it, and return its value; None when empty.

        >>> TreiberStack(rt, NodePool(rt)).pop() is None
        True
        """
        raise NotImplementedError


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
        raise NotImplementedError

    def push(self, value: Any) -> None:
        """Link a new node on top with ``compare_and_set(old, node, stamp, new_stamp)``.

        >>> stack = TaggedStack(rt, NodePool(rt, stale_reads=True)); stack.push(7)
        >>> stack.pop()
        7
        """
        raise NotImplementedError

    def pop(self) -> Any:
        """Unlink the top node only if reference and stamp are both unchanged; free it.

        >>> TaggedStack(rt, NodePool(rt, stale_reads=True)).pop() is None
        True
        """
        raise NotImplementedError


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
        raise NotImplementedError

    def push(self, value: Any) -> None:
        """Link a new node on top with a CAS retry loop (push dereferences no shared node).

        >>> stack = HazardStack(rt, NodePool(rt)); stack.push(7)
        >>> stack.pop()
        7
        """
        raise NotImplementedError

    def pop(self) -> Any:
        """Protect top in this thread's slot, re-check, unlink by CAS, retire; None when empty.

        >>> HazardStack(rt, NodePool(rt)).pop() is None
        True
        """
        raise NotImplementedError
