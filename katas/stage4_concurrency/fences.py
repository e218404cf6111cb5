"""Memory fences: build a store-buffer (TSO) machine, then make Peterson's lock survive it.

Sequential consistency is the machine you picture: one memory, and each store seen by every
thread the moment it happens. x86-64 is not that machine. Each core puts its stores in a FIFO
**store buffer** and goes on; the stores reach memory later, oldest first. A core reads its own
buffered stores, but other cores cannot see them yet. That model is total store order (TSO),
and it is why a lock that is correct on paper can let two threads in at once.

The machine runs threads written in a small instruction language from
``checker.harness.tso`` (re-exported here): ``Store("x", 1)`` (``x = 1``), ``Load("r1", "x")``
(``r1 = x``, into a register private to the thread), ``Fence()``, ``Label("spin")``,
``Goto("spin")``, ``If("r1", "==", 0, "spin")`` (``!=`` too), and ``Enter()`` / ``Leave()``,
which mark the critical section. Memory and registers start at 0. The tests explore every
interleaving of thread steps and buffer drains, remembering the states already seen, so spin
loops end the search.

1. **The TSO rules.** A buffer is a tuple of ``(variable, value)`` pairs, oldest first; memory
   maps variable names to ints. Write ``tso_store`` (the new store goes in as the newest),
   ``tso_load`` (the newest store to that variable in the thread's own buffer, else memory),
   ``drain_one`` (the oldest store leaves the buffer and is written to memory) and
   ``fence_can_pass`` (a fence waits until its thread's buffer is empty). Never change the
   arguments: return new values. The tests run the harness's explorer with your rules and
   compare the set of final outcomes with the reference TSO's on the classic litmus tests and
   on generated programs: the sets must be equal.
2. **Peterson's lock.** ``peterson(me, rounds)`` returns thread ``me``'s program (``me`` is 0
   or 1): ``rounds`` times, acquire the lock, ``Enter()``, ``Leave()``, release it. Use only
   the variables ``flag0``, ``flag1`` and ``turn`` (any registers you like), and give each
   round its own labels. The tests check, on every TSO interleaving of the two threads: never
   two threads in the critical section; from every reachable state both threads can still
   finish (no deadlock, no endless spinning); every finished run enters ``rounds`` times per
   thread; and a thread running alone gets through.
   **The fence rule:** at most one ``Fence()`` per lock acquire (at most ``rounds`` in a
   thread's program), and every fence must be needed: removing any one of them must let two
   threads into the critical section on some interleaving. A fence drains the whole buffer
   and costs a real core tens of cycles; put each where it earns that.
3. **The question.** ``tso_reorderings()``: which of the four orders of two memory operations
   in program order (store->load, store->store, load->load, load->store) may TSO break, as
   seen from another thread? The tests settle it with a litmus test per order.

Why it matters: every lock, queue and lazy initializer in a backend relies on this ordering.
Languages hide the fence inside ``volatile`` (Java), ``std::atomic`` with ``seq_cst`` (C++) or
``sync/atomic`` (Go); knowing where the hardware needs one, and where it does not, is how you
read those memory models and why a "clever" lock-free flag works on your laptop and fails on
another CPU.

Docs: docs/stage4_concurrency.md#memory-fences
"""

from __future__ import annotations

from collections.abc import Mapping

from checker.harness.tso import (
    Buffer,
    Enter,
    Fence,
    Goto,
    If,
    Instruction,
    Label,
    Leave,
    Load,
    Store,
)

__all__ = [
    "Buffer",
    "Enter",
    "Fence",
    "Goto",
    "If",
    "Instruction",
    "Label",
    "Leave",
    "Load",
    "Store",
    "drain_one",
    "fence_can_pass",
    "peterson",
    "tso_load",
    "tso_reorderings",
    "tso_store",
]


# -- 1. the TSO rules ---------------------------------------------------------------------------


def tso_store(buffer: Buffer, var: str, value: int) -> Buffer:
    """The thread's buffer after it stores ``value`` to ``var``: the store goes in last.

    >>> tso_store((("x", 1),), "y", 2)
    (('x', 1), ('y', 2))
    """
    raise NotImplementedError


def tso_load(buffer: Buffer, memory: Mapping[str, int], var: str) -> int:
    """What a load of ``var`` reads: the NEWEST store to ``var`` in the own buffer, else memory.

    >>> tso_load((("x", 1), ("y", 5), ("x", 2)), {"x": 0, "y": 0}, "x")
    2
    """
    raise NotImplementedError


def drain_one(buffer: Buffer, memory: Mapping[str, int]) -> tuple[Buffer, dict[str, int]]:
    """The OLDEST store leaves the buffer for memory: ``(new buffer, new memory)``.

    >>> drain_one((("x", 1), ("y", 2)), {"x": 0, "y": 0})
    ((('y', 2),), {'x': 1, 'y': 0})
    """
    raise NotImplementedError


def fence_can_pass(buffer: Buffer) -> bool:
    """Whether a fence may complete now: only when the thread's own buffer is empty.

    >>> fence_can_pass(()), fence_can_pass((("x", 1),))
    (True, False)
    """
    raise NotImplementedError


# -- 2. Peterson's lock -------------------------------------------------------------------------


def peterson(me: int, rounds: int) -> list[Instruction]:
    """Thread ``me``'s program: ``rounds`` times acquire, ``Enter()``, ``Leave()``, release.

    Peterson's lock as written for sequential consistency, with ``other = 1 - me``::

        flag[me] = 1                                   # I want in,
        turn = other                                   # but you first if you want in too
        while flag[other] == 1 and turn == other:      # wait while you want in and it is
            pass                                       # your turn
        ... critical section ...
        flag[me] = 0

    Spell it with ``flag0``, ``flag1`` and ``turn``, a register per load and ``If`` jumps,
    then add the fences TSO needs, and no others.

    >>> sum(isinstance(step, Enter) for step in peterson(0, 2))
    2
    """
    raise NotImplementedError


# -- 3. the question ----------------------------------------------------------------------------


def tso_reorderings() -> set[str]:
    """Which program orders TSO may break: a subset of store->load, store->store, load->load,
    load->store (the first operation is earlier in program order).

    >>> tso_reorderings() <= {"store->load", "store->store", "load->load", "load->store"}
    True
    """
    raise NotImplementedError
