"""One lock guards the whole bank: correct and deadlock-free, but every transfer waits for every
other, even on accounts it never touches (serial: no two transfers ever overlap)."""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.schedule import Runtime
from solutions.stage4_concurrency.races import *  # noqa: F403
from solutions.stage4_concurrency.races import Bank as _Correct

KATA = "data-races"


class Bank(_Correct):
    def __init__(self, balances: Sequence[int], rt: Runtime) -> None:
        super().__init__(balances, rt)
        self._bank_lock = rt.Lock(name="bank-lock")  # the bug: one lock for every account

    def transfer(self, src: int, dst: int, amount: int) -> bool:
        if src == dst or amount <= 0:
            raise ValueError("a transfer needs two accounts and a positive amount")
        with self._bank_lock:
            balance = self._accounts[src].load()
            if balance < amount:
                return False
            self._accounts[src].store(balance - amount)
            self._accounts[dst].store(self._accounts[dst].load() + amount)
            return True

    def balance(self, account: int) -> int:
        with self._bank_lock:
            return self._accounts[account].load()

    def total(self) -> int:
        with self._bank_lock:
            return sum(cell.load() for cell in self._accounts)
