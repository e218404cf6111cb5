"""The transfer locks only the source account: the check and the debit are safe, but the credit
to dst is a bare load and store that races with any transfer out of dst."""

from __future__ import annotations

from solutions.stage4_concurrency.races import *  # noqa: F403
from solutions.stage4_concurrency.races import Bank as _Correct

KATA = "data-races"


class Bank(_Correct):
    def transfer(self, src: int, dst: int, amount: int) -> bool:
        if src == dst or amount <= 0:
            raise ValueError("a transfer needs two accounts and a positive amount")
        with self._locks[src]:
            balance = self._accounts[src].load()
            if balance < amount:
                return False
            self._accounts[src].store(balance - amount)
        self._accounts[dst].store(self._accounts[dst].load() + amount)  # the bug: unlocked
        return True
