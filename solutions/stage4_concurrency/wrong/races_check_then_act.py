"""The transfer checks the balance under the lock, releases it, then takes the locks again to
debit: between the check and the debit another transfer can spend the same money (overdraft)."""

from __future__ import annotations

from solutions.stage4_concurrency.races import *  # noqa: F403
from solutions.stage4_concurrency.races import Bank as _Correct

KATA = "data-races"


class Bank(_Correct):
    def transfer(self, src: int, dst: int, amount: int) -> bool:
        if src == dst or amount <= 0:
            raise ValueError("a transfer needs two accounts and a positive amount")
        with self._locks[src]:
            enough = self._accounts[src].load() >= amount
        if not enough:  # the bug: the answer is stale once the lock is released
            return False
        first, second = sorted((src, dst))
        with self._locks[first], self._locks[second]:
            self._accounts[src].store(self._accounts[src].load() - amount)
            self._accounts[dst].store(self._accounts[dst].load() + amount)
        return True
