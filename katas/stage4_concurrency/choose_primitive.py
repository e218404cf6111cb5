"""Choose the primitive: four scenarios, each with the cheapest primitive that makes it correct.

A mutex, a channel, an atomic compare-and-set (CAS) and a semaphore can each be bent to solve
most problems; each is the right tool for one shape of problem. For each scenario below, decide
what must stay true and who waits for whom, pick the primitive, state it in ``CHOICES`` with a
one-line reason, and build the class on it.

1. ``HitCounter``: many threads count hits (page views, requests) into one integer. It must
   never block: no thread ever waits for another, however the threads are scheduled.
   (``rt.AtomicRef.compare_and_set(expected, new)`` compares by identity, ``is``, as hardware
   compares addresses: pass it the very object ``get()`` returned, not an equal one.)
2. ``Ledger``: a balance and the history of the amounts recorded. ``record(amount)`` applies a
   deposit (> 0) or a withdrawal (< 0), refusing one that would take the balance below 0;
   ``snapshot()`` returns both. The invariant, checked on every snapshot, even one taken while
   other threads record: ``balance == opening + sum(history)`` and ``balance >= 0``. The history
   only grows and may get long: copying it on every record is not an option.
3. ``Handoff``: producers hand items to consumers, first in first out. ``send`` waits while
   ``capacity`` items are waiting (backpressure: a fast producer must not run ahead and fill
   memory); ``receive`` waits while none is.
4. ``ConnectionLimit``: at most ``n`` callers run their work at once (``n`` database
   connections); the others wait for a slot, and n of them do get in at once.

The tests check each class on every explored schedule of a few threads (no data race, no
deadlock, the invariant, the bound), that ``HitCounter`` never takes a blocking step, that each
class is built on the primitive ``CHOICES`` names for it, and that each choice is the one that
fits, with a reason. Use only the primitives of ``rt`` and name them (``rt.Lock(name="ledger")``);
keep shared state in them (``rt.SharedCell``, ``rt.AtomicRef``, ``rt.Queue``) or behind an
``rt`` lock: plain Python attributes are invisible to the scheduler.

Why it matters: the wrong primitive is either a bug (an atomic where an invariant spans two
fields) or a bottleneck (a lock around one counter that every request touches). Naming the
primitive and the reason is also what an interviewer asks for.

Docs: docs/stage4_concurrency.md#choose-the-primitive
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from checker.harness.schedule import Runtime

T = TypeVar("T")

# For each scenario: (the primitive, why in one line). The primitive is one of "mutex",
# "channel", "atomic CAS", "semaphore". The form, for a scenario that is not one of these four
# (wake every worker once the configuration is loaded): ("event", "many threads wait for one
# thing that happens once; set() releases them all and later waiters do not block").
CHOICES: dict[str, tuple[str, str]] = {
    "hit_counter": ("?", "?"),
    "ledger": ("?", "?"),
    "handoff": ("?", "?"),
    "connection_limit": ("?", "?"),
}


class HitCounter:
    """A count of hits that never makes a thread wait.

    >>> from checker.harness.schedule import REAL
    >>> hits = HitCounter(REAL)
    >>> hits.hit(); hits.hit(); hits.count()
    2
    """

    def __init__(self, rt: Runtime) -> None:
        """Start at 0.

        >>> from checker.harness.schedule import REAL
        >>> HitCounter(REAL).count()
        0
        """
        raise NotImplementedError

    def hit(self) -> None:
        """Add one, without ever waiting for another thread.

        >>> from checker.harness.schedule import REAL
        >>> hits = HitCounter(REAL); hits.hit(); hits.count()
        1
        """
        raise NotImplementedError

    def count(self) -> int:
        """The hits counted so far.

        >>> from checker.harness.schedule import REAL
        >>> HitCounter(REAL).count()
        0
        """
        raise NotImplementedError


class Ledger:
    """A balance and its history, always consistent: balance == opening + sum(history).

    >>> from checker.harness.schedule import REAL
    >>> ledger = Ledger(REAL, opening=10)
    >>> ledger.record(5), ledger.record(-20), ledger.record(-15), ledger.snapshot()
    (True, False, True, (0, (5, -15)))
    """

    def __init__(self, rt: Runtime, opening: int = 0) -> None:
        """Start at balance ``opening`` (>= 0) with an empty history.

        >>> from checker.harness.schedule import REAL
        >>> Ledger(REAL, opening=3).snapshot()
        (3, ())
        """
        raise NotImplementedError

    def record(self, amount: int) -> bool:
        """Apply ``amount`` and append it to the history, and return True; or return False and
        change nothing if the balance would go below 0.

        >>> from checker.harness.schedule import REAL
        >>> ledger = Ledger(REAL); ledger.record(-1), ledger.record(3)
        (False, True)
        """
        raise NotImplementedError

    def snapshot(self) -> tuple[int, tuple[int, ...]]:
        """``(balance, history)`` at one instant, the history as a tuple, oldest first.

        >>> from checker.harness.schedule import REAL
        >>> Ledger(REAL, opening=7).snapshot()
        (7, ())
        """
        raise NotImplementedError


class Handoff:
    """Items passed from producer threads to consumer threads, first in first out, at most
    ``capacity`` waiting at once.

    >>> from checker.harness.schedule import REAL
    >>> pipe = Handoff(REAL, capacity=2)
    >>> pipe.send("a"); pipe.send("b"); pipe.receive(), pipe.receive()
    ('a', 'b')
    """

    def __init__(self, rt: Runtime, capacity: int) -> None:
        """An empty hand-off holding at most ``capacity`` (>= 1) items.

        >>> from checker.harness.schedule import REAL
        >>> pipe = Handoff(REAL, capacity=1); pipe.send("only"); pipe.receive()
        'only'
        """
        raise NotImplementedError

    def send(self, item: object) -> None:
        """Hand ``item`` over; wait while ``capacity`` items are already waiting.

        >>> from checker.harness.schedule import REAL
        >>> pipe = Handoff(REAL, capacity=1); pipe.send(1); pipe.receive()
        1
        """
        raise NotImplementedError

    def receive(self) -> object:
        """The oldest waiting item; wait while there is none.

        >>> from checker.harness.schedule import REAL
        >>> pipe = Handoff(REAL, capacity=3); pipe.send("x"); pipe.receive()
        'x'
        """
        raise NotImplementedError


class ConnectionLimit:
    """Lets at most ``n`` callers run their work at the same time.

    >>> from checker.harness.schedule import REAL
    >>> ConnectionLimit(REAL, n=2).use(lambda: "queried")
    'queried'
    """

    def __init__(self, rt: Runtime, n: int) -> None:
        """Room for ``n`` (>= 1) callers at once.

        >>> from checker.harness.schedule import REAL
        >>> ConnectionLimit(REAL, n=3).use(lambda: "in")
        'in'
        """
        raise NotImplementedError

    def use(self, work: Callable[[], T]) -> T:
        """Wait for a slot, run ``work()`` holding it, give the slot back, return what work
        returned; if work raises, give the slot back and let the exception through.

        >>> from checker.harness.schedule import REAL
        >>> ConnectionLimit(REAL, n=1).use(lambda: 6 * 7)
        42
        """
        raise NotImplementedError
