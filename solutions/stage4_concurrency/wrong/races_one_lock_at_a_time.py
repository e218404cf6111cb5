"""The transfer debits under src's lock, releases it, then credits under dst's lock: never two
locks, so never a deadlock, and the end balances are right, but between the two steps the money
is in neither account, and a total() taken then comes up short."""

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
        # the bug: the money is in flight here, visible to anyone holding both locks
        with self._locks[dst]:
            self._accounts[dst].store(self._accounts[dst].load() + amount)
        return True
