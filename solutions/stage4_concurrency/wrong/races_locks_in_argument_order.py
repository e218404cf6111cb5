"""The transfer locks src, then dst: transfer(0, 1) and transfer(1, 0) each take one lock and
wait for the other's (a deadlock: the wait-for cycle T1 -> T2 -> T1)."""

from __future__ import annotations

from solutions.stage4_concurrency.races import *  # noqa: F403
from solutions.stage4_concurrency.races import Bank as _Correct

KATA = "data-races"


class Bank(_Correct):
    def transfer(self, src: int, dst: int, amount: int) -> bool:
        if src == dst or amount <= 0:
            raise ValueError("a transfer needs two accounts and a positive amount")
        with self._locks[src], self._locks[dst]:  # the bug: no global order
            balance = self._accounts[src].load()
            if balance < amount:
                return False
            self._accounts[src].store(balance - amount)
            self._accounts[dst].store(self._accounts[dst].load() + amount)
            return True
