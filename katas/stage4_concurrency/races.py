"""Data races: a counter and a bank whose shared state the harness can see, made thread-safe.

Two classes, each with its state in shared cells the test harness watches. Every ``load`` and
``store`` of an ``rt.SharedCell`` is a step the harness schedules, so another thread can run
between your read and your write, exactly as on a real machine. The tests run your code under
the harness's scheduler on many interleavings (every one within a small preemption bound where
the program is small) and stop at the first that breaks it, printing that schedule step by step
and a command that replays it.

1. ``Counter``: ``increment`` and ``value`` on a count kept in ``rt.SharedCell(0)``. The racy
   version, ``cell.store(cell.load() + 1)``, is shown in the stub: start from it, run the tests,
   read the race the harness reports, then fix it.
2. ``Bank``: one ``rt.SharedCell`` per account balance. ``transfer(src, dst, amount)`` moves
   money or refuses (returns False, changes nothing) when ``src`` holds less than ``amount``;
   ``balance(i)`` and ``total()`` read. The racy version checks the balance, then debits and
   credits, with nothing stopping another transfer in between.

The rules the tests check, on every explored schedule:

- no data race: every access to a cell is ordered by a lock (or a join) against every other;
- no lost update: n increments from n threads count n;
- no overdraft and no lost money: the final balances equal those of running the successful
  transfers one at a time, in some order, so money is conserved and no balance goes below 0,
  including two transfers in opposite directions (0 -> 1 while 1 -> 0) and a cycle of three;
- no deadlock, whichever transfers run together;
- ``total()`` taken while transfers run sees all the money: never a debit without its credit;
- one lock **per account**, not one for the whole bank: two transfers on four different
  accounts must be able to run at the same time (the tests look for a schedule where one
  touches its accounts while the other holds its locks).

Use only the primitives of ``rt`` (``rt.Lock``, ``rt.SharedCell``, ...; name them, e.g.
``rt.Lock(name="lock[0]")``: the names appear in the schedules the tests print). Plain Python
attributes are invisible to the scheduler, so keep every balance and the count in cells.
The same code runs on real threads when the tests pass the real runtime.

Why it matters: a lost update in a counter is a wrong metric; in a balance it is lost money.
Races hide on a laptop and appear under production load, and the fix you choose decides both
correctness and throughput: one big lock is safe but serializes every request, while per-row
locks scale only if they are always taken in one order.

Docs: docs/stage4_concurrency.md#data-races
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.schedule import Runtime


class Counter:
    """A count that many threads increment at once; it lives in ``rt.SharedCell(0)``.

    >>> from checker.harness.schedule import REAL
    >>> counter = Counter(REAL)
    >>> counter.increment(); counter.increment(); counter.value()
    2
    """

    def __init__(self, rt: Runtime) -> None:
        """Start at 0, kept in an ``rt.SharedCell`` (plus whatever primitive guards it).

        >>> from checker.harness.schedule import REAL
        >>> Counter(REAL).value()
        0
        """
        # The racy shape to start from:
        #     self._count = rt.SharedCell(0, name="count")
        raise NotImplementedError

    def increment(self) -> None:
        """Add one to the count; safe to call from many threads at once.

        >>> from checker.harness.schedule import REAL
        >>> counter = Counter(REAL); counter.increment(); counter.value()
        1
        """
        # The racy version: a load and a store, two steps another thread can come between.
        #     self._count.store(self._count.load() + 1)
        raise NotImplementedError

    def value(self) -> int:
        """The count now; safe to call while other threads increment.

        >>> from checker.harness.schedule import REAL
        >>> Counter(REAL).value()
        0
        """
        raise NotImplementedError


class Bank:
    """Accounts numbered 0..n-1, each balance in its own ``rt.SharedCell``.

    >>> from checker.harness.schedule import REAL
    >>> bank = Bank([100, 0], REAL)
    >>> bank.transfer(0, 1, 30), bank.transfer(1, 0, 50), bank.balance(1), bank.total()
    (True, False, 30, 100)
    """

    def __init__(self, balances: Sequence[int], rt: Runtime) -> None:
        """One account per starting balance, each in an ``rt.SharedCell``.

        >>> from checker.harness.schedule import REAL
        >>> Bank([5, 7], REAL).total()
        12
        """
        # The racy shape to start from:
        #     self._accounts = [rt.SharedCell(b, name=f"account[{i}]")
        #                       for i, b in enumerate(balances)]
        raise NotImplementedError

    def transfer(self, src: int, dst: int, amount: int) -> bool:
        """Move ``amount`` from ``src`` to ``dst`` and return True, or return False and change
        nothing when ``src`` holds less than ``amount``.

        Raise ``ValueError`` when ``src == dst`` or ``amount <= 0``.

        >>> from checker.harness.schedule import REAL
        >>> bank = Bank([100, 0], REAL)
        >>> bank.transfer(0, 1, 80), bank.transfer(0, 1, 80), bank.balance(0)
        (True, False, 20)
        """
        # The racy version: check, then act, with nothing stopping another transfer between.
        #     balance = self._accounts[src].load()
        #     if balance < amount:
        #         return False
        #     self._accounts[src].store(balance - amount)
        #     self._accounts[dst].store(self._accounts[dst].load() + amount)
        #     return True
        raise NotImplementedError

    def balance(self, account: int) -> int:
        """The balance of ``account`` now.

        >>> from checker.harness.schedule import REAL
        >>> Bank([5, 7], REAL).balance(1)
        7
        """
        raise NotImplementedError

    def total(self) -> int:
        """The sum of all balances at one instant, even while transfers run.

        >>> from checker.harness.schedule import REAL
        >>> Bank([5, 7, 1], REAL).total()
        13
        """
        raise NotImplementedError
